// This device's bookkeeping for sharing, in a database of its own so the app's data and its
// export format stay as they are: the connection, the team key (a non-extractable CryptoKey), the
// version of each row last sent or received, open conflicts, what waits to be sent, and problems.
import { Dexie, type EntityTable } from 'dexie'
import type { FieldConflict } from '../../domain/sync/merge'

export interface SyncConfig {
  key: 'current'
  server: string
  database: string
  user: string
  /** Kept on this device so sharing can reconnect; CouchDB checks it on every request. */
  password: string
  teamKey: CryptoKey
  /** The team document's salt: a different one on the server means the team's passphrase changed. */
  salt: string
  paused: boolean
  startedAt: string
}

/** The version of a row this device last sent or received: its revision and its content. */
export interface Base {
  key: string
  rev: string
  /** canonicalJson of { row, conflicts }, or null when the row was deleted. */
  json: string | null
}

export interface ConflictRow {
  key: string
  /** The plan the row belongs to, so a plan's page finds its own conflicts. */
  planId: string
  conflicts: FieldConflict[]
}

/** An item or section deleted on this or another device while shared, kept so anyone can put it back. */
export interface RemovedRow {
  key: string
  planId: string
  /** The row as it was when deleted. */
  row: Record<string, unknown> & { id: string }
  removedAt: string
  /** Where the delete was made. */
  where: 'here' | 'elsewhere'
}

interface Problem {
  key: string
  message: string
}

export class SyncBookDb extends Dexie {
  config!: EntityTable<SyncConfig, 'key'>
  bases!: EntityTable<Base, 'key'>
  conflicts!: EntityTable<ConflictRow, 'key'>
  outbox!: EntityTable<{ key: string }, 'key'>
  problems!: EntityTable<Problem, 'key'>
  meta!: EntityTable<{ name: string; value: string }, 'name'>
  removed!: EntityTable<RemovedRow, 'key'>

  constructor(name = 'continuity-kit-sharing') {
    super(name)
    /** 2026-11-29 — v1: the first sharing bookkeeping. */
    this.version(1).stores({ config: 'key', bases: 'key', conflicts: 'key, planId', outbox: 'key', problems: 'key', meta: 'name' })
    /** 2026-11-29 — v2: items and sections deleted while shared, so a delete on one device can be undone on any. */
    this.version(2).stores({ removed: 'key, planId, removedAt' })
  }
}

/** This device's sharing bookkeeping. Opening it costs nothing until something reads it. */
export const syncBook = new SyncBookDb()
