// The heart of sharing on one device: keeps the app's rows and the local replication database
// (PouchDB, which CouchDB's replicator keeps in step with the team's server) telling the same story.
// - Sending: a row whose content differs from the version last sent or received is sealed and
//   written as the next revision of its document. If that document has moved on meanwhile, the
//   row is written as a branch beside it, so the replicator sees a conflict rather than one edit
//   silently replacing the other.
// - Receiving: a new revision is opened, checked by the app's own rules and written to the app's
//   rows, unless this device has an edit not yet sent (that edit is sent first, as a branch).
// - Conflicts: every device merges a document's branches the same way (merge.ts), writes the
//   result on top of the replicator's winner and closes the other branches.
// The app's store and the bookkeeping are passed in, so the same code runs in tests with two
// in-memory "devices".
import { unseal, seal } from '../../domain/sync/envelope'
import { canonicalJson, mergeVersions, type FieldConflict, type RowVersion, type SyncRow } from '../../domain/sync/merge'
import { parseDocKey } from '../../domain/sync/doc-keys'
import { messageOf } from '../../domain/sync/sync-messages'
import type { Base } from './sync-book'

/** The app's data as sharing sees it. */
export interface RowStore {
  /** The current rows for these keys; a key without a row is absent from the map. */
  read(keys: readonly string[]): Promise<Map<string, SyncRow>>
  /** Every key of every shared row on this device. */
  allKeys(): Promise<string[]>
  /**
   * Writes other devices' versions (null: deleted). Each row is checked by the app's rules first;
   * the result per key is the row as stored, or why it was refused.
   */
  apply(changes: readonly { key: string; row: SyncRow | null }[]): Promise<Map<string, { stored: SyncRow | null } | { error: string }>>
}

/** A version taken in from another device, as the bookkeeping records it. */
export interface Taken {
  base: Base
  row: SyncRow | null
  conflicts: readonly FieldConflict[]
}

/** This device's bookkeeping (sync-book.ts). */
export interface Book {
  bases(keys: readonly string[]): Promise<Map<string, Base>>
  allBaseKeys(): Promise<string[]>
  putBases(bases: readonly Base[]): Promise<void>
  /** Records, in one go, the versions taken in: their bases and conflicts, and that they no longer have a problem. */
  taken(rows: readonly Taken[]): Promise<void>
  conflicts(keys: readonly string[]): Promise<Map<string, FieldConflict[]>>
  setConflicts(key: string, row: SyncRow | null, conflicts: readonly FieldConflict[]): Promise<void>
  addOutbox(keys: readonly string[]): Promise<void>
  problem(key: string, message: string | null): Promise<void>
  /** Keeps a deleted item or section (with the plan it was in) so it can be put back; forgets a purged plan's. */
  removed(key: string, row: SyncRow, where: 'here' | 'elsewhere'): Promise<void>
  forgetRemovedOf(planId: string): Promise<void>
  seq(): Promise<string | number>
  setSeq(seq: string | number): Promise<void>
}

/** What a sealed document holds. `format` is the app's data format, so an older app can refuse a newer row. */
interface Body {
  format: number
  row: SyncRow
  conflicts: FieldConflict[]
}

type Doc = PouchDB.Core.ExistingDocument<Record<string, unknown>> & { _conflicts?: string[]; _deleted?: boolean }

interface ReplicaOptions {
  local: PouchDB.Database
  key: CryptoKey
  rows: RowStore
  book: Book
  format: number
}

const stateJson = (row: SyncRow | undefined | null, conflicts: readonly FieldConflict[] | undefined): string | null =>
  row ? canonicalJson({ row, conflicts: conflicts ?? [] }) : null

function randomRevHash(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** A child revision of `parent` whose id is a digest of what it holds: the same content gets the same id on every device. */
async function childRev(parent: string, content: string): Promise<{ _rev: string; _revisions: { start: number; ids: string[] } }> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${parent}\n${content}`)))
  const hash = Array.from(digest.slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('')
  const start = Number.parseInt(parent, 10) + 1
  return { _rev: `${start}-${hash}`, _revisions: { start, ids: [hash, parent.slice(parent.indexOf('-') + 1)] } }
}

const isConflict = (r: unknown): boolean => typeof r === 'object' && r !== null && (r as { status?: number }).status === 409

const BATCH = 400

export class Replica {
  private readonly local: PouchDB.Database
  private readonly key: CryptoKey
  private readonly rows: RowStore
  private readonly book: Book
  private readonly format: number
  /** One operation at a time: sending and receiving the same row must not interleave. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(options: ReplicaOptions) {
    this.local = options.local
    this.key = options.key
    this.rows = options.rows
    this.book = options.book
    this.format = options.format
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work)
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Sends what changed among these rows (all rows when `keys` is omitted: the comparison at start). */
  send(keys?: readonly string[]): Promise<number> {
    return this.serial(async () => {
      const all = keys ?? [...new Set([...(await this.rows.allKeys()), ...(await this.book.allBaseKeys())])]
      let sent = 0
      for (let i = 0; i < all.length; i += BATCH) sent += await this.sendBatch(all.slice(i, i + BATCH))
      return sent
    })
  }

  /** Takes in every revision the local database has received since last time. */
  receive(): Promise<number> {
    return this.serial(async () => {
      let taken = 0
      for (;;) {
        const since = await this.book.seq()
        const res = await this.local.changes({ since, include_docs: true, conflicts: true, limit: BATCH })
        taken += await this.receiveBatch(res.results.map((r) => r.doc as Doc | undefined).filter((d): d is Doc => d !== undefined))
        await this.book.setSeq(res.last_seq)
        if (res.results.length < BATCH) return taken
      }
    })
  }

  private async sealDoc(key: string, row: SyncRow, conflicts: readonly FieldConflict[]) {
    const body: Body = { format: this.format, row, conflicts: [...conflicts] }
    return seal(this.key, key, body)
  }

  private async sendBatch(keys: readonly string[]): Promise<number> {
    const rows = await this.rows.read(keys)
    const bases = await this.book.bases(keys)
    const conflicts = await this.book.conflicts(keys)
    const docs: { key: string; json: string | null; doc: PouchDB.Core.PutDocument<Record<string, unknown>> & { _deleted?: boolean } }[] = []
    for (const key of keys) {
      if (!parseDocKey(key)) continue
      const row = rows.get(key)
      const json = stateJson(row, conflicts.get(key))
      const base = bases.get(key)
      if (json === (base?.json ?? null)) continue
      const rev = base?.rev
      if (row) docs.push({ key, json, doc: { _id: key, ...(rev ? { _rev: rev } : {}), ...(await this.sealDoc(key, row, conflicts.get(key) ?? [])) } })
      else if (base && rev) docs.push({ key, json: null, doc: { _id: key, _rev: rev, _deleted: true } })
    }
    if (!docs.length) return 0
    const results = await this.local.bulkDocs(docs.map((d) => d.doc))
    const written: Base[] = []
    for (const [i, result] of results.entries()) {
      const sent = docs[i]
      if (!sent) continue
      if ('ok' in result && result.ok) written.push({ key: sent.key, rev: result.rev, json: sent.json })
      else if (isConflict(result)) written.push({ key: sent.key, rev: await this.branch(sent.doc), json: sent.json })
      else throw new Error(`Sharing could not store a change: ${'message' in result ? String(result.message) : 'unknown error'}`)
    }
    await this.book.putBases(written)
    await this.book.addOutbox(written.map((w) => w.key))
    // A row deleted here has no field left to choose between, and is kept to be put back if wanted.
    for (const w of written) {
      if (w.json !== null) continue
      await this.book.setConflicts(w.key, null, [])
      if (w.key.startsWith('plans:')) await this.book.forgetRemovedOf(w.key.slice('plans:'.length))
      const was = bases.get(w.key)?.json
      if (was) await this.keepRemoved(w.key, (JSON.parse(was) as { row: SyncRow }).row, 'here')
    }
    return written.length
  }

  /** Keeps a deleted item or section, unless its plan is gone too (removed for good: nothing to put back into). */
  private async keepRemoved(key: string, row: SyncRow, where: 'here' | 'elsewhere'): Promise<void> {
    if (!key.startsWith('items:') && !key.startsWith('sections:')) return
    const planKey = typeof row.planId === 'string' ? `plans:${row.planId}` : ''
    if (!planKey || !(await this.rows.read([planKey])).has(planKey)) return
    await this.book.removed(key, row, where)
  }

  /**
   * Writes `doc` as a new branch beside the document's current revision, descending from the
   * version this device last had: the replicator then holds both, and the conflict is merged.
   */
  private async branch(doc: PouchDB.Core.PutDocument<Record<string, unknown>> & { _deleted?: boolean }): Promise<string> {
    const parent = typeof doc._rev === 'string' ? doc._rev : null
    const start = parent ? Number.parseInt(parent, 10) + 1 : 1
    const hash = randomRevHash()
    const rev = `${start}-${hash}`
    const ids = parent ? [hash, parent.slice(parent.indexOf('-') + 1)] : [hash]
    await this.local.bulkDocs([{ ...doc, _rev: rev, _revisions: { start, ids } }], { new_edits: false })
    return rev
  }

  private async openBody(key: string, doc: Doc): Promise<Body> {
    const body = (await unseal(this.key, key, doc)) as Partial<Body> | null
    if (!body || typeof body !== 'object' || typeof body.format !== 'number' || !body.row || typeof body.row !== 'object')
      throw new Error('This change from another device is not a row this app knows')
    if (body.format > this.format) throw new Error('This change was made by a newer version of Continuity Kit: update the app on this device to read it')
    return { format: body.format, row: body.row, conflicts: Array.isArray(body.conflicts) ? body.conflicts : [] }
  }

  private async receiveBatch(docs: readonly Doc[]): Promise<number> {
    const rowDocs = docs.filter((d) => parseDocKey(d._id))
    const keys = rowDocs.map((d) => d._id)
    if (!keys.length) return 0
    const bases = await this.book.bases(keys)
    const rows = await this.rows.read(keys)
    const conflicts = await this.book.conflicts(keys)
    const incoming: { key: string; rev: string; row: SyncRow | null; conflicts: FieldConflict[] }[] = []
    const unsent: string[] = []
    const branched: string[] = []
    for (const doc of rowDocs) {
      const key = doc._id
      if (doc._conflicts?.length) {
        branched.push(key)
        continue
      }
      const base = bases.get(key)
      if (base?.rev === doc._rev) continue
      if (stateJson(rows.get(key), conflicts.get(key)) !== (base?.json ?? null)) {
        unsent.push(key)
        continue
      }
      if (doc._deleted) {
        incoming.push({ key, rev: doc._rev, row: null, conflicts: [] })
        continue
      }
      try {
        const body = await this.openBody(key, doc)
        incoming.push({ key, rev: doc._rev, row: body.row, conflicts: body.conflicts })
      } catch (error) {
        await this.book.problem(key, messageOf(error))
      }
    }
    for (const change of incoming) {
      const was = rows.get(change.key)
      if (change.row === null && was) await this.keepRemoved(change.key, was, 'elsewhere')
    }
    const applied = incoming.length ? await this.rows.apply(incoming.map(({ key, row }) => ({ key, row }))) : new Map()
    const taken: Taken[] = []
    for (const change of incoming) {
      const result = applied.get(change.key)
      if (!result) continue
      if ('error' in result) {
        await this.book.problem(change.key, result.error)
        continue
      }
      const conflicts = result.stored ? change.conflicts : []
      taken.push({ base: { key: change.key, rev: change.rev, json: stateJson(result.stored, conflicts) }, row: result.stored, conflicts })
    }
    await this.book.taken(taken)
    // A plan removed for good takes its removed items and sections with it.
    for (const change of incoming)
      if (change.row === null && change.key.startsWith('plans:')) await this.book.forgetRemovedOf(change.key.slice('plans:'.length))
    // An edit made here meanwhile goes out as a branch; the conflict it makes is merged below or on arrival.
    if (unsent.length) await this.sendBatch(unsent)
    for (const key of branched) await this.merge(key)
    return taken.length
  }

  /** Merges every open branch of one document into the replicator's winner and closes the others. */
  private async merge(key: string): Promise<void> {
    const current = (await this.local.get(key, { conflicts: true })) as Doc
    const losers = current._conflicts ?? []
    if (!losers.length) return
    const leaves = await this.local.get(key, { open_revs: [current._rev, ...losers], revs: true })
    const byRev = new Map<string, Doc & { _revisions?: { start: number; ids: string[] } }>()
    for (const leaf of leaves) if ('ok' in leaf) byRev.set(leaf.ok._rev, leaf.ok as Doc & { _revisions?: { start: number; ids: string[] } })
    const version = async (doc: Doc | undefined): Promise<RowVersion> => {
      if (!doc || doc._deleted) return { row: null, conflicts: [] }
      const body = await this.openBody(key, doc)
      return { row: body.row, conflicts: body.conflicts }
    }
    try {
      const winnerDoc = byRev.get(current._rev)
      const winner = await version(winnerDoc)
      const others: RowVersion[] = []
      const bases: (SyncRow | null)[] = []
      for (const rev of losers) {
        const doc = byRev.get(rev)
        others.push(await version(doc))
        bases.push(await this.ancestorRow(key, winnerDoc?._revisions, doc?._revisions))
      }
      const merged = mergeVersions(winner, others, bases)
      // Every device that merges the same branches writes the same revision ids, so two devices
      // merging at once agree instead of making a new conflict of their merges.
      const top = merged.row ? await this.sealDoc(key, merged.row, merged.conflicts) : { _deleted: true }
      const docs = [
        { _id: key, ...top, ...(await childRev(current._rev, canonicalJson(merged))) },
        ...(await Promise.all(losers.map(async (rev) => ({ _id: key, _deleted: true, ...(await childRev(rev, 'closed')) })))),
      ]
      await this.local.bulkDocs(docs, { new_edits: false })
      await this.book.problem(key, null)
    } catch (error) {
      await this.book.problem(key, messageOf(error))
    }
  }

  /** The row both branches grew from, when this device still holds that revision. */
  private async ancestorRow(key: string, a?: { start: number; ids: string[] }, b?: { start: number; ids: string[] }): Promise<SyncRow | null> {
    if (!a || !b) return null
    const revsOf = (r: { start: number; ids: string[] }) => r.ids.map((id, i) => `${r.start - i}-${id}`)
    const theirs = new Set(revsOf(b))
    const common = revsOf(a).find((rev) => theirs.has(rev))
    if (!common) return null
    try {
      const doc = (await this.local.get(key, { rev: common })) as Doc
      if (doc._deleted) return null
      return (await this.openBody(key, doc)).row
    } catch {
      return null
    }
  }
}
