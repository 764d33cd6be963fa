// The export format: one JSON document with plans (each with its sections and items), drills
// (each with its log), scenarios and templates written here; versioned, and described by zod
// schemas from which the shipped JSON Schema is generated.
import { byOrder } from './order'
import * as z from 'zod/mini'
import { drillEventSchema, drillSchema, scenarioSchema, type Drill, type DrillEvent, type Scenario } from './drill-model'
import { FORMAT, FORMAT_VERSION, SCHEMA_PATH } from './format-version'
import { DATE_PATTERN, itemSchema, planSchema, sectionSchema, TIMESTAMP_PATTERN, timestampSchema, type Item, type Plan, type Section } from './model'
import { userTemplateSchema, type UserTemplate } from './user-template'

const { planId: _itemPlan, ...itemShape } = itemSchema.shape
const { planId: _sectionPlan, ...sectionShape } = sectionSchema.shape

const exportedItemSchema = z.strictObject(itemShape)
const exportedSectionSchema = z.strictObject(sectionShape)
export const exportedPlanSchema = z.strictObject({
  ...planSchema.shape,
  sections: z.array(exportedSectionSchema).check(z.maxLength(1_000, 'at most 1,000 sections in a plan')),
  items: z.array(exportedItemSchema).check(z.maxLength(100_000, 'at most 100,000 items in a plan')),
})

const { drillId: _eventDrill, ...eventShape } = drillEventSchema.shape
const exportedEventSchema = z.strictObject(eventShape)
const exportedDrillSchema = z.strictObject({
  ...drillSchema.shape,
  events: z.array(exportedEventSchema).check(z.maxLength(20_000, 'at most 20,000 log entries in a drill')),
})

export const exportDocumentSchema = z.strictObject({
  format: z.literal(FORMAT),
  version: z.literal(FORMAT_VERSION),
  exportedAt: timestampSchema,
  app: z.strictObject({ name: z.string().check(z.maxLength(100)), version: z.string().check(z.maxLength(40)) }),
  plans: z.array(exportedPlanSchema).check(z.maxLength(10_000, 'at most 10,000 plans in one file')),
  drills: z.array(exportedDrillSchema).check(z.maxLength(10_000, 'at most 10,000 drills in one file')),
  scenarios: z.array(scenarioSchema).check(z.maxLength(1_000, 'at most 1,000 scenarios in one file')),
  templates: z.array(userTemplateSchema).check(z.maxLength(1_000, 'at most 1,000 templates in one file')),
})

export type ExportedPlan = z.infer<typeof exportedPlanSchema>
type ExportedDrill = z.infer<typeof exportedDrillSchema>
export type ExportDocument = z.infer<typeof exportDocumentSchema>

export interface PlanBundle {
  plan: Plan
  sections: Section[]
  items: Item[]
}

export interface DrillBundle {
  drill: Drill
  events: DrillEvent[]
}

/** Everything one document carries besides the plans. */
export interface ExportExtras {
  drills: readonly DrillBundle[]
  scenarios: readonly Scenario[]
  templates: readonly UserTemplate[]
}

export const NO_EXTRAS: ExportExtras = { drills: [], scenarios: [], templates: [] }

/**
 * One plan as it appears in the document. Sections by order; items by their section's order,
 * then their own, so the same data always gives the same text.
 */
function exportPlan({ plan, sections, items }: PlanBundle): ExportedPlan {
  const sorted = [...sections].sort(byOrder)
  const rank = new Map(sorted.map((s, i) => [s.id, i]))
  const sortedItems = [...items].sort((a, b) => (rank.get(a.sectionId) ?? 0) - (rank.get(b.sectionId) ?? 0) || byOrder(a, b))
  return {
    ...plan,
    sections: sorted.map(({ planId: _p, ...s }) => s),
    items: sortedItems.map(({ planId: _p, ...i }) => i),
  }
}

function exportDrill({ drill, events }: DrillBundle): ExportedDrill {
  const sorted = [...events].sort((a, b) => a.at - b.at || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
  return { ...drill, events: sorted.map(({ drillId: _d, ...e }) => e) }
}

const byCreated =
  <T extends { id: string }>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a).localeCompare(key(b)) || a.id.localeCompare(b.id)

export function buildExportDocument(bundles: readonly PlanBundle[], exportedAt: string, appVersion: string, extras: ExportExtras = NO_EXTRAS): ExportDocument {
  const plans = [...bundles].sort((a, b) => a.plan.createdAt.localeCompare(b.plan.createdAt) || a.plan.id.localeCompare(b.plan.id))
  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt,
    app: { name: 'Continuity Kit', version: appVersion },
    plans: plans.map(exportPlan),
    drills: [...extras.drills].sort((a, b) => a.drill.startedAt.localeCompare(b.drill.startedAt) || a.drill.id.localeCompare(b.drill.id)).map(exportDrill),
    scenarios: [...extras.scenarios].sort(byCreated((s) => s.updatedAt ?? '')),
    templates: [...extras.templates].sort(byCreated((t) => t.createdAt)),
  }
}

/** Turns an exported plan back into rows for the database. */
export function planRowsOf(exported: ExportedPlan): PlanBundle {
  const { sections, items, ...plan } = exported
  return {
    plan,
    sections: sections.map((s) => ({ ...s, planId: plan.id })),
    items: items.map((i) => ({ ...i, planId: plan.id })),
  }
}

/** Turns an exported drill back into rows for the database. */
export function drillRowsOf(exported: ExportedDrill): DrillBundle {
  const { events, ...drill } = exported
  return { drill, events: events.map((e) => ({ ...e, drillId: drill.id })) }
}

/**
 * The JSON text of a document, as downloaded: compact (indentation made a 100,000-item backup
 * 37 MB), with a final newline.
 */
export function serializeDocument(doc: ExportDocument): string {
  return `${JSON.stringify(doc)}\n`
}

const FORMATS = new Map([
  [DATE_PATTERN.source, 'date'],
  [TIMESTAMP_PATTERN.source, 'date-time'],
])

/**
 * Dates and timestamps say `format: date` / `date-time` beside their pattern, so that a validator
 * with formats (ajv-formats) refuses an impossible day such as 2026-02-31, as the app does.
 */
function withFormats<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withFormats) as T
  if (node === null || typeof node !== 'object') return node
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withFormats(v)]))
  const format = typeof out.pattern === 'string' ? FORMATS.get(out.pattern) : undefined
  return (format ? { ...out, format } : out) as T
}

/** The JSON Schema of the format, generated from the same zod schemas that check imports. */
export function exportJsonSchema(): Record<string, unknown> {
  return {
    ...withFormats(z.toJSONSchema(exportDocumentSchema, { io: 'input' })),
    $id: SCHEMA_PATH,
    title: `Continuity Kit export, format version ${FORMAT_VERSION}`,
  }
}
