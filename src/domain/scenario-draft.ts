// A scenario as its editor holds it while being typed: lists one entry per line, minutes as typed.
// The editor, the draft journal and its replay all turn a draft into scenario fields here.
import type { Inject, Scenario } from './drill-model'
import type { PlanKind } from './vocabulary'

export interface InjectDraft {
  id: string
  offsetMinutes: string
  title: string
  happens: string
  playersTold: string
  questions: string
  expectedSteps: string
}

export interface ScenarioDraft {
  title: string
  summary: string
  objectives: string
  planKinds: PlanKind[]
  injects: InjectDraft[]
  hotWash: string
}

export const SCENARIO_DRAFT_KEYS = ['title', 'summary', 'objectives', 'planKinds', 'injects', 'hotWash'] as const satisfies readonly (keyof ScenarioDraft)[]

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

export function draftOf(s: Scenario): ScenarioDraft {
  return {
    title: s.title,
    summary: s.summary,
    objectives: s.objectives.join('\n'),
    planKinds: [...s.planKinds],
    injects: s.injects.map((i) => ({
      ...i,
      offsetMinutes: String(i.offsetMinutes),
      questions: i.questions.join('\n'),
      expectedSteps: i.expectedSteps.join('\n'),
    })),
    hotWash: s.hotWash.join('\n'),
  }
}

function injectOf(i: InjectDraft): Inject {
  return {
    id: i.id,
    // Offsets that are not whole minutes are left for validation to name.
    offsetMinutes: i.offsetMinutes.trim() === '' ? Number.NaN : Number(i.offsetMinutes),
    title: i.title,
    happens: i.happens,
    playersTold: i.playersTold,
    questions: lines(i.questions),
    expectedSteps: lines(i.expectedSteps),
  }
}

/** The scenario fields a partial draft describes (only the keys it holds). */
export function scenarioFieldsOf(d: Partial<ScenarioDraft>): Partial<Pick<Scenario, (typeof SCENARIO_DRAFT_KEYS)[number]>> {
  const out: Partial<Pick<Scenario, (typeof SCENARIO_DRAFT_KEYS)[number]>> = {}
  if (d.title !== undefined) out.title = d.title
  if (d.summary !== undefined) out.summary = d.summary
  if (d.objectives !== undefined) out.objectives = lines(d.objectives)
  if (d.planKinds !== undefined) out.planKinds = d.planKinds
  if (d.injects !== undefined) out.injects = d.injects.map(injectOf)
  if (d.hotWash !== undefined) out.hotWash = lines(d.hotWash)
  return out
}

/** The scenario the draft describes. */
export function scenarioOf(base: Scenario, d: ScenarioDraft): Scenario {
  return { ...base, ...scenarioFieldsOf(d) }
}

/** The fields of `draft` that differ from `stored` (as drafts), for a write of changed fields only. */
export function changedDraftFields(stored: ScenarioDraft, draft: ScenarioDraft): Partial<ScenarioDraft> {
  const out: Partial<ScenarioDraft> = {}
  for (const k of SCENARIO_DRAFT_KEYS) {
    if (JSON.stringify(stored[k]) !== JSON.stringify(draft[k])) Object.assign(out, { [k]: draft[k] })
  }
  return out
}
