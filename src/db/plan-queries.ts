// Plan-level reads. Kept apart from the writes so the home screen loads without the validators.
import type { Plan } from '../domain/model'
import type { Progress } from '../domain/progress'
import { db } from './database'
import { sharedLiveQuery } from './shared-query'

export interface PlanSummary {
  plan: Plan
  progress: Progress
}

/** Live plans (not in the trash), most recently changed first. */
export async function listPlans(): Promise<Plan[]> {
  const plans = await db.plans.orderBy('updatedAt').reverse().toArray()
  return plans.filter((p) => p.deletedAt === null)
}

export async function listTrash(): Promise<Plan[]> {
  const plans = await db.plans.toArray()
  return plans.filter((p) => p.deletedAt !== null).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''))
}

/** A plan's progress, counted through the [planId+status] index without loading its items. */
export async function planProgress(planId: string): Promise<Progress> {
  const count = (status: string) => db.items.where('[planId+status]').equals([planId, status]).count()
  const [open, done, na, blocked] = await Promise.all([count('open'), count('done'), count('not-applicable'), count('blocked')])
  return { done, applicable: open + done + blocked, blocked, total: open + done + na + blocked }
}

/** Live plans with their progress, counted through the [planId+status] index without loading items. */
export async function listPlanSummaries(): Promise<PlanSummary[]> {
  // One read transaction for all the counts, rather than one each.
  return db.transaction('r', db.plans, db.items, async () => {
    const plans = await listPlans()
    return Promise.all(
      plans.map(async (plan) => {
        return { plan, progress: await planProgress(plan.id) }
      }),
    )
  })
}

/** The live plans with their progress, read once for every screen that shows them. */
export const planSummaries = sharedLiveQuery(listPlanSummaries)

export function getPlan(id: string): Promise<Plan | undefined> {
  return db.plans.get(id)
}
