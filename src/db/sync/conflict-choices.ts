// Changes made on two devices to the same field: listed where they happened, and settled by the
// person reading them, either way. The choice travels to every device like any edit (the engine
// sees the bookkeeping change as it sees a row's).
import { parseDocKey } from '../../domain/sync/doc-keys'
import { settle, type FieldConflict } from '../../domain/sync/merge'
import { ValidationError } from '../../domain/validation-error'
import { db } from '../database'
import type { Gateway } from '../gateway'
import * as writes from '../writes'
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
export async function planConflicts(planId: string): Promise<RowConflicts[]> {
  if (!isSharingSetUp()) return []
  return withIds(await syncBook.conflicts.where('planId').equals(planId).toArray())
}

/** Every open conflict on this device, for the sharing settings. */
export async function allConflicts(): Promise<RowConflicts[]> {
  if (!isSharingSetUp()) return []
  return withIds(await syncBook.conflicts.toArray())
}

const gateways: Record<string, Gateway<{ id: string }> | undefined> = {
  plans: writes.plans,
  sections: writes.sections,
  items: writes.items,
  drills: writes.drills,
  scenarios: writes.scenarios,
  templates: writes.templates,
}

/**
 * Settles one field: 'this' keeps the value this device shows, 'other' writes the other device's
 * value (checked like any edit). Either way the conflict closes here and, once sent, everywhere.
 */
export async function chooseConflictValue(key: string, conflict: FieldConflict, take: 'this' | 'other'): Promise<void> {
  const parsed = parseDocKey(key)
  const gateway = parsed ? gateways[parsed.table] : undefined
  const entry = await syncBook.conflicts.get(key)
  if (!parsed || !gateway || !entry) throw new ValidationError(['This conflict has already been settled'])
  if (take === 'other') {
    await db.transaction('rw', gateway.tableName, async () => {
      if (conflict.field.startsWith('values.')) await gateway.setPath(parsed.id, conflict.field, conflict.value)
      else await gateway.patch(parsed.id, { [conflict.field]: conflict.value })
    })
  }
  const left = settle(entry.conflicts, conflict.field)
  if (left.length) await syncBook.conflicts.put({ ...entry, conflicts: left })
  else await syncBook.conflicts.delete(key)
}
