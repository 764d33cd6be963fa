// Sharing on this device: turning it on (checking the server, the user and the team passphrase),
// running it (the replica, the replicator both ways, continuously while online), pausing, turning
// it off, and its state in words for the header. Loaded only when sharing is set up.
import { Dexie, type IntervalTree, type IntervalTreeNode, type ObservabilitySet } from 'dexie'
import PouchDB from 'pouchdb-browser'
import { DB_NAME } from '../database'
import { nowIso } from '../clock'
import { FORMAT_VERSION } from '../../domain/format-version'
import { EnvelopeError, newTeamKey, passphraseProblem, unlockTeamKey } from '../../domain/sync/envelope'
import { databaseUrl, isUnreachable, messageOf, serverErrorMessage, sharingInputProblems, type SharingInput } from '../../domain/sync/sync-messages'
import { ValidationError } from '../../domain/validation-error'
import { docKey, isSyncedTable } from '../../domain/sync/doc-keys'
import { appRows } from './app-rows'
import { dexieBook } from './dexie-book'
import { Replica } from './replica'
import { isSharingSetUp, setSharingSetUp, subscribeSharingSetUp } from './sharing-flag'
import { syncBook as book, type SyncConfig } from './sync-book'

export interface SharingStatus {
  mode: 'off' | 'on' | 'paused'
  /** What the replicator is doing; 'offline' covers a server that cannot be reached. */
  state: 'starting' | 'syncing' | 'up-to-date' | 'offline' | 'error' | 'other-tab'
  /** Changes made here that the server has not yet received. */
  waiting: number
  /** Changes from other devices that could not be taken in (listed in the sharing settings). */
  problems: number
  /** Why sharing is offline or failing, in words. */
  message: string | null
  lastSyncedAt: string | null
  server: string
  database: string
  user: string
}

const OFF: SharingStatus = { mode: 'off', state: 'up-to-date', waiting: 0, problems: 0, message: null, lastSyncedAt: null, server: '', database: '', user: '' }
const TEAM_DOC = 'ck-team'

let status: SharingStatus = OFF
const listeners = new Set<() => void>()

function setStatus(next: Partial<SharingStatus>): void {
  status = { ...status, ...next }
  for (const listener of listeners) listener()
}

export const sharingStatus = (): SharingStatus => status

export function subscribeSharing(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

interface Session {
  config: SyncConfig
  local: PouchDB.Database
  replica: Replica
  stopCapture: () => void
  feed: PouchDB.Core.Changes<object> | null
  replication: PouchDB.Replication.Sync<object> | null
  pending: Set<string>
  whole: boolean
  timer: ReturnType<typeof setTimeout> | null
  receiveQueued: boolean
  /** Taking in what arrived, into the app's store. */
  receiving: boolean
  /** The replicator has nothing left to move (its last pause came without an error). */
  idle: boolean
  stopped: boolean
}

let session: Session | null = null
let starting: Promise<void> | null = null

/** The local replication database's name: one per server and database, so another team starts clean. */
function localName(config: Pick<SyncConfig, 'server' | 'database'>): string {
  let hash = 0
  for (const ch of `${config.server}\n${config.database}`) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0
  return `continuity-kit-sharing-${hash.toString(36)}`
}

function remoteDb(config: Pick<SyncConfig, 'server' | 'database' | 'user' | 'password'>): PouchDB.Database {
  return new PouchDB(databaseUrl(config.server, config.database), { skip_setup: true, auth: { username: config.user, password: config.password } })
}

async function refreshWaiting(): Promise<void> {
  setStatus({ waiting: await book.outbox.count(), problems: await book.problems.count() })
}

function report(error: unknown): void {
  if (!session) return
  const unreachable = isUnreachable(error) || !navigator.onLine
  setStatus({
    state: unreachable ? 'offline' : 'error',
    message: unreachable ? (navigator.onLine ? 'The server cannot be reached' : 'This device is offline') : serverErrorMessage(error, session.config.database),
  })
}

/** Visits every range of one of Dexie's interval trees (a set of keys and key ranges). */
function eachRange(tree: IntervalTree | null | undefined, visit: (range: IntervalTreeNode) => void): void {
  if (!tree || !('from' in tree)) return
  eachRange(tree.l, visit)
  visit(tree)
  eachRange(tree.r, visit)
}

/**
 * Calls `changed` with the document keys of every shared row written, whichever code path wrote it
 * (edits, undo, import, purge) and in whichever tab, from Dexie's own change notices; and of every
 * row whose conflicts were settled. `whole` when the keys are not known (a range deleted, a large
 * bulk write): then every row is compared.
 */
function watchWrites(changed: (keys: string[], whole: boolean) => void): () => void {
  const onMutated = (parts: ObservabilitySet) => {
    const keys: string[] = []
    let whole = false
    for (const [part, ranges] of Object.entries(parts)) {
      const match = /^idb:\/\/(.+)\/([^/]+)\/$/.exec(part)
      if (!match) continue
      const [, dbName, table = ''] = match
      const own = dbName === DB_NAME && isSyncedTable(table)
      if (!own && !(dbName === book.name && table === 'conflicts')) continue
      eachRange(ranges, (range) => {
        if (range.from === range.to && typeof range.from === 'string') keys.push(own && isSyncedTable(table) ? docKey(table, range.from) : range.from)
        else whole = true
      })
    }
    if (keys.length || whole) changed(keys, whole)
  }
  Dexie.on('storagemutated', onMutated)
  return () => Dexie.on.storagemutated.unsubscribe(onMutated)
}

/** Sends what changed shortly after it was written, a burst of edits as one batch. */
function scheduleSend(s: Session, keys: readonly string[], whole: boolean): void {
  for (const key of keys) s.pending.add(key)
  if (whole) s.whole = true
  if (s.timer) return
  s.timer = setTimeout(() => {
    s.timer = null
    const whole = s.whole
    const batch = [...s.pending]
    s.pending.clear()
    s.whole = false
    void s.replica
      .send(whole ? undefined : batch)
      .then(refreshWaiting)
      .catch((error: unknown) => setStatus({ state: 'error', message: messageOf(error) }))
  }, 200)
}

/** Takes in what arrived, once per burst: each pass reads every change since the last one. */
function scheduleReceive(s: Session): void {
  if (s.receiveQueued) return
  s.receiveQueued = true
  setTimeout(() => {
    s.receiveQueued = false
    if (s.stopped) return
    s.receiving = true
    if (status.state === 'up-to-date') setStatus({ state: 'syncing' })
    void s.replica
      .receive()
      .then(() => {
        s.receiving = false
        if (s.idle && !s.receiveQueued && status.state === 'syncing') setStatus({ state: 'up-to-date', lastSyncedAt: nowIso() })
        return refreshWaiting()
      })
      .catch((error: unknown) => {
        s.receiving = false
        setStatus({ state: 'error', message: messageOf(error) })
      })
  }, 50)
}

/** One direction of a two-way sync, as PouchDB runs it (its types leave out these two). */
interface RetryingReplication {
  on(event: 'requestError', listener: (error: unknown) => void): void
}

/** Starts the replicator both ways, after checking the team's passphrase has not changed on the server. */
async function connect(s: Session): Promise<void> {
  const remote = remoteDb(s.config)
  try {
    const team = (await remote.get(TEAM_DOC)) as { salt?: string }
    if (team.salt !== s.config.salt) {
      setStatus({ state: 'error', message: "The team's passphrase was changed on the server: turn sharing off, then on again with the new passphrase" })
      return
    }
  } catch (error) {
    // Offline at start: the replicator retries until the server is back. Anything else (a refused
    // password, a database or team document gone) stops sharing here rather than send to it.
    if (!isUnreachable(error)) {
      if ((error as { status?: number }).status === 404)
        setStatus({ state: 'error', message: "The team's database or its team document is gone from the server: turn sharing off, then on again" })
      else report(error)
      return
    }
  }
  if (s.stopped) return
  setStatus({ state: 'syncing', message: null })
  const replication = s.local.sync(remote, {
    live: true,
    retry: true,
    batch_size: 200,
    // Back soon after an outage: at most 30 s between attempts (and at once when the network returns).
    back_off_function: (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 30_000)),
  })
  s.replication = replication
  replication
    .on('change', (info) => {
      if (info.direction === 'push') {
        const ids = info.change.docs.map((d) => d._id)
        void book.outbox.bulkDelete(ids).then(refreshWaiting)
      }
      setStatus({ state: 'syncing', message: null })
    })
    .on('active', () => {
      s.idle = false
      setStatus({ state: 'syncing', message: null })
    })
    .on('paused', (error) => {
      s.idle = !error
      if (error) report(error)
      else {
        // Up to date once what arrived is also in the app's own store, not merely received.
        if (!s.receiveQueued && !s.receiving) setStatus({ state: 'up-to-date', message: null, lastSyncedAt: nowIso() })
        void refreshWaiting()
      }
    })
  // The two-way sync's pauses carry no error: a failed request (the server down, the network
  // gone, a refused password) is told by the one-way replications, each time they retry.
  const { push, pull } = replication as unknown as { push: RetryingReplication; pull: RetryingReplication }
  for (const direction of [push, pull])
    direction.on('requestError', (error: unknown) => {
      s.idle = false
      report(error)
    })
  replication
    .on('denied', (error) => setStatus({ state: 'error', message: `The server refused a change: ${serverErrorMessage(error, s.config.database)}` }))
    .on('error', (error) => report(error))
}

function disconnect(s: Session): void {
  s.replication?.cancel()
  s.replication = null
}

function onOffline(): void {
  if (session && !session.config.paused) setStatus({ state: 'offline', message: 'This device is offline' })
}

function onOnline(): void {
  // The replicator may be waiting out its back-off: start again at once.
  if (!session || session.config.paused) return
  disconnect(session)
  void connect(session)
}

/** Sharing for this device runs in one tab at a time (they share one replication database). */
const LOCK = 'continuity-kit-sharing'
/** Releases the tab's hold on sharing when it stops. */
let release: (() => void) | null = null
/** Bumped by every stop, so a tab waiting for its turn does not start a sharing that was stopped. */
let generation = 0

/**
 * Runs sharing if it is set up on this device; does nothing otherwise. In a second tab it waits
 * (the header says sharing runs in another tab), and takes over when that tab closes.
 */
export function startSharing(): Promise<void> {
  if (session) return Promise.resolve()
  starting ??= (async () => {
    const config = await book.config.get('current')
    if (!config) {
      setSharingSetUp(false)
      setStatus(OFF)
      return
    }
    setStatus({ mode: config.paused ? 'paused' : 'on', state: 'starting', message: null, server: config.server, database: config.database, user: config.user })
    if (!('locks' in navigator)) return run(config)
    const mine = generation
    const held = (lock: Lock | null) =>
      new Promise<void>((done) => {
        if (!lock || mine !== generation) return done()
        release = done
        void run(config).catch((error: unknown) => setStatus({ state: 'error', message: messageOf(error) }))
      })
    const first = await new Promise<boolean>((answered) => {
      void navigator.locks.request(LOCK, { ifAvailable: true }, (lock) => {
        answered(lock !== null)
        return held(lock)
      })
    })
    if (first) return
    setStatus({ state: 'other-tab', message: null })
    void navigator.locks.request(LOCK, (lock) => held(lock))
  })().finally(() => {
    starting = null
  })
  return starting
}

async function run(config: SyncConfig): Promise<void> {
  setStatus({ state: 'starting' })
  const local = new PouchDB(localName(config))
  const replica = new Replica({ local, key: config.teamKey, rows: appRows, book: dexieBook(book), format: FORMAT_VERSION })
  const s: Session = {
    config,
    local,
    replica,
    stopCapture: () => undefined,
    feed: null,
    replication: null,
    pending: new Set(),
    whole: false,
    timer: null,
    receiveQueued: false,
    receiving: false,
    idle: false,
    stopped: false,
  }
  session = s
  s.stopCapture = watchWrites((keys, whole) => scheduleSend(s, keys, whole))
  addEventListener('online', onOnline)
  addEventListener('offline', onOffline)
  // What was written while sharing's code was not loaded (or before a crash) is found by comparison.
  await replica.send()
  await replica.receive()
  s.feed = local.changes({ since: 'now', live: true }).on('change', () => scheduleReceive(s))
  await refreshWaiting()
  if (config.paused) setStatus({ state: 'up-to-date' })
  else await connect(s)
}

async function stopSession(): Promise<void> {
  generation++
  const s = session
  const done = release
  release = null
  if (!s) {
    done?.()
    return
  }
  s.stopped = true
  session = null
  removeEventListener('online', onOnline)
  removeEventListener('offline', onOffline)
  s.stopCapture()
  if (s.timer) clearTimeout(s.timer)
  s.feed?.cancel()
  disconnect(s)
  // What was scheduled is sent into the local database, to go out when sharing resumes.
  if (s.pending.size || s.whole) await s.replica.send(s.whole ? undefined : [...s.pending])
  await s.local.close()
  done?.()
}

interface TurnedOn {
  /** True when this device made the team's space; false when it joined one. */
  created: boolean
}

/**
 * Checks everything with the server before anything is saved: the address, the user and password,
 * the database, and the passphrase against the team's. A new database gets the team document.
 */
export async function turnOnSharing(input: SharingInput): Promise<TurnedOn> {
  const problems = sharingInputProblems(input)
  const weak = passphraseProblem(input.passphrase)
  if (weak) problems.push(weak)
  if (problems.length) throw new ValidationError(problems)
  const config = { server: input.server.trim().replace(/\/+$/, ''), database: input.database.trim(), user: input.user.trim(), password: input.password }
  const remote = remoteDb(config)
  try {
    await remote.info()
  } catch (error) {
    throw new ValidationError([serverErrorMessage(error, config.database)])
  }
  let created = false
  let team: unknown
  try {
    team = await remote.get(TEAM_DOC)
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw new ValidationError([serverErrorMessage(error, config.database)])
  }
  let teamKey: CryptoKey
  if (team === undefined) {
    const made = await newTeamKey(input.passphrase)
    try {
      await remote.put({ _id: TEAM_DOC, ...made.info })
      team = made.info
      teamKey = made.key
      created = true
    } catch (error) {
      // Another device made the team document a moment ago: join that one.
      if ((error as { status?: number }).status !== 409) throw new ValidationError([serverErrorMessage(error, config.database)])
      team = await remote.get(TEAM_DOC)
      teamKey = await unlock(input.passphrase, team)
    }
  } else teamKey = await unlock(input.passphrase, team)
  await stopSession()
  await book.config.put({ key: 'current', ...config, teamKey, salt: String((team as { salt?: unknown }).salt ?? ''), paused: false, startedAt: nowIso() })
  setSharingSetUp(true)
  await startSharing()
  return { created }
}

async function unlock(passphrase: string, team: unknown): Promise<CryptoKey> {
  try {
    return await unlockTeamKey(passphrase, team)
  } catch (error) {
    if (error instanceof EnvelopeError) throw new ValidationError([error.message])
    throw error
  }
}

export async function pauseSharing(paused: boolean): Promise<void> {
  const s = session
  if (!s) return
  await book.config.update('current', { paused })
  s.config = { ...s.config, paused }
  setStatus({ mode: paused ? 'paused' : 'on' })
  if (paused) {
    disconnect(s)
    setStatus({ state: 'up-to-date', message: null })
  } else await connect(s)
}

/** Stops sharing on this device and forgets the connection; the plans here stay as they are. */
export async function turnOffSharing(): Promise<void> {
  const config = await book.config.get('current')
  await stopSession()
  if (config) await new PouchDB(localName(config)).destroy()
  await Promise.all(book.tables.map((t) => t.clear()))
  setSharingSetUp(false)
  setStatus(OFF)
}

// Turned off in another tab: this one stops too.
subscribeSharingSetUp(() => {
  if (!isSharingSetUp() && status.mode !== 'off') void stopSession().then(() => setStatus(OFF))
})
