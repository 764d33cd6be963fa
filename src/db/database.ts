// The IndexedDB database: every schema version, with the date and what changed.
// Only src/db knows Dexie; the rest of the app calls the repository functions.
import { Dexie, type EntityTable } from 'dexie'
import type { Drill, DrillEvent, Scenario } from '../domain/drill-model'
import type { Item, Plan, Section } from '../domain/model'
import type { UserTemplate } from '../domain/user-template'

interface SettingRow {
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

/**
 * 2026-11-28 — v2: drills and their event log, scenarios written here, templates saved from plans;
 * items gain an index on source.id so a drill finding can find the item it became. No row of v1
 * changes, so the upgrade has nothing to rewrite.
 */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  items: 'id, planId, [sectionId+order], [planId+status], due, source.id',
  drills: 'id, status, startedAt',
  drillEvents: 'id, drillId, [drillId+at]',
  scenarios: 'id, updatedAt',
  templates: 'id, updatedAt',
} as const

/**
 * 2026-11-29 — v3: no new table or index; rows older versions wrote that today's rules refuse are
 * repaired (choice fields without choices become text, values of removed or retyped fields move
 * into the item's notes), so that every row can be exported and imported again.
 */
const SCHEMA_V3 = SCHEMA_V2

/**
 * 2026-11-29 — v4 (data model v5): sections record their role, register fields their ids; items are
 * tasks or response steps; ordering keys are strings (fractional), so a move writes one row; drills
 * say whether they rehearse or run a real incident, indexed so the open incident is found at once.
 */
const SCHEMA_V4 = { ...SCHEMA_V3, drills: 'id, status, startedAt, mode' } as const

export class ContinuityDb extends Dexie {
  plans!: EntityTable<Plan, 'id'>
  sections!: EntityTable<Section, 'id'>
  items!: EntityTable<Item, 'id'>
  settings!: EntityTable<SettingRow, 'key'>
  drills!: EntityTable<Drill, 'id'>
  drillEvents!: EntityTable<DrillEvent, 'id'>
  scenarios!: EntityTable<Scenario, 'id'>
  templates!: EntityTable<UserTemplate, 'id'>

  constructor(name = DB_NAME) {
    // Results are shared, not deep-copied per query (a 5,000-item plan would be copied on every
    // change); nothing may mutate a row it read.
    super(name, { cache: 'immutable' })
    this.version(1).stores(SCHEMA_V1)
    this.version(2).stores(SCHEMA_V2)
    // The repair code is needed once, by a database older than v3: it is loaded then, with the
    // upgrade transaction kept alive meanwhile (Dexie.waitFor), not with every first page.
    this.version(3)
      .stores(SCHEMA_V3)
      .upgrade(async (tx) => {
        const { upgradeToV3 } = await Dexie.waitFor(import('./upgrade-v3'))
        await upgradeToV3(tx)
      })
    this.version(4)
      .stores(SCHEMA_V4)
      .upgrade(async (tx) => {
        const { upgradeToV4 } = await Dexie.waitFor(import('./upgrade-v4'))
        await upgradeToV4(tx)
      })
  }
}

export const db = new ContinuityDb()
