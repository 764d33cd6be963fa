// The data model: zod schemas for every stored row, and the types inferred from them.
// The same schemas validate each write and (later) each imported document.
import * as z from 'zod/mini'
import { isCalendarDate, isTimestamp } from './dates'
import { LIMITS } from './limits'
import { quote } from './quote'
import { isOrderKey } from './order'
import { FIELD_TYPES, ITEM_KINDS, ITEM_STATUSES, LINK_TARGETS, PHASES, PLAN_KINDS, PLAN_STATUSES, SECTION_ROLES } from './vocabulary'

/** Text of at most `max` characters. */
export const text = (max: number) => z.string().check(z.maxLength(max, `must be at most ${max} characters`))
/**
 * Text that is not blank, of at most `max` characters, kept exactly as written: leading tabs and
 * spaces are part of the text (a backup restores "\t=tab then formula" as it was).
 */
export const required = (max: number) => z.string().check(z.regex(/\S/, 'must not be empty'), z.maxLength(max, `must be at most ${max} characters`))

export const idSchema = z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters'))
const notA = (what: string) => (iss: { input?: unknown }) => `${quote(iss.input)} is not a ${what}`
// The pattern goes into the JSON Schema; the refinement also rejects impossible days (2026-02-31).
/** A calendar date as stored; the JSON Schema also says `format: date` (see exportJsonSchema). */
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/
/** A moment as stored: UTC, to the millisecond at most; the JSON Schema also says `format: date-time`. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/
export const dateSchema = z.string().check(
  z.regex(DATE_PATTERN, { error: notA('date (YYYY-MM-DD)') }),
  z.refine((s) => !DATE_PATTERN.test(s) || isCalendarDate(s), { error: notA('date (YYYY-MM-DD)') }),
)
export const timestampSchema = z.string().check(
  z.regex(TIMESTAMP_PATTERN, { error: notA('timestamp (ISO 8601, UTC)') }),
  z.refine((s) => !TIMESTAMP_PATTERN.test(s) || isTimestamp(s), { error: notA('timestamp (ISO 8601, UTC)') }),
)

/** Field ids key item values, and Dexie reads a dot as a path: letters, digits, - and _ only. */
const fieldIdSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, { error: (iss) => `${quote(iss.input)} is not a field id (letters, digits, - and _)` }))

export const fieldDefSchema = z
  .strictObject({
    id: fieldIdSchema,
    label: required(LIMITS.fieldLabel),
    type: z.enum(FIELD_TYPES),
    options: z.optional(z.array(required(LIMITS.fieldLabel)).check(z.maxLength(LIMITS.fieldOptions))),
    help: z.optional(text(LIMITS.shortText)),
    /** For a links field: which rows it may point at. */
    linksTo: z.optional(z.enum(LINK_TARGETS)),
  })
  .check(
    z.refine((f) => f.type !== 'select' || (f.options?.length ?? 0) > 0, { error: 'a choice field needs at least one choice', path: ['options'] }),
    z.refine((f) => f.type !== 'links' || f.linksTo !== undefined, { error: 'a links field must say what it links to', path: ['linksTo'] }),
  )
export type FieldDef = z.infer<typeof fieldDefSchema>

/**
 * A typed field's value: text for text/contact/select/date, a number for number/duration
 * (minutes), a list of item ids for links.
 */
export const fieldValueSchema = z.union([
  z.string().check(z.maxLength(LIMITS.shortText)),
  z.number(),
  z.null(),
  z.array(idSchema).check(z.maxLength(LIMITS.linksPerField, `at most ${LIMITS.linksPerField} links`)),
])
export type FieldValue = z.infer<typeof fieldValueSchema>

export const itemSourceSchema = z.strictObject({
  kind: z.enum(['drill-finding', 'template', 'incident-action']),
  id: idSchema,
  label: text(LIMITS.title),
})
export type ItemSource = z.infer<typeof itemSourceSchema>

/** A fractional ordering key (see order.ts): moving a row rewrites that row only. */
const orderSchema = z.string().check(z.refine(isOrderKey, { error: (iss) => `${quote(iss.input)} is not an ordering key` }))

export const planSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(PLAN_KINDS),
  title: required(LIMITS.title),
  description: text(LIMITS.longText),
  owner: text(LIMITS.name),
  status: z.enum(PLAN_STATUSES),
  templateId: z.nullable(idSchema),
  templateVersion: z.nullable(z.int().check(z.gte(0))),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  reviewedAt: z.nullable(timestampSchema),
  reviewedBy: text(LIMITS.name),
  reviewEveryDays: z.int().check(z.gte(1, 'must be at least 1 day'), z.lte(LIMITS.reviewEveryDaysMax, `must be at most ${LIMITS.reviewEveryDaysMax} days`)),
  deletedAt: z.nullable(timestampSchema),
})
export type Plan = z.infer<typeof planSchema>

export const sectionSchema = z.strictObject({
  id: idSchema,
  planId: idSchema,
  order: orderSchema,
  title: required(LIMITS.title),
  guidance: text(LIMITS.longText),
  /** What the section is; registers are read by role, their fields by id. */
  role: z.enum(SECTION_ROLES),
  fields: z.array(fieldDefSchema).check(z.maxLength(LIMITS.fieldsPerSection, `at most ${LIMITS.fieldsPerSection} fields`)),
  updatedAt: timestampSchema,
})
export type Section = z.infer<typeof sectionSchema>

export const itemSchema = z.strictObject({
  id: idSchema,
  planId: idSchema,
  sectionId: idSchema,
  order: orderSchema,
  text: required(LIMITS.shortText),
  guidance: text(LIMITS.longText),
  /** A preparation task, or a response step for the day. */
  kind: z.enum(ITEM_KINDS),
  /** When a response step happens; null for a task. */
  phase: z.nullable(z.enum(PHASES)),
  /** Who does a response step: a role, as the plan's roles and contact tree name it. */
  role: text(LIMITS.name),
  status: z.enum(ITEM_STATUSES),
  owner: text(LIMITS.name),
  due: z.nullable(dateSchema),
  notes: text(LIMITS.longText),
  evidence: text(LIMITS.longText),
  values: z.record(z.string().check(z.maxLength(64)), fieldValueSchema),
  updatedAt: timestampSchema,
  doneAt: z.nullable(timestampSchema),
  source: z.nullable(itemSourceSchema),
})
export type Item = z.infer<typeof itemSchema>

/** What an item edit may change; the repository stamps updatedAt and doneAt itself. */
export const itemPatchSchema = z.partial(
  z.pick(itemSchema, { text: true, guidance: true, kind: true, phase: true, role: true, status: true, owner: true, due: true, notes: true, evidence: true }),
)
export type ItemPatch = z.infer<typeof itemPatchSchema>

export const planPatchSchema = z.partial(z.pick(planSchema, { title: true, description: true, owner: true, status: true, reviewEveryDays: true }))
export type PlanPatch = z.infer<typeof planPatchSchema>

export const sectionPatchSchema = z.partial(z.pick(sectionSchema, { title: true, guidance: true, role: true, fields: true }))
export type SectionPatch = z.infer<typeof sectionPatchSchema>
