// Builds new drill and scenario rows. Pure: ids and the clock are passed in, so tests can pin them.
import type { Drill, Participant, Scenario } from './drill-model'
import type { FactoryContext } from './plan-factory'

export interface NewDrill {
  scenario: Scenario
  title: string
  planIds: string[]
  facilitator: string
  participants: Participant[]
  /** A timestamp to book the drill for later; absent to start it now. */
  plannedFor?: string
}

/** A drill that starts now (clock running from zero) or is booked for `plannedFor`. */
export function newDrillRow(ctx: FactoryContext, input: NewDrill): Drill {
  const planned = input.plannedFor !== undefined
  return {
    id: ctx.newId(),
    mode: 'drill',
    scenario: structuredClone(input.scenario),
    title: input.title.trim() || input.scenario.title,
    planIds: [...new Set(input.planIds)],
    facilitator: input.facilitator.trim(),
    participants: input.participants.map((p) => ({ name: p.name.trim(), role: p.role.trim() })).filter((p) => p.name !== ''),
    status: planned ? 'planned' : 'running',
    startedAt: input.plannedFor ?? ctx.now,
    endedAt: null,
    elapsedMs: 0,
    runningSince: planned ? null : ctx.now,
    released: [],
    stepsUsed: [],
    stepMatches: [],
    incident: null,
    ratings: input.scenario.objectives.map((objective) => ({ objective, rating: null, note: '' })),
    updatedAt: ctx.now,
  }
}

/** A copy of a scenario (built-in or not) to adapt here: new ids, "(copy)" in the title. */
export function duplicateScenarioRow(ctx: FactoryContext, src: Scenario): Scenario {
  return {
    ...structuredClone(src),
    id: ctx.newId(),
    version: 1,
    title: `${src.title} (copy)`.slice(0, 200),
    injects: src.injects.map((i) => ({ ...structuredClone(i), id: ctx.newId() })),
    updatedAt: ctx.now,
  }
}

/** An empty scenario to write from scratch, with one inject to start from. */
export function blankScenarioRow(ctx: FactoryContext): Scenario {
  return {
    id: ctx.newId(),
    version: 1,
    title: 'New scenario',
    summary: '',
    objectives: [],
    planKinds: ['incident-response'],
    injects: [{ id: ctx.newId(), offsetMinutes: 0, title: 'First signs', happens: '', playersTold: '', questions: [], expectedSteps: [] }],
    hotWash: ['What went well?', 'What must change before a real incident?'],
    updatedAt: ctx.now,
  }
}
