// "Save as template": a plan's structure, guidance and typed fields as a user template, with the
// filled-in values only when asked for. Links are never kept: they point at rows of this device's
// plans, which a plan made from the template does not have. Pure: the id and clock are passed in.
import { byOrder } from './order'
import type { PlanRows } from './plan-factory'
import type { TemplateItem, TemplateSection } from './template-model'
import type { UserTemplate } from './user-template'

export interface SaveAsTemplateOptions {
  title: string
  summary?: string
  /** Keep the values of the sections' typed fields (RTOs, suppliers' criticality…). */
  keepValues: boolean
}

export const USER_TEMPLATE_PREFIX = 'user-'

export function templateFromPlan(rows: PlanRows, options: SaveAsTemplateOptions, ctx: { newId: () => string; now: string }): UserTemplate {
  const bySection = new Map<string, PlanRows['items']>()
  for (const item of rows.items) {
    const list = bySection.get(item.sectionId)
    if (list) list.push(item)
    else bySection.set(item.sectionId, [item])
  }
  const sections = [...rows.sections].sort(byOrder).map((s): TemplateSection => {
    const linkFields = new Set(s.fields.filter((f) => f.type === 'links').map((f) => f.id))
    const fieldIds = new Set(s.fields.map((f) => f.id))
    const items = [...(bySection.get(s.id) ?? [])].sort(byOrder).map((i) => {
      const base: TemplateItem = { text: i.text, guidance: i.guidance, ...(i.kind === 'step' ? { kind: i.kind, phase: i.phase, role: i.role } : {}) }
      if (!options.keepValues) return base
      const values = Object.fromEntries(Object.entries(i.values).filter(([k, v]) => fieldIds.has(k) && !linkFields.has(k) && v !== null && v !== ''))
      return Object.keys(values).length ? { ...base, values } : base
    })
    const section: TemplateSection = { title: s.title, guidance: s.guidance, ...(s.role === 'checklist' ? {} : { role: s.role }), items }
    if (s.fields.length) section.fields = s.fields.map((f) => ({ ...f, ...(f.options ? { options: [...f.options] } : {}) }))
    return section
  })
  const title = options.title.trim() || rows.plan.title
  return {
    id: `${USER_TEMPLATE_PREFIX}${ctx.newId()}`,
    version: 1,
    kind: rows.plan.kind,
    title: title.slice(0, 200),
    summary: (options.summary?.trim() || `Saved from "${rows.plan.title}"`).slice(0, 500),
    description: rows.plan.description,
    reviewEveryDays: rows.plan.reviewEveryDays,
    sections,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }
}

/** A renamed copy; the version goes up because the content changed. */
export function renamedTemplate(t: UserTemplate, title: string, now: string): UserTemplate {
  return { ...t, title: title.trim(), version: t.version + 1, updatedAt: now }
}
