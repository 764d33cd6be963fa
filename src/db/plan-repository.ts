// Plan-level writes: create from a template, edit the header, review, duplicate, trash, restore.
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { itemSchema, planPatchSchema, planSchema, sectionSchema, type PlanPatch } from '../domain/model'
import { duplicateRows, planFromTemplate, type PlanRows } from '../domain/plan-factory'
import type { PlanTemplate } from '../domain/template-model'
import { db } from './database'
import { factoryContext, nowIso } from './clock'

async function writeRows(rows: PlanRows): Promise<void> {
  // What is stored is what the schemas gave back (trimmed), so an export reads back the same.
  const plan = check(planSchema, rows.plan, 'plan')
  const sections = rows.sections.map((s, i) => check(sectionSchema, s, `sections[${i}]`))
  const items = rows.items.map((it, i) => check(itemSchema, it, `items[${i}]`))
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    await db.plans.add(plan)
    await db.sections.bulkAdd(sections)
    await db.items.bulkAdd(items)
  })
}

export async function createPlanFromTemplate(template: PlanTemplate, overrides: { title?: string; owner?: string } = {}): Promise<string> {
  const rows = planFromTemplate(template, factoryContext(), overrides)
  await writeRows(rows)
  return rows.plan.id
}

export async function updatePlan(id: string, patch: PlanPatch): Promise<void> {
  const changes = check(planPatchSchema, patch)
  await db.transaction('rw', db.plans, async () => {
    const plan = await db.plans.get(id)
    if (!plan) throw new ValidationError(['This plan no longer exists'])
    check(planSchema, { ...plan, ...changes })
    await db.plans.update(id, { ...changes, updatedAt: nowIso() })
  })
}

/** Records who reviewed the plan and when; the next review date follows from the interval. */
export async function markReviewed(id: string, by: string): Promise<void> {
  const now = nowIso()
  await db.plans.update(id, { reviewedAt: now, reviewedBy: by.trim().slice(0, 120), updatedAt: now })
}

export async function readPlanRows(id: string): Promise<PlanRows | undefined> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const plan = await db.plans.get(id)
    if (!plan) return undefined
    const sections = await db.sections.where('[planId+order]').between([id, -Infinity], [id, Infinity]).toArray()
    const items = await db.items.where('planId').equals(id).toArray()
    return { plan, sections, items }
  })
}

export async function duplicatePlan(id: string): Promise<string> {
  const src = await readPlanRows(id)
  if (!src) throw new ValidationError(['This plan no longer exists'])
  const rows = duplicateRows(src, factoryContext())
  await writeRows(rows)
  return rows.plan.id
}

/** Moves a plan to the trash; nothing is removed until the trash is emptied. */
export async function trashPlan(id: string): Promise<void> {
  const now = nowIso()
  await db.plans.update(id, { deletedAt: now })
}

export async function restorePlan(id: string): Promise<void> {
  await db.plans.update(id, { deletedAt: null, updatedAt: nowIso() })
}

/** Removes a trashed plan and everything in it for good. Refuses a plan that is not in the trash. */
export async function purgePlan(id: string): Promise<void> {
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    const plan = await db.plans.get(id)
    if (!plan) return
    if (plan.deletedAt === null) throw new ValidationError(['Only a plan in the trash can be removed for good'])
    await db.items.where('planId').equals(id).delete()
    await db.sections.where('planId').equals(id).delete()
    await db.plans.delete(id)
  })
}
