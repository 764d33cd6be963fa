// Database v4 (data model v5): each section records its role and its register fields their ids,
// items say whether they are a task or a response step, ordering keys become strings, and drills
// say they are drills (see domain/upgrade-v5.ts). Nothing is dropped.
import type { Transaction } from 'dexie'
import type { Drill } from '../domain/drill-model'
import type { Item, Plan, Section } from '../domain/model'
import { keysForNumbers, upgradeSection, V5_DRILL_DEFAULTS, V5_ITEM_DEFAULTS } from '../domain/upgrade-v5'
import type { UserTemplate } from '../domain/user-template'

/** A v4 row as stored: the v5 fields missing, its order a number. */
type Old<T> = Omit<T, 'order' | 'role' | 'kind' | 'phase'> & { order: unknown }

export async function upgradeToV4(tx: Transaction): Promise<void> {
  const plans = new Map((await tx.table<Plan, string>('plans').toArray()).map((p) => [p.id, p]))
  const sections = (await tx.table('sections').toArray()) as Old<Section>[]
  const items = (await tx.table('items').toArray()) as Old<Item>[]

  const bySection = new Map<string, Old<Item>[]>()
  for (const item of items) {
    const list = bySection.get(item.sectionId)
    if (list) list.push(item)
    else bySection.set(item.sectionId, [item])
  }
  const byPlan = new Map<string, Old<Section>[]>()
  for (const section of sections) {
    const list = byPlan.get(section.planId)
    if (list) list.push(section)
    else byPlan.set(section.planId, [section])
  }

  const sectionRows: Section[] = []
  const itemRows: Item[] = []
  for (const [planId, own] of byPlan) {
    const kind = plans.get(planId)?.kind ?? 'custom'
    const sectionKeys = keysForNumbers(own)
    for (const section of own) {
      const rows = bySection.get(section.id) ?? []
      const up = upgradeSection(kind, section.fields, rows, 'notes')
      sectionRows.push({ ...section, order: sectionKeys.get(section) ?? 'a0', role: up.role, fields: up.fields })
      const itemKeys = keysForNumbers(up.items)
      for (const item of up.items) itemRows.push({ ...V5_ITEM_DEFAULTS, ...item, order: itemKeys.get(item) ?? 'a0' })
    }
  }
  // Items whose section is gone (only an inconsistent database has them) still get keys and defaults.
  const placed = new Set(itemRows.map((i) => i.id))
  const strays = items.filter((i) => !placed.has(i.id))
  const strayKeys = keysForNumbers(strays)
  for (const item of strays) itemRows.push({ ...V5_ITEM_DEFAULTS, ...item, order: strayKeys.get(item) ?? 'a0' })

  await tx.table('sections').bulkPut(sectionRows)
  await tx.table('items').bulkPut(itemRows)

  const drills = (await tx.table('drills').toArray()) as Omit<Drill, keyof typeof V5_DRILL_DEFAULTS>[]
  await tx.table('drills').bulkPut(drills.map((d): Drill => ({ ...V5_DRILL_DEFAULTS, stepMatches: [], ...d })))

  const templates = (await tx.table<UserTemplate, string>('templates').toArray()).map((t) => ({
    ...t,
    sections: t.sections.map((s) => {
      const up = upgradeSection(t.kind, s.fields ?? [], s.items, 'guidance')
      return { ...s, ...(up.role === 'checklist' ? {} : { role: up.role }), ...(s.fields || up.fields.length ? { fields: up.fields } : {}), items: up.items }
    }),
  }))
  await tx.table('templates').bulkPut(templates)
}
