// The steps of the plans a drill exercises, section by section: what a facilitator ticks as used
// and where an action from a finding can be placed.
import { byOrder } from '../domain/order'
import { Dexie } from 'dexie'
import type { Item, Plan, Section } from '../domain/model'
import { db } from './database'

export interface PlanSteps {
  plan: Plan
  sections: { section: Section; items: Item[] }[]
}

/**
 * The items of the chosen plans, plan by plan and section by section: what a scenario's expected
 * steps are matched against when a drill starts. Reads in the caller's transaction, if any.
 */
export async function itemsOfPlans(planIds: readonly string[]): Promise<Item[]> {
  return (await listPlanSteps(planIds)).flatMap((p) => p.sections.flatMap((s) => s.items))
}

/** The chosen plans with their sections and items, for ticking steps and placing actions. */
export async function listPlanSteps(planIds: readonly string[]): Promise<PlanSteps[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const out: PlanSteps[] = []
    for (const plan of await db.plans.bulkGet([...planIds])) {
      if (!plan || plan.deletedAt !== null) continue
      const sections = await db.sections.where('[planId+order]').between([plan.id, Dexie.minKey], [plan.id, Dexie.maxKey]).toArray()
      // Rows read through the shared cache are frozen: sort a copy.
      const items = [...(await db.items.where('planId').equals(plan.id).toArray())].sort(byOrder)
      out.push({ plan, sections: sections.map((section) => ({ section, items: items.filter((i) => i.sectionId === section.id) })) })
    }
    return out
  })
}
