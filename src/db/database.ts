// The IndexedDB database: every schema version, with the date and what changed.
// Only src/db knows Dexie; the rest of the app calls the repository functions.
import { Dexie, type EntityTable } from 'dexie'
import type { Item, Plan, Section } from '../domain/model'

export interface SettingRow {
  key: string
  value: string
}

export const DB_NAME = 'continuity-kit'

/** 2026-11-28 — v1: plans, sections, items (fractional order), settings. */
export const SCHEMA_V1 = {
  plans: 'id, kind, updatedAt',
  sections: 'id, planId, [planId+order]',
  items: 'id, planId, [sectionId+order], [planId+status], due',
  settings: 'key',
} as const

export class ContinuityDb extends Dexie {
  plans!: EntityTable<Plan, 'id'>
  sections!: EntityTable<Section, 'id'>
  items!: EntityTable<Item, 'id'>
  settings!: EntityTable<SettingRow, 'key'>

  constructor(name = DB_NAME) {
    super(name)
    this.version(1).stores(SCHEMA_V1)
  }
}

export const db = new ContinuityDb()
