// Templates saved on this device: list, save from a plan, rename, delete, and put (one or many,
// e.g. from an import). Each write is one transaction and validated against userTemplateSchema.
import { readPlanRows } from './plan-repository'
import { templateFromPlan, renamedTemplate, type SaveAsTemplateOptions } from '../domain/template-from-plan'
import { userTemplateSchema, type UserTemplate } from '../domain/user-template'
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { newId, nowIso } from './clock'

/** Saved templates, by title. */
export async function listTemplates(): Promise<UserTemplate[]> {
  const rows = await db.templates.toArray()
  return [...rows].sort((a, b) => a.title.localeCompare(b.title) || a.createdAt.localeCompare(b.createdAt))
}

export function getTemplate(id: string): Promise<UserTemplate | undefined> {
  return db.templates.get(id)
}

/** Saves a plan's structure as a template; returns the new template's id. */
export async function saveTemplateFromPlan(planId: string, options: SaveAsTemplateOptions): Promise<string> {
  const rows = await readPlanRows(planId)
  if (!rows || rows.plan.deletedAt !== null) throw new ValidationError(['This plan no longer exists'])
  const template = check(userTemplateSchema, templateFromPlan(rows, options, { newId, now: nowIso() }), 'template')
  await db.transaction('rw', db.templates, async () => {
    await db.templates.add(template)
  })
  return template.id
}

export async function renameTemplate(id: string, title: string): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const t = await db.templates.get(id)
    if (!t) throw new ValidationError(['This template no longer exists'])
    await db.templates.put(check(userTemplateSchema, renamedTemplate(t, title, nowIso()), 'template'))
  })
}

/** Deletes a template and returns it, so the caller can offer to undo with putTemplate. */
export async function deleteTemplate(id: string): Promise<UserTemplate | undefined> {
  return db.transaction('rw', db.templates, async () => {
    const t = await db.templates.get(id)
    if (t) await db.templates.delete(id)
    return t
  })
}

/** Adds or replaces one template (undo of a delete, or an import). */
export async function putTemplate(template: UserTemplate): Promise<void> {
  const row = check(userTemplateSchema, template, 'template')
  await db.transaction('rw', db.templates, async () => {
    await db.templates.put(row)
  })
}

/** Adds or replaces many templates in one transaction: all of them, or none when one is invalid. */
export async function bulkPutTemplates(templates: readonly UserTemplate[]): Promise<{ added: number; replaced: number }> {
  const rows = templates.map((t, i) => check(userTemplateSchema, t, `templates[${i}]`))
  return db.transaction('rw', db.templates, async () => {
    const existing = await db.templates.bulkGet(rows.map((r) => r.id))
    await db.templates.bulkPut(rows)
    const replaced = existing.filter((e) => e !== undefined).length
    return { added: rows.length - replaced, replaced }
  })
}
