// Moves an export document written in an older format version up to the current one, one
// version at a time. Append a step whenever FORMAT_VERSION is raised; never edit an old step.
import { FORMAT_VERSION } from './format-version'

type Json = Record<string, unknown>
/** MIGRATIONS[n] turns a version-n document into a version-(n+1) one. */
export type MigrationSteps = Readonly<Record<number, (doc: Json) => Json>>

// Version 1 is the first published format: there is nothing older to migrate yet.
export const MIGRATIONS: MigrationSteps = {}

export function migrateDocument(doc: Json, fromVersion: number, steps: MigrationSteps = MIGRATIONS, toVersion: number = FORMAT_VERSION): Json {
  let current = doc
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps[v]
    if (!step) throw new Error(`No migration from format version ${v} to ${v + 1}`)
    current = { ...step(current), version: v + 1 }
  }
  return current
}
