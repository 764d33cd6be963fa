// Plan-level writes: create from a template, edit the header, review, duplicate, trash, restore.
import { Dexie } from 'dexie'
import { ValidationError } from '../domain/validation-error'
import { planPatchSchema, type PlanPatch } from '../domain/model'
import { check } from '../domain/validation'
import { duplicateRows, planFromTemplate, type PlanRows } from '../domain/plan-factory'
import type { PlanTemplate } from '../domain/template-model'
import { db } from './database'
import { factoryContext, nowIso } from './clock'
import * as writes from './writes'

async function writeRows(rows: PlanRows): Promise<void> {
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    await writes.plans.add(rows.plan)
    await writes.sections.bulkAdd(rows.sections)
    await writes.items.bulkAdd(rows.items)
  })
}

export async function createPlanFromTemplate(template: PlanTemplate, overrides: { title?: string; owner?: string } = {}): Promise<string> {
  const rows = planFromTemplate(template, factoryContext(), overrides)
  await writeRows(rows)
  return rows.plan.id
}

export async function updatePlan(id: string, patch: PlanPatch): Promise<void> {
  await writes.plans.patch(id, check(planPatchSchema, patch))
}

/** Records who reviewed the plan and when; the next review date follows from the interval. */
export async function markReviewed(id: string, by: string): Promise<void> {
  await writes.plans.patch(id, { reviewedAt: nowIso(), reviewedBy: by.trim() })
}

export async function readPlanRows(id: string): Promise<PlanRows | undefined> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const plan = await db.plans.get(id)
    if (!plan) return undefined
    const sections = await db.sections.where('[planId+order]').between([id, Dexie.minKey], [id, Dexie.maxKey]).toArray()
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
  await writes.plans.patch(id, { deletedAt: nowIso() })
}

export async function restorePlan(id: string): Promise<void> {
  await writes.plans.patch(id, { deletedAt: null })
}

/** Removes a trashed plan and everything in it for good. Refuses a plan that is not in the trash. */
export async function purgePlan(id: string): Promise<void> {
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    const plan = await db.plans.get(id)
    if (!plan) return
    if (plan.deletedAt === null) throw new ValidationError(['Only a plan in the trash can be removed for good'])
    await db.items.where('planId').equals(id).delete()
    await db.sections.where('planId').equals(id).delete()
    await writes.plans.delete(id)
  })
}
