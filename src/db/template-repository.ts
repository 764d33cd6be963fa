// Templates saved on this device: list, save from a plan, rename, delete, and put (one or many,
// e.g. from an import). Each write is one transaction and validated against userTemplateSchema.
import { readPlanRows } from './plan-repository'
import { templateFromPlan, renamedTemplate, type SaveAsTemplateOptions } from '../domain/template-from-plan'
import type { UserTemplate } from '../domain/user-template'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { newId, nowIso } from './clock'
import * as writes from './writes'

/** Saved templates, by title. */
export async function listTemplates(): Promise<UserTemplate[]> {
  const rows = await db.templates.toArray()
  return [...rows].sort((a, b) => a.title.localeCompare(b.title) || a.createdAt.localeCompare(b.createdAt))
}

/** Saves a plan's structure as a template; returns the new template's id. */
export async function saveTemplateFromPlan(planId: string, options: SaveAsTemplateOptions): Promise<string> {
  const rows = await readPlanRows(planId)
  if (!rows || rows.plan.deletedAt !== null) throw new ValidationError(['This plan no longer exists'])
  return (await writes.templates.add(templateFromPlan(rows, options, { newId, now: nowIso() }))).id
}

export async function renameTemplate(id: string, title: string): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const t = await writes.templates.require(id)
    const { title: renamed, version } = renamedTemplate(t, title, nowIso())
    await writes.templates.patch(id, { title: renamed, version })
  })
}

/** Deletes a template and returns it, so the caller can offer to undo with putTemplate. */
export async function deleteTemplate(id: string): Promise<UserTemplate | undefined> {
  return db.transaction('rw', db.templates, async () => {
    const t = await db.templates.get(id)
    if (t) await writes.templates.delete(id)
    return t
  })
}

/** Adds or replaces one template (undo of a delete, or an import). */
export async function putTemplate(template: UserTemplate): Promise<void> {
  await writes.templates.put(template)
}

/** Adds or replaces many templates in one transaction: all of them, or none when one is invalid. */
export async function bulkPutTemplates(templates: readonly UserTemplate[]): Promise<{ added: number; replaced: number }> {
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.bulkGet(templates.map((r) => r.id))
    const rows = await writes.templates.bulkPut(templates)
    const replaced = existing.filter((e) => e !== undefined).length
    return { added: rows.length - replaced, replaced }
  })
}
