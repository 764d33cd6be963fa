// Database v3: rows older versions wrote that today's rules refuse, brought up to them in place
// (see domain/row-repair.ts). Nothing is dropped: a value that fits no field moves into the item's
// notes (the guidance, for an item of a saved template).
import type { Transaction } from 'dexie'
import type { Item, Section } from '../domain/model'
import { repairSection } from '../domain/row-repair'
import type { UserTemplate } from '../domain/user-template'

/** A repair, or nothing when the row holds what no version could have written: it stays as it is. */
function tryRepair<T>(repair: () => T | null): T | null {
  try {
    return repair()
  } catch (e) {
    console.warn('A row was left as it was by the upgrade', e)
    return null
  }
}

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const sections = tx.table<Section, string>('sections')
  const items = tx.table<Item, string>('items')
  const templates = tx.table<UserTemplate, string>('templates')

  const bySection = new Map<string, Item[]>()
  for (const item of await items.toArray()) {
    const list = bySection.get(item.sectionId)
    if (list) list.push(item)
    else bySection.set(item.sectionId, [item])
  }
  const sectionRows: Section[] = []
  const itemRows: Item[] = []
  for (const section of await sections.toArray()) {
    const own = bySection.get(section.id) ?? []
    const repaired = tryRepair(() => repairSection(section.fields, own, 'notes'))
    if (!repaired) continue
    sectionRows.push({ ...section, fields: repaired.fields })
    repaired.items.forEach((item, n) => {
      if (item !== own[n]) itemRows.push(item)
    })
  }
  await sections.bulkPut(sectionRows)
  await items.bulkPut(itemRows)

  const templateRows: UserTemplate[] = []
  for (const template of await templates.toArray()) {
    let changed = false
    const fixed = template.sections.map((section) => {
      const repaired = tryRepair(() => repairSection(section.fields ?? [], section.items, 'guidance'))
      if (!repaired) return section
      changed = true
      return { ...section, ...(section.fields ? { fields: repaired.fields } : {}), items: repaired.items }
    })
    if (changed) templateRows.push({ ...template, sections: fixed })
  }
  await templates.bulkPut(templateRows)
}
