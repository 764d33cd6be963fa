// Moves an export document written in an older format version up to the current one, one
// version at a time. Append a step whenever FORMAT_VERSION is raised; never edit an old step.
import { FORMAT_VERSION } from './format-version'

type Json = Record<string, unknown>
/** MIGRATIONS[n] turns a version-n document into a version-(n+1) one. */
export type MigrationSteps = Readonly<Record<number, (doc: Json) => Json>>

export const MIGRATIONS: MigrationSteps = {
  // 2026-11-28 — v1 -> v2: documents also carry drills (with their logs), scenarios and saved
  // templates. A v1 document had none of them.
  1: (doc) => ({ ...doc, drills: [], scenarios: [], templates: [] }),
  // 2026-11-28 — v2 -> v3: a drill may carry deletedAt (it was in the trash when exported). A v2
  // document has no drill in the trash, so nothing changes but the version.
  2: (doc) => doc,
}

export function migrateDocument(doc: Json, fromVersion: number, steps: MigrationSteps = MIGRATIONS, toVersion: number = FORMAT_VERSION): Json {
  let current = doc
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps[v]
    if (!step) throw new Error(`No migration from format version ${v} to ${v + 1}`)
    current = { ...step(current), version: v + 1 }
  }
  return current
}
