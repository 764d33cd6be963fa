// What can go wrong with the database itself, in words a user can act on: it cannot be opened,
// it was written by a newer version of the app, another tab holds an older connection open
// while this one upgrades, or another tab upgraded it under this one.
import { Dexie } from 'dexie'
import { db } from './database'

export type DatabaseTrouble = { kind: 'newer'; detail: string } | { kind: 'unavailable'; detail: string } | { kind: 'upgraded-elsewhere' } | { kind: 'blocked' }

type Listener = (trouble: DatabaseTrouble) => void
const listeners = new Set<Listener>()
let current: DatabaseTrouble | null = null

function report(trouble: DatabaseTrouble): void {
  current = trouble
  for (const listener of listeners) listener(trouble)
}

/** The trouble seen so far (null while all is well), and every later one as it happens. */
export function watchDatabase(listener: Listener): () => void {
  listeners.add(listener)
  if (current) listener(current)
  return () => listeners.delete(listener)
}

/** Names a failure to open the database. */
function describeOpenFailure(error: unknown): DatabaseTrouble {
  const name = error instanceof Error ? error.name : ''
  const detail = error instanceof Error ? error.message : String(error)
  // Dexie raises VersionError when the stored database is of a later schema than this code knows.
  if (name === Dexie.errnames.Version || /less than the existing version/i.test(detail)) return { kind: 'newer', detail }
  return { kind: 'unavailable', detail }
}

/**
 * Opens the database; a failure is reported to every watcher (and to the caller) rather than
 * left for the first query to meet as a blank page.
 */
export function openDatabase(): Promise<DatabaseTrouble | null> {
  // verno is the latest schema this code declares. Dexie 4 opens a database of a later version as
  // it finds it (IndexedDB's own version is Dexie's times ten).
  const known = db.verno
  return db.open().then(
    () => {
      const found = db.backendDB().version / 10
      if (found <= known) return null
      // Rows shaped by a later version could be misread or overwritten here: stop before any read.
      db.close()
      const trouble: DatabaseTrouble = { kind: 'newer', detail: `The data is at version ${found}; this app knows up to version ${known}.` }
      report(trouble)
      return trouble
    },
    (error: unknown) => {
      const trouble = describeOpenFailure(error)
      report(trouble)
      return trouble
    },
  )
}

// Another tab opens a newer schema: this connection closes so that upgrade can go on, and this
// tab is told to reload instead of failing on its next read.
db.on('versionchange', () => {
  db.close()
  report({ kind: 'upgraded-elsewhere' })
  return false
})
// This tab upgrades while another tab, still on the old version, keeps the database open.
db.on('blocked', () => report({ kind: 'blocked' }))
