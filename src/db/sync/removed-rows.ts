// Items and sections deleted while the plans are shared, on this device or another: listed in the
// trash and put back from there, so a delete made on one laptop can be undone on any of them.
import { ValidationError } from '../../domain/validation-error'
import type { Item, Section } from '../../domain/model'
import { db } from '../database'
import * as writes from '../writes'
import { isSharingSetUp } from './sharing-flag'
import { syncBook, type RemovedRow } from './sync-book'

export interface RemovedEntry extends RemovedRow {
  /** The plan it was in, by title (it may have been renamed since). */
  planTitle: string
}

/** What was removed, newest first, with the plans' titles; nothing when sharing was never set up. */
export async function listRemoved(): Promise<RemovedEntry[]> {
  if (!isSharingSetUp()) return []
  const rows = await syncBook.removed.orderBy('removedAt').reverse().toArray()
  const plans = new Map((await db.plans.bulkGet([...new Set(rows.map((r) => r.planId))])).flatMap((p) => (p ? [[p.id, p.title] as const] : [])))
  return rows.filter((r) => plans.has(r.planId)).map((r) => ({ ...r, planTitle: plans.get(r.planId) ?? '' }))
}

/**
 * Puts a removed row back as it was, checked like any edit. A section comes back with the items
 * removed with it; an item whose section was removed too brings its section back first.
 */
export async function restoreRemoved(key: string): Promise<void> {
  const entry = await syncBook.removed.get(key)
  if (!entry) throw new ValidationError(['This was already put back, or is no longer kept'])
  const all = await syncBook.removed.where('planId').equals(entry.planId).toArray()
  const sections: Section[] = []
  const items: Item[] = []
  if (key.startsWith('sections:')) {
    sections.push(entry.row as unknown as Section)
    for (const r of all) if (r.key.startsWith('items:') && r.row.sectionId === entry.row.id) items.push(r.row as unknown as Item)
  } else {
    const item = entry.row as unknown as Item
    items.push(item)
    const section = all.find((r) => r.key === `sections:${item.sectionId}`)
    if (section) sections.push(section.row as unknown as Section)
  }
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    const plan = await db.plans.get(entry.planId)
    if (!plan) throw new ValidationError(['Its plan has been removed for good'])
    await writes.sections.bulkPut(sections)
    for (const item of items) {
      if (!(await db.sections.get(item.sectionId))) throw new ValidationError([`The section of "${item.text}" no longer exists`])
    }
    await writes.items.bulkPut(items)
  })
  await syncBook.removed.bulkDelete([...sections.map((s) => `sections:${s.id}`), ...items.map((i) => `items:${i.id}`)])
}

/** Drops a removed row from the list for good. */
export async function forgetRemoved(key: string): Promise<void> {
  await syncBook.removed.delete(key)
}
