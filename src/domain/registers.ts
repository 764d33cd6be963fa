// The registers that other views build on: supplier registers and business impact analyses,
// recognised by the fields their sections carry, and read into suppliers and business functions.
import type { FieldDef, FieldValue, Item, Plan, Section } from './model'

/** A section listing suppliers: in a supplier review, with a criticality choice among its fields. */
export function isSupplierRegister(plan: Pick<Plan, 'kind'>, section: Section): boolean {
  return plan.kind === 'supplier-review' && section.fields.some((f) => f.type === 'select' && /critical/i.test(f.label))
}

/** A section listing business functions with recovery targets (an RTO or MTPD duration). */
export function isImpactAnalysis(section: Section): boolean {
  return section.fields.some((f) => f.type === 'duration' && /^(rto|mtpd|mtd)$/i.test(f.label))
}

/** A supplier as read from a supplier register row, with the fields the analysis uses. */
export interface SupplierEntry {
  id: string
  name: string
  planId: string
  planTitle: string
  service: string
  criticality: string | null
  alternative: string
  exitPlan: string
  contractEnd: string | null
  lastReviewed: string | null
  outcome: string | null
  /** The supplier's own review interval, or null to follow its plan's. */
  reviewEveryDays: number | null
}

/** A business function as read from an impact analysis row. */
export interface FunctionEntry {
  id: string
  name: string
  planId: string
  planTitle: string
  impact: string | null
  critical: boolean
  /** Recovery time objective in minutes, or null when none is recorded. */
  rto: number | null
  workaround: string
  supplierIds: string[]
  dependsOn: string[]
}

export interface Registers {
  suppliers: SupplierEntry[]
  functions: FunctionEntry[]
}

/** High or Critical, in either a function's impact or a supplier's criticality. */
const isCriticalLevel = (level: string | null): boolean => level !== null && /^(high|critical)$/i.test(level.trim())

/** Text that says there is nothing: empty, "none", "n/a", "no", "-", "tbc"… */
export function saysNone(text: string): boolean {
  return /^\s*(?:$|none\b|no\b|n\/?a\b|nil\b|nothing\b|tb[cd]\b|unknown\b|[-–—?]+\s*$)/i.test(text)
}

type Matcher = (f: FieldDef) => boolean
const byIdOr =
  (id: string, type: FieldDef['type'] | null, label: RegExp): Matcher =>
  (f) =>
    f.id === id || ((type === null || f.type === type) && label.test(f.label))

/** The field of `section` that plays a role: by its id in the built-in templates, else by its label. */
function findField(section: Section, match: Matcher): FieldDef | undefined {
  return section.fields.find(match)
}

const textOf = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const stringOrNull = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
const listOf = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? v : [])

const SUPPLIER_FIELDS = {
  service: byIdOr('service', 'text', /service/i),
  criticality: (f: FieldDef) => f.type === 'select' && /critical/i.test(f.label),
  alternative: byIdOr('alternative', 'text', /alternative|fallback/i),
  exitPlan: byIdOr('exitPlan', 'text', /exit/i),
  contractEnd: byIdOr('contractEnd', 'date', /contract/i),
  lastReviewed: byIdOr('lastReviewed', 'date', /reviewed/i),
  outcome: byIdOr('outcome', 'select', /outcome/i),
  reviewEveryDays: byIdOr('reviewEveryDays', 'number', /review every/i),
} satisfies Record<string, Matcher>

/** The "last reviewed" date column of a supplier register, where a review is recorded. */
export function lastReviewedField(fields: readonly FieldDef[]): FieldDef | undefined {
  return fields.find(SUPPLIER_FIELDS.lastReviewed)
}

const FUNCTION_FIELDS = {
  impact: byIdOr('impact', 'select', /impact/i),
  rto: (f: FieldDef) => f.type === 'duration' && /^rto$/i.test(f.label.trim()),
  workaround: byIdOr('workaround', 'text', /workaround/i),
} satisfies Record<string, Matcher>

/**
 * Reads every supplier (rows of supplier registers) and business function (rows of impact
 * analyses) of the live plans. Rows marked not applicable are left out. Linear in the rows given.
 */
export function collectRegisters(plans: readonly Plan[], sections: readonly Section[], items: readonly Item[]): Registers {
  const livePlans = new Map(plans.filter((p) => p.deletedAt === null).map((p) => [p.id, p]))
  const supplierSections = new Map<string, { plan: Plan; fields: Record<keyof typeof SUPPLIER_FIELDS, FieldDef | undefined> }>()
  const functionSections = new Map<
    string,
    { plan: Plan; fields: Record<keyof typeof FUNCTION_FIELDS, FieldDef | undefined>; supplierLinks: FieldDef[]; functionLinks: FieldDef[] }
  >()
  for (const s of sections) {
    const plan = livePlans.get(s.planId)
    if (!plan) continue
    if (isSupplierRegister(plan, s)) {
      supplierSections.set(s.id, {
        plan,
        fields: {
          service: findField(s, SUPPLIER_FIELDS.service),
          criticality: findField(s, SUPPLIER_FIELDS.criticality),
          alternative: findField(s, SUPPLIER_FIELDS.alternative),
          exitPlan: findField(s, SUPPLIER_FIELDS.exitPlan),
          contractEnd: findField(s, SUPPLIER_FIELDS.contractEnd),
          lastReviewed: findField(s, SUPPLIER_FIELDS.lastReviewed),
          outcome: findField(s, SUPPLIER_FIELDS.outcome),
          reviewEveryDays: findField(s, SUPPLIER_FIELDS.reviewEveryDays),
        },
      })
    } else if (isImpactAnalysis(s)) {
      functionSections.set(s.id, {
        plan,
        fields: { impact: findField(s, FUNCTION_FIELDS.impact), rto: findField(s, FUNCTION_FIELDS.rto), workaround: findField(s, FUNCTION_FIELDS.workaround) },
        supplierLinks: s.fields.filter((f) => f.type === 'links' && f.linksTo === 'supplier'),
        functionLinks: s.fields.filter((f) => f.type === 'links' && f.linksTo === 'function'),
      })
    }
  }
  const suppliers: SupplierEntry[] = []
  const functions: FunctionEntry[] = []
  for (const item of items) {
    if (item.status === 'not-applicable') continue
    const sup = supplierSections.get(item.sectionId)
    if (sup) {
      const v = (f: FieldDef | undefined) => (f ? item.values[f.id] : undefined)
      const every = v(sup.fields.reviewEveryDays)
      suppliers.push({
        id: item.id,
        name: item.text,
        planId: sup.plan.id,
        planTitle: sup.plan.title,
        service: textOf(v(sup.fields.service)),
        criticality: stringOrNull(v(sup.fields.criticality)),
        alternative: textOf(v(sup.fields.alternative)),
        exitPlan: textOf(v(sup.fields.exitPlan)),
        contractEnd: stringOrNull(v(sup.fields.contractEnd)),
        lastReviewed: stringOrNull(v(sup.fields.lastReviewed)),
        outcome: stringOrNull(v(sup.fields.outcome)),
        reviewEveryDays: typeof every === 'number' && Number.isInteger(every) && every >= 1 ? every : null,
      })
      continue
    }
    const fn = functionSections.get(item.sectionId)
    if (fn) {
      const v = (f: FieldDef | undefined) => (f ? item.values[f.id] : undefined)
      const impact = stringOrNull(v(fn.fields.impact))
      const rto = v(fn.fields.rto)
      functions.push({
        id: item.id,
        name: item.text,
        planId: fn.plan.id,
        planTitle: fn.plan.title,
        impact,
        critical: isCriticalLevel(impact),
        rto: typeof rto === 'number' ? rto : null,
        workaround: textOf(v(fn.fields.workaround)),
        supplierIds: unique(fn.supplierLinks.flatMap((f) => listOf(item.values[f.id]))),
        dependsOn: unique(fn.functionLinks.flatMap((f) => listOf(item.values[f.id]))),
      })
    }
  }
  return { suppliers, functions }
}

const unique = (xs: string[]): string[] => (xs.length < 2 ? xs : [...new Set(xs)])
