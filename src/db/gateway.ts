// The one way rows are written: each table gets a gateway that checks every row it writes
// against the row's schema and stamps `updatedAt`, so no write path can skip either.
// Repository functions decide what to write; only this module (and the import's bulk write)
// calls Dexie's add/put/update.
import type { EntityTable, IDType, InsertType, UpdateSpec } from 'dexie'
import type * as z from 'zod/mini'
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { nowIso } from './clock'

type Row = { id: string }

export interface Gateway<T extends Row> {
  /** Adds a new row; returns what was stored (what the schema gave back). */
  add(row: T): Promise<T>
  /** Adds or replaces a row whole: for undo and restore, where the row is put back as it was. */
  put(row: T): Promise<T>
  bulkAdd(rows: readonly T[]): Promise<T[]>
  bulkPut(rows: readonly T[]): Promise<T[]>
  /**
   * Changes some fields of one row. Only those fields are written, so another tab's edit of
   * another field survives; the merged row is checked first. Returns the row as it is now.
   */
  patch(id: string, changes: Partial<T>): Promise<T>
  /** Sets one value at a key path ("values.rto"), leaving the rest of that object as it is. */
  setPath(id: string, path: string, value: unknown): Promise<T>
  /** The table's name, for a transaction that spans several writes. */
  readonly tableName: string
  /** Reads the row or says, in words, that it is gone. */
  require(id: string): Promise<T>
  delete(id: string): Promise<void>
  bulkDelete(ids: readonly string[]): Promise<void>
}

interface Options {
  /** The row's name in messages: "This item no longer exists". */
  noun: string
  /** Whether rows carry updatedAt (log entries do not: they are stamped once, when written). */
  stamped: boolean
}

/** The row with `changes` applied, key paths included, without touching the row read. */
export function applyChanges<T extends object>(row: T, changes: Readonly<Record<string, unknown>>): T {
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) }
  for (const [key, value] of Object.entries(changes)) {
    const path = key.split('.')
    let target = out
    for (const step of path.slice(0, -1)) {
      const inner = target[step]
      const copy = inner !== null && typeof inner === 'object' ? { ...(inner as Record<string, unknown>) } : {}
      target[step] = copy
      target = copy
    }
    const last = path[path.length - 1] as string
    if (value === undefined) Reflect.deleteProperty(target, last)
    else target[last] = value
  }
  return out as T
}

export function gateway<T extends Row>(table: EntityTable<T, 'id'>, schema: z.ZodMiniType<T>, { noun, stamped }: Options): Gateway<T> {
  // Every row's key is its string id; Dexie's generic key type cannot see that through T.
  const key = (id: string) => id as IDType<T, 'id'>
  const valid = (row: unknown, what = noun): T => check(schema, row, what)
  const db = table.db

  async function require(id: string): Promise<T> {
    const row = await table.get(key(id))
    if (!row) throw new ValidationError([`This ${noun} no longer exists`])
    return row
  }

  /** Writes only the changed keys, after checking the row they make. */
  function update(id: string, changes: Readonly<Record<string, unknown>>): Promise<T> {
    return db.transaction('rw', table, async () => {
      const row = await require(id)
      const spec = stamped ? { ...changes, updatedAt: nowIso() } : changes
      const next = valid(applyChanges(row, spec))
      // What is written is what the schema gave back for the changed fields (trimmed text).
      const checked = next as Record<string, unknown>
      const written = Object.fromEntries(Object.keys(spec).map((k) => [k, k.includes('.') ? spec[k] : checked[k]]))
      await table.update(key(id), written as UpdateSpec<InsertType<T, 'id'>>)
      return next
    })
  }

  return {
    require,
    async add(row) {
      const stored = valid(row)
      await table.add(stored)
      return stored
    },
    async put(row) {
      const stored = valid(row)
      await table.put(stored)
      return stored
    },
    async bulkAdd(rows) {
      const stored = rows.map((r, i) => valid(r, `${noun}s[${i}]`))
      await table.bulkAdd(stored)
      return stored
    },
    async bulkPut(rows) {
      const stored = rows.map((r, i) => valid(r, `${noun}s[${i}]`))
      await table.bulkPut(stored)
      return stored
    },
    tableName: table.name,
    patch: (id, changes) => update(id, changes),
    setPath: (id, path, value) => update(id, { [path]: value }),
    async delete(id) {
      await table.delete(key(id))
    },
    async bulkDelete(ids) {
      await table.bulkDelete(ids.map(key))
    },
  }
}
