// Builds the rows of a new plan from a template, or of a copy of an existing plan. Pure: ids and
// the clock are passed in, so tests can pin them.
import type { Item, Plan, Section } from './model'
import { orderKeys } from './order'
import type { PlanTemplate } from './template-model'

export interface PlanRows {
  plan: Plan
  sections: Section[]
  items: Item[]
}

export interface FactoryContext {
  newId: () => string
  now: string
}

export function newItemRow(ctx: FactoryContext, planId: string, sectionId: string, order: string, text: string): Item {
  return {
    id: ctx.newId(),
    planId,
    sectionId,
    order,
    text,
    guidance: '',
    kind: 'task',
    phase: null,
    role: '',
    status: 'open',
    owner: '',
    due: null,
    notes: '',
    evidence: '',
    values: {},
    updatedAt: ctx.now,
    doneAt: null,
    source: null,
  }
}

export function newSectionRow(ctx: FactoryContext, planId: string, order: string, title: string): Section {
  return { id: ctx.newId(), planId, order, title, guidance: '', role: 'checklist', fields: [], updatedAt: ctx.now }
}

export function planFromTemplate(template: PlanTemplate, ctx: FactoryContext, overrides: { title?: string; owner?: string } = {}): PlanRows {
  const plan: Plan = {
    id: ctx.newId(),
    kind: template.kind,
    title: overrides.title?.trim() || template.title,
    description: template.description,
    owner: overrides.owner ?? '',
    status: 'draft',
    templateId: template.id,
    templateVersion: template.version,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    reviewedAt: null,
    reviewedBy: '',
    reviewEveryDays: template.reviewEveryDays,
    deletedAt: null,
  }
  const sections: Section[] = []
  const items: Item[] = []
  const sectionKeys = orderKeys(template.sections.length)
  template.sections.forEach((ts, si) => {
    const section: Section = {
      ...newSectionRow(ctx, plan.id, sectionKeys[si] as string, ts.title),
      guidance: ts.guidance,
      role: ts.role ?? 'checklist',
      fields: ts.fields ? ts.fields.map((f) => ({ ...f, options: f.options ? [...f.options] : undefined })) : [],
    }
    sections.push(section)
    const itemKeys = orderKeys(ts.items.length)
    ts.items.forEach((ti, ii) => {
      const step = ti.kind === 'step'
      items.push({
        ...newItemRow(ctx, plan.id, section.id, itemKeys[ii] as string, ti.text),
        guidance: ti.guidance,
        kind: ti.kind ?? 'task',
        phase: step ? (ti.phase ?? 'first-hour') : null,
        role: ti.role ?? '',
        values: { ...ti.values },
      })
    })
  })
  return { plan, sections, items }
}

/**
 * The same plan under new ids: sections, items, and links between the plan's own items follow
 * the new ids; links to other plans' items stay as they are. `planId` keeps a given plan id.
 * Also returns which new id each item got, for rows elsewhere that point at them.
 */
export function withFreshIds(src: PlanRows, newId: () => string, planId = newId()): PlanRows & { itemIds: ReadonlyMap<string, string> } {
  const sectionIds = new Map(src.sections.map((s) => [s.id, newId()]))
  const itemIds = new Map(src.items.map((i) => [i.id, newId()]))
  const relink = (values: Item['values']): Item['values'] =>
    Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.map((id) => itemIds.get(id) ?? id) : v]))
  return {
    itemIds,
    plan: { ...src.plan, id: planId },
    sections: src.sections.map((s) => ({ ...s, id: sectionIds.get(s.id) ?? newId(), planId, fields: s.fields.map((f) => ({ ...f })) })),
    items: src.items.flatMap((i) => {
      const sectionId = sectionIds.get(i.sectionId)
      return sectionId ? [{ ...i, id: itemIds.get(i.id) ?? newId(), planId, sectionId, values: relink(i.values) }] : []
    }),
  }
}

/** A copy with new ids throughout, the same content, and a fresh review history. */
export function duplicateRows(src: PlanRows, ctx: FactoryContext): PlanRows {
  const copy = withFreshIds(src, ctx.newId)
  return {
    plan: {
      ...copy.plan,
      title: `${src.plan.title} (copy)`.slice(0, 200),
      createdAt: ctx.now,
      updatedAt: ctx.now,
      reviewedAt: null,
      reviewedBy: '',
      deletedAt: null,
    },
    sections: copy.sections.map((s) => ({ ...s, updatedAt: ctx.now })),
    items: copy.items.map((i) => ({ ...i, updatedAt: ctx.now })),
  }
}
