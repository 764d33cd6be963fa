// The replica's bookkeeping kept in this device's sharing database (sync-book.ts).
import type { FieldConflict, SyncRow } from '../../domain/sync/merge'
import type { Book } from './replica'
import type { SyncBookDb } from './sync-book'

const planOf = (key: string, row: SyncRow | null): string => {
  if (!row) return ''
  if (key.startsWith('plans:')) return row.id
  return typeof row.planId === 'string' ? row.planId : ''
}

export function dexieBook(book: SyncBookDb): Book {
  return {
    async bases(keys) {
      const found = await book.bases.bulkGet([...keys])
      return new Map(found.filter((b) => b !== undefined).map((b) => [b.key, b]))
    },
    allBaseKeys: () => book.bases.toCollection().primaryKeys(),
    async putBases(bases) {
      if (bases.length) await book.bases.bulkPut([...bases])
    },
    async taken(rows) {
      if (!rows.length) return
      // One transaction for a batch: thousands of rows arriving must not cost thousands of commits.
      await book.transaction('rw', book.bases, book.conflicts, book.problems, async () => {
        await book.bases.bulkPut(rows.map((r) => r.base))
        const open = rows.filter((r) => r.conflicts.length)
        await book.conflicts.bulkPut(open.map((r) => ({ key: r.base.key, planId: planOf(r.base.key, r.row), conflicts: [...r.conflicts] })))
        await book.conflicts.bulkDelete(rows.filter((r) => !r.conflicts.length).map((r) => r.base.key))
        await book.problems.bulkDelete(rows.map((r) => r.base.key))
      })
    },
    async conflicts(keys) {
      const found = await book.conflicts.bulkGet([...keys])
      return new Map(found.filter((c) => c !== undefined).map((c) => [c.key, c.conflicts]))
    },
    async setConflicts(key: string, row: SyncRow | null, conflicts: readonly FieldConflict[]) {
      if (conflicts.length) await book.conflicts.put({ key, planId: planOf(key, row), conflicts: [...conflicts] })
      else await book.conflicts.delete(key)
    },
    async addOutbox(keys) {
      if (keys.length) await book.outbox.bulkPut(keys.map((key) => ({ key })))
    },
    async problem(key, message) {
      if (message === null) await book.problems.delete(key)
      else await book.problems.put({ key, message })
    },
    async removed(key, row, where) {
      await book.removed.put({ key, planId: planOf(key, row), row, removedAt: new Date().toISOString(), where })
      // The list stays short: the most recent 500 are kept.
      const extra = (await book.removed.count()) - 500
      if (extra > 0) await book.removed.bulkDelete(await book.removed.orderBy('removedAt').limit(extra).primaryKeys())
    },
    async forgetRemovedOf(planId) {
      await book.removed.where('planId').equals(planId).delete()
    },
    async seq() {
      const row = await book.meta.get('seq')
      return row ? JSON.parse(row.value) : 0
    },
    async setSeq(seq) {
      await book.meta.put({ name: 'seq', value: JSON.stringify(seq) })
    },
  }
}
