// Scenarios written or duplicated here (the built-in ones are data, in templates/scenarios). An
// edit writes only the fields it changed, so two tabs editing different fields both keep theirs.
import { blankScenarioRow, duplicateScenarioRow } from '../domain/drill-factory'
import type { Scenario } from '../domain/drill-model'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { factoryContext } from './clock'
import * as writes from './writes'

/** The fields of a scenario an editor may change. */
type ScenarioPatch = Partial<Pick<Scenario, 'title' | 'summary' | 'objectives' | 'planKinds' | 'injects' | 'hotWash'>>

/** Scenarios written or duplicated here, by title. */
export async function listScenarios(): Promise<Scenario[]> {
  const rows = await db.scenarios.toArray()
  return [...rows].sort((a, b) => a.title.localeCompare(b.title))
}

export function getScenario(id: string): Promise<Scenario | undefined> {
  return db.scenarios.get(id)
}

export async function createScenario(): Promise<string> {
  return (await writes.scenarios.add(blankScenarioRow(factoryContext()))).id
}

/** A copy of any scenario (a built-in one too) that can be edited here. */
export async function duplicateScenario(src: Scenario): Promise<string> {
  return (await writes.scenarios.add(duplicateScenarioRow(factoryContext(), src))).id
}

/** Writes the changed fields of a scenario (the gateway checks the whole row); injects are kept in the order of their time. */
export async function patchScenario(id: string, patch: ScenarioPatch): Promise<void> {
  const changes: ScenarioPatch = { ...patch }
  if (changes.injects) {
    changes.injects = [...changes.injects].sort((a, b) => a.offsetMinutes - b.offsetMinutes)
    const ids = changes.injects.map((i) => i.id)
    if (new Set(ids).size !== ids.length) throw new ValidationError(['injects: two injects share one id'])
  }
  await writes.scenarios.patch(id, changes)
}

export async function deleteScenario(id: string): Promise<void> {
  await writes.scenarios.delete(id)
}
