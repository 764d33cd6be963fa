// When each plan was last exercised: the latest end of an ended drill that included it. Apart from
// the drill code so that the home dashboard can use it without loading drills.
import { localDate } from './dates'

/** What of a drill tells whether, and when, it exercised a plan. */
export interface DrillFacts {
  status: string
  endedAt: string | null
  planIds: readonly string[]
}

/** The latest end (timestamp) of an ended drill that exercised each plan, keyed by plan id. */
export function lastExercisedByPlan(drills: readonly DrillFacts[]): Map<string, string> {
  const out = new Map<string, string>()
  for (const d of drills) {
    if (d.status !== 'ended' || d.endedAt === null) continue
    for (const planId of d.planIds) {
      const seen = out.get(planId)
      if (seen === undefined || seen < d.endedAt) out.set(planId, d.endedAt)
    }
  }
  return out
}

export function lastExercised(drills: readonly DrillFacts[], planId: string): string | null {
  return lastExercisedByPlan(drills).get(planId) ?? null
}

/** The same as local calendar dates (YYYY-MM-DD), as the dashboard compares and shows them. */
export function lastExercisedDates(drills: readonly DrillFacts[]): Map<string, string> {
  return new Map([...lastExercisedByPlan(drills)].map(([planId, at]) => [planId, localDate(new Date(at))]))
}
