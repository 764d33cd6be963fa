// What "exercised" means, once for every screen: the home dashboard, the Drills page and anything
// else that says when a plan was last exercised or that it needs a drill. Apart from the drill code
// so that the home dashboard can use it without loading drills.
import { dateOf, localDate } from './dates'
import type { Plan } from './model'
import type { PlanKind } from './vocabulary'

/** A plan a drill is expected to exercise, and not exercised for this many months, needs a drill. */
export const EXERCISE_EVERY_MONTHS = 12
/** Plans that drills rehearse; the others (supplier reviews, drill programmes, custom) are reviewed, not rehearsed. */
const EXERCISED_KINDS: readonly PlanKind[] = ['incident-response', 'continuity']

/** What of a drill tells whether, and when, it exercised a plan. */
export interface DrillFacts {
  status: string
  endedAt: string | null
  planIds: readonly string[]
  deletedAt?: string | null
  /** 'incident' for a real incident (data model v5); absent or 'drill' for a drill. */
  mode?: string
}

/**
 * A drill exercises its plans once it has ended (a running, paused or planned one has not yet), while
 * it is not in the trash. A real incident, once closed, counts too: the plans it ran were used for
 * real, which tests them at least as hard as a rehearsal ("practise as you play").
 */
function countsAsExercise(d: DrillFacts): d is DrillFacts & { endedAt: string } {
  return d.status === 'ended' && d.endedAt !== null && !d.deletedAt
}

/** The latest end (timestamp) of a drill or closed incident that exercised each plan, keyed by plan id, and which it was. */
export function lastExercisedByPlan(drills: readonly DrillFacts[]): Map<string, { at: string; incident: boolean }> {
  const out = new Map<string, { at: string; incident: boolean }>()
  for (const d of drills) {
    if (!countsAsExercise(d)) continue
    for (const planId of d.planIds) {
      const seen = out.get(planId)
      if (seen === undefined || seen.at < d.endedAt) out.set(planId, { at: d.endedAt, incident: d.mode === 'incident' })
    }
  }
  return out
}

/** The date `months` calendar months before `date` (YYYY-MM-DD), clamped to the month's last day. */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const first = new Date(Date.UTC(y, m - 1 - months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  first.setUTCDate(Math.min(d, last))
  return first.toISOString().slice(0, 10)
}

/** Whether, and when, a plan was exercised, as every screen says it. */
export interface PlanExercise {
  /** Whether drills are expected to exercise it: a plan of a rehearsed kind that is not retired. */
  expected: boolean
  /** The local date (YYYY-MM-DD) of the latest drill or incident that exercised it, or null: shown whether or not one was expected. */
  last: string | null
  /** Whether that latest exercise was a real incident rather than a drill. */
  lastWasIncident: boolean
  /** Expected, and never exercised or not in the last EXERCISE_EVERY_MONTHS months. */
  needed: boolean
}

/** How each plan stands as of `now` (local dates): read the drills once, then ask for every plan on screen. */
export function exerciseReader(drills: readonly DrillFacts[], now: Date): (plan: Pick<Plan, 'id' | 'kind' | 'status'>) => PlanExercise {
  const cutoff = monthsBefore(localDate(now), EXERCISE_EVERY_MONTHS)
  const ended = lastExercisedByPlan(drills)
  return (plan) => {
    const at = ended.get(plan.id)
    const last = at === undefined ? null : dateOf(at.at)
    const expected = EXERCISED_KINDS.includes(plan.kind) && plan.status !== 'retired'
    return { expected, last, lastWasIncident: at?.incident ?? false, needed: expected && (last === null || last < cutoff) }
  }
}
