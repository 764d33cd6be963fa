// The app's rows as the replica sees them: read by document key, and other devices' versions
// written through each table's gateway, so they are checked by the same rules as an edit made here.
import { docKey, parseDocKey, SYNCED_TABLES, type SyncedTable } from '../../domain/sync/doc-keys'
import type { SyncRow } from '../../domain/sync/merge'
import { ValidationError } from '../../domain/validation-error'
import { db } from '../database'
import type { Gateway } from '../gateway'
import * as writes from '../writes'
import type { RowStore } from './replica'

/** The gateway each shared table is written through. */
export const sharedGateways: Record<SyncedTable, Gateway<{ id: string }>> = {
  plans: writes.plans,
  sections: writes.sections,
  items: writes.items,
  drills: writes.drills,
  drillEvents: writes.drillEvents,
  scenarios: writes.scenarios,
  templates: writes.templates,
}

const tables = () => SYNCED_TABLES.map((t) => db.table(t))

function byTable(keys: readonly string[]): Map<SyncedTable, string[]> {
  const out = new Map<SyncedTable, string[]>()
  for (const key of keys) {
    const parsed = parseDocKey(key)
    if (!parsed) continue
    out.set(parsed.table, [...(out.get(parsed.table) ?? []), parsed.id])
  }
  return out
}

export const appRows: RowStore = {
  async read(keys) {
    const out = new Map<string, SyncRow>()
    for (const [table, ids] of byTable(keys)) {
      const rows = (await db.table(table).bulkGet(ids)) as (SyncRow | undefined)[]
      for (const row of rows) if (row) out.set(docKey(table, row.id), row)
    }
    return out
  },
  async allKeys() {
    const out: string[] = []
    for (const table of SYNCED_TABLES) {
      const ids = (await db.table(table).toCollection().primaryKeys()) as string[]
      for (const id of ids) out.push(docKey(table, id))
    }
    return out
  },
  apply(changes) {
    return db.transaction('rw', tables(), async () => {
      const out = new Map<string, { stored: SyncRow | null } | { error: string }>()
      for (const { key, row } of changes) {
        const parsed = parseDocKey(key)
        if (!parsed) continue
        const gateway = sharedGateways[parsed.table]
        if (row === null) {
          await gateway.delete(parsed.id)
          out.set(key, { stored: null })
          continue
        }
        if (row.id !== parsed.id) {
          out.set(key, { error: 'This change from another device names another row than its own' })
          continue
        }
        try {
          out.set(key, { stored: (await gateway.put(row)) as SyncRow })
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error
          out.set(key, { error: `A change from another device breaks this app's rules: ${error.message}` })
        }
      }
      return out
    })
  },
}
