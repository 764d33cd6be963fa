// Two "devices" in one process: each with its own rows, bookkeeping and replication database,
// replicating with each other as they would through the team's server.
import { beforeAll, describe, expect, it } from 'vitest'
import { newTeamKey } from '../../src/domain/sync/envelope'
import type { SyncRow } from '../../src/domain/sync/merge'
import { dexieBook } from '../../src/db/sync/dexie-book'
import { Replica, type RowStore } from '../../src/db/sync/replica'
import { SyncBookDb } from '../../src/db/sync/sync-book'

type PouchStatic = PouchDB.Static

let Pouch: PouchStatic
let key: CryptoKey

beforeAll(async () => {
  // PouchDB's browser build reads `self`; its memory adapter stands in for IndexedDB here.
  Object.assign(globalThis, { self: globalThis })
  Pouch = (await import('pouchdb-browser')).default
  Pouch.plugin((await import('pouchdb-adapter-memory')).default)
  key = (await newTeamKey('a long enough team passphrase')).key
})

class MemoryRows implements RowStore {
  rows = new Map<string, SyncRow>()
  async read(keys: readonly string[]) {
    return new Map(keys.flatMap((k) => (this.rows.has(k) ? [[k, this.rows.get(k) as SyncRow] as const] : [])))
  }
  async allKeys() {
    return [...this.rows.keys()]
  }
  async apply(changes: readonly { key: string; row: SyncRow | null }[]) {
    const out = new Map<string, { stored: SyncRow | null } | { error: string }>()
    for (const { key, row } of changes) {
      if (row && typeof row.text === 'string' && row.text.length > 50) {
        out.set(key, { error: 'text: must be at most 50 characters' })
        continue
      }
      if (row) this.rows.set(key, row)
      else this.rows.delete(key)
      out.set(key, { stored: row })
    }
    return out
  }
}

let counter = 0
function device() {
  const name = `device-${++counter}-${crypto.randomUUID()}`
  const rows = new MemoryRows()
  const bookDb = new SyncBookDb(`book-${name}`)
  const book = dexieBook(bookDb)
  const local = new Pouch(name, { adapter: 'memory' })
  const replica = new Replica({ local, key, rows, book, format: 5 })
  const edit = (k: string, row: SyncRow) => rows.rows.set(k, row)
  return { rows, bookDb, local, replica, edit }
}

type Device = ReturnType<typeof device>

/** Both send what they have, replicate both ways, then take in (twice: merges made on arrival travel too). */
async function meet(a: Device, b: Device) {
  for (let round = 0; round < 3; round++) {
    await a.replica.send()
    await b.replica.send()
    await a.local.sync(b.local)
    await a.replica.receive()
    await b.replica.receive()
  }
  // Settled: no document holds an unmerged branch on either device.
  for (const d of [a, b]) {
    const docs = await d.local.allDocs({ include_docs: true, conflicts: true })
    expect(docs.rows.filter((r) => (r.doc as { _conflicts?: string[] } | undefined)?._conflicts?.length)).toEqual([])
  }
}

const item = (id: string, fields: Record<string, unknown> = {}): SyncRow => ({
  id,
  planId: 'p1',
  text: 'Call the hosting provider',
  notes: '',
  values: { owner: 'Sam', rto: 240 },
  updatedAt: '2026-11-29T10:00:00.000Z',
  ...fields,
})

describe('sharing between two devices', () => {
  it('a row written on one device arrives on the other, sealed on the way', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1', { notes: 'Secret vendor escalation number 0800 123' }))
    await meet(a, b)
    expect(b.rows.rows.get('items:i1')).toEqual(item('i1', { notes: 'Secret vendor escalation number 0800 123' }))
    const stored = JSON.stringify(await b.local.allDocs({ include_docs: true }))
    expect(stored).not.toContain('Secret vendor')
    expect(stored).not.toContain('Call the hosting provider')
  })

  it('edits of different items made apart are both kept on both devices', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1'))
    a.edit('items:i2', item('i2'))
    await meet(a, b)
    a.edit('items:i1', item('i1', { text: 'Call the host (A)', updatedAt: '2026-11-29T11:00:00.000Z' }))
    b.edit('items:i2', item('i2', { text: 'Tell the staff (B)', updatedAt: '2026-11-29T11:00:01.000Z' }))
    await meet(a, b)
    for (const d of [a, b]) {
      expect(d.rows.rows.get('items:i1')?.text).toBe('Call the host (A)')
      expect(d.rows.rows.get('items:i2')?.text).toBe('Tell the staff (B)')
      expect(await d.bookDb.conflicts.count()).toBe(0)
    }
  })

  it('different fields of one item changed apart are merged without a conflict', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1'))
    await meet(a, b)
    a.edit('items:i1', item('i1', { text: 'Call the host first', updatedAt: '2026-11-29T11:00:00.000Z' }))
    b.edit('items:i1', item('i1', { values: { owner: 'Priya', rto: 240 }, updatedAt: '2026-11-29T11:00:05.000Z' }))
    await meet(a, b)
    for (const d of [a, b]) {
      const row = d.rows.rows.get('items:i1')
      expect(row?.text).toBe('Call the host first')
      expect(row?.values).toEqual({ owner: 'Priya', rto: 240 })
      expect(await d.bookDb.conflicts.count()).toBe(0)
    }
  })

  it('the same field changed apart: one value everywhere, the other kept as a conflict on both', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1'))
    await meet(a, b)
    a.edit('items:i1', item('i1', { text: 'Phone the host from the car park', updatedAt: '2026-11-29T11:00:00.000Z' }))
    b.edit('items:i1', item('i1', { text: 'Email the host from home', updatedAt: '2026-11-29T11:00:09.000Z' }))
    await meet(a, b)
    const textA = a.rows.rows.get('items:i1')?.text
    expect(textA).toBe(b.rows.rows.get('items:i1')?.text)
    const other = textA === 'Phone the host from the car park' ? 'Email the host from home' : 'Phone the host from the car park'
    for (const d of [a, b]) {
      const conflict = await d.bookDb.conflicts.get('items:i1')
      expect(conflict?.planId).toBe('p1')
      expect(conflict?.conflicts).toEqual([expect.objectContaining({ field: 'text', value: other })])
    }
  })

  it('a delete reaches the other device, but an edit made there meanwhile is not lost', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1'))
    a.edit('items:i2', item('i2'))
    await meet(a, b)
    a.rows.rows.delete('items:i1')
    a.rows.rows.delete('items:i2')
    b.edit('items:i2', item('i2', { text: 'Edited while the other deleted it', updatedAt: '2026-11-29T12:00:00.000Z' }))
    await meet(a, b)
    for (const d of [a, b]) {
      expect(d.rows.rows.has('items:i1')).toBe(false)
      expect(d.rows.rows.get('items:i2')?.text).toBe('Edited while the other deleted it')
    }
  })

  it('an edit not yet sent is never overwritten by a change arriving for the same row', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1'))
    await meet(a, b)
    a.edit('items:i1', item('i1', { notes: 'From A', updatedAt: '2026-11-29T11:00:00.000Z' }))
    await a.replica.send()
    await a.local.sync(b.local)
    // B edits before taking in A's change: its edit must be sent as a branch, not dropped.
    b.edit('items:i1', item('i1', { notes: 'From B', updatedAt: '2026-11-29T11:00:01.000Z' }))
    await b.replica.receive()
    await meet(a, b)
    const notes = a.rows.rows.get('items:i1')?.notes
    expect(b.rows.rows.get('items:i1')?.notes).toBe(notes)
    const conflict = await b.bookDb.conflicts.get('items:i1')
    expect([notes, conflict?.conflicts[0]?.value].sort()).toEqual(['From A', 'From B'])
  })

  it('a row the app refuses is reported and not written', async () => {
    const a = device()
    const b = device()
    a.edit('items:i1', item('i1', { text: 'x'.repeat(60) }))
    await meet(a, b)
    expect(b.rows.rows.has('items:i1')).toBe(false)
    expect((await b.bookDb.problems.get('items:i1'))?.message).toMatch(/at most 50 characters/)
  })

  it('a device with another team key cannot read the rows and says so', async () => {
    const a = device()
    const stranger = device()
    const otherKey = (await newTeamKey('a different team passphrase')).key
    const c = { ...stranger, replica: new Replica({ local: stranger.local, key: otherKey, rows: stranger.rows, book: dexieBook(stranger.bookDb), format: 5 }) }
    a.edit('items:i1', item('i1'))
    await a.replica.send()
    await a.local.replicate.to(c.local)
    await c.replica.receive()
    expect(c.rows.rows.size).toBe(0)
    expect((await c.bookDb.problems.get('items:i1'))?.message).toMatch(/key|passphrase/i)
  })

  it('an item deleted on one device is kept on both, to be put back; a plan removed for good takes its removed rows with it', async () => {
    const a = device()
    const b = device()
    const plan: SyncRow = { id: 'p1', title: 'BC plan', updatedAt: '2026-11-29T10:00:00.000Z' }
    a.edit('plans:p1', plan)
    a.edit('items:i1', item('i1', { text: 'Ring the landlord' }))
    await meet(a, b)
    a.rows.rows.delete('items:i1')
    await meet(a, b)
    expect(b.rows.rows.has('items:i1')).toBe(false)
    expect(await a.bookDb.removed.get('items:i1')).toMatchObject({ planId: 'p1', where: 'here', row: { text: 'Ring the landlord' } })
    expect(await b.bookDb.removed.get('items:i1')).toMatchObject({ planId: 'p1', where: 'elsewhere', row: { text: 'Ring the landlord' } })
    a.rows.rows.delete('plans:p1')
    await meet(a, b)
    expect(await a.bookDb.removed.count()).toBe(0)
    expect(await b.bookDb.removed.count()).toBe(0)
  })
})
