// Changes made on two devices to the same field: listed where they happened, and settled by the
// person reading them, either way. The choice travels to every device like any edit (the engine
// sees the bookkeeping change as it sees a row's).
import { parseDocKey } from '../../domain/sync/doc-keys'
import { settle, type FieldConflict } from '../../domain/sync/merge'
import { ValidationError } from '../../domain/validation-error'
import { itemPatchSchema, planPatchSchema, sectionPatchSchema, type FieldValue, type Item } from '../../domain/model'
import { setItemValue, updateItem, updateSection } from '../checklist-repository'
import { db } from '../database'
import { updatePlan } from '../plan-repository'
import { sharedGateways } from './app-rows'
import type { Gateway } from '../gateway'
import { isSharingSetUp } from './sharing-flag'
import { syncBook, type ConflictRow } from './sync-book'

export interface RowConflicts extends ConflictRow {
  table: string
  id: string
}

const withIds = (rows: ConflictRow[]): RowConflicts[] =>
  rows.flatMap((row) => {
    const parsed = parseDocKey(row.key)
    return parsed ? [{ ...row, table: parsed.table, id: parsed.id }] : []
  })

/** The open conflicts of one plan's rows (the plan, its sections and items); none when sharing was never set up. */
async function planConflicts(planId: string): Promise<RowConflicts[]> {
  if (!isSharingSetUp()) return []
  return withIds(await syncBook.conflicts.where('planId').equals(planId).toArray())
}

/**
 * A plan's conflicts with the current version of each conflicting item (undefined once it is gone).
 * Only the conflicting items are read, and watched: a plan of 50,000 rows costs what it has conflicts.
 */
export async function planConflictsWithItems(planId: string): Promise<(RowConflicts & { item?: Item })[]> {
  const rows = (await planConflicts(planId)).filter((r) => r.table === 'plans' || r.table === 'sections' || r.table === 'items')
  const itemIds = rows.filter((r) => r.table === 'items').map((r) => r.id)
  const items = new Map((itemIds.length ? await db.items.bulkGet(itemIds) : []).flatMap((i) => (i ? [[i.id, i] as const] : [])))
  return rows.map((r) => (r.table === 'items' ? { ...r, item: items.get(r.id) } : r))
}

/** Every open conflict on this device, for the sharing settings. */
export async function allConflicts(): Promise<RowConflicts[]> {
  if (!isSharingSetUp()) return []
  return withIds(await syncBook.conflicts.toArray())
}

/** Writes the other device's value the way an edit of that field here is written, with the same checks. */
async function writeOther(table: string, id: string, { field, value }: FieldConflict, gateway: Gateway<{ id: string }>): Promise<void> {
  if (table === 'items' && field.startsWith('values.')) return setItemValue(id, field.slice('values.'.length), value as FieldValue)
  const patch = { [field]: value }
  // The status goes through the item's own edit, which sets or clears its done date with it.
  if (table === 'items' && field in itemPatchSchema.def.shape) return updateItem(id, patch)
  if (table === 'plans' && field in planPatchSchema.def.shape) return updatePlan(id, patch)
  if (table === 'sections' && field in sectionPatchSchema.def.shape) return updateSection(id, patch)
  await db.transaction('rw', gateway.tableName, () => gateway.patch(id, patch))
}

/**
 * Settles one field: 'this' keeps the value this device shows, 'other' writes the other device's
 * value (checked like any edit). Either way the conflict closes here and, once sent, everywhere.
 */
export async function chooseConflictValue(key: string, conflict: FieldConflict, take: 'this' | 'other'): Promise<void> {
  const parsed = parseDocKey(key)
  const gateway = parsed ? sharedGateways[parsed.table] : undefined
  const entry = await syncBook.conflicts.get(key)
  if (!parsed || !gateway || !entry) throw new ValidationError(['This conflict has already been settled'])
  if (take === 'other') await writeOther(parsed.table, parsed.id, conflict, gateway)
  const left = settle(entry.conflicts, conflict.field)
  if (left.length) await syncBook.conflicts.put({ ...entry, conflicts: left })
  else await syncBook.conflicts.delete(key)
}
