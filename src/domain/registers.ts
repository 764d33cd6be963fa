// The registers that other views build on: supplier registers and business impact analyses,
// found by the role their sections record and read by field id (see section-roles.ts), into
// suppliers and business functions. Dependencies, Suppliers, Readiness, the grab pack and the
// exports all read registers here.
import type { FieldValue, Item, Plan, Section } from './model'

/** A section listing suppliers. */
export const isSupplierRegister = (section: Pick<Section, 'role'>): boolean => section.role === 'supplier-register'

/** A section listing business functions with their recovery targets. */
export const isImpactAnalysis = (section: Pick<Section, 'role'>): boolean => section.role === 'impact-analysis'

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
  /** The supplier's own review interval as stored (possibly not a valid one: see supplier-reviews.ts), or null to follow its plan's. */
  reviewEveryDays: number | null
  /** Suppliers of the registers this one runs on (its hosting, its platform). */
  runsOn: string[]
  /** A provider outside the registers it runs on ("Microsoft Azure"), or '' when none is named. */
  platform: string
  region: string
  statusPage: string
  supportLine: string
  contractRef: string
  slaAvailability: string
  /** Minutes, or null. */
  slaResponse: number | null
  /** Minutes, or null. */
  noticePeriod: number | null
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
  /** Maximum tolerable period of disruption in minutes, or null. */
  mtpd: number | null
  workaround: string
  supplierIds: string[]
  dependsOn: string[]
}

export interface Registers {
  suppliers: SupplierEntry[]
  functions: FunctionEntry[]
}

/** High or Critical, in either a function's impact or a supplier's criticality. */
export const isCriticalLevel = (level: string | null): boolean => level !== null && /^(high|critical)$/i.test(level.trim())

/** Text that says there is nothing: empty, "none", "n/a", "no", "-", "tbc"… */
export function saysNone(text: string): boolean {
  return /^\s*(?:$|none\b|no\b|n\/?a\b|nil\b|nothing\b|tb[cd]\b|unknown\b|[-–—?]+\s*$)/i.test(text)
}

const textOf = (v: FieldValue | undefined): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const stringOrNull = (v: FieldValue | undefined): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null)
const minutesOrNull = (v: FieldValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)
const listOf = (v: FieldValue | undefined): string[] => (Array.isArray(v) ? unique(v) : [])

/** The supplier a register row describes. */
function supplierOf(item: Item, plan: Pick<Plan, 'id' | 'title'>): SupplierEntry {
  const v = item.values
  const every = v.reviewEveryDays
  return {
    id: item.id,
    name: item.text,
    planId: plan.id,
    planTitle: plan.title,
    service: textOf(v.service),
    criticality: stringOrNull(v.criticality),
    alternative: textOf(v.alternative),
    exitPlan: textOf(v.exitPlan),
    contractEnd: stringOrNull(v.contractEnd),
    lastReviewed: stringOrNull(v.lastReviewed),
    outcome: stringOrNull(v.outcome),
    // As stored, even when it is no interval (-5): supplier-reviews.ts says so rather than quietly using another.
    reviewEveryDays: typeof every === 'number' && Number.isFinite(every) ? every : null,
    runsOn: listOf(v.runsOn).filter((id) => id !== item.id),
    platform: textOf(v.platform).trim(),
    region: textOf(v.region).trim(),
    statusPage: textOf(v.statusPage),
    supportLine: textOf(v.supportLine),
    contractRef: textOf(v.contractRef),
    slaAvailability: textOf(v.slaAvailability),
    slaResponse: minutesOrNull(v.slaResponse),
    noticePeriod: minutesOrNull(v.noticePeriod),
  }
}

/** The business function an impact analysis row describes. */
function functionOf(item: Item, plan: Pick<Plan, 'id' | 'title'>): FunctionEntry {
  const v = item.values
  const impact = stringOrNull(v.impact)
  return {
    id: item.id,
    name: item.text,
    planId: plan.id,
    planTitle: plan.title,
    impact,
    critical: isCriticalLevel(impact),
    rto: minutesOrNull(v.rto),
    mtpd: minutesOrNull(v.mtpd),
    workaround: textOf(v.workaround),
    supplierIds: listOf(v.suppliers),
    dependsOn: listOf(v.dependsOn).filter((id) => id !== item.id),
  }
}

/**
 * Reads every supplier (rows of supplier registers) and business function (rows of impact
 * analyses) of the live plans. Rows marked not applicable are left out. Linear in the rows given.
 */
export function collectRegisters(plans: readonly Plan[], sections: readonly Section[], items: readonly Item[]): Registers {
  // Retired plans no longer describe the business: their rows leave the analysis.
  const livePlans = new Map(plans.filter((p) => p.deletedAt === null && p.status !== 'retired').map((p) => [p.id, p]))
  const roleOf = new Map<string, { plan: Plan; role: Section['role'] }>()
  for (const s of sections) {
    const plan = livePlans.get(s.planId)
    if (plan && (isSupplierRegister(s) || isImpactAnalysis(s))) roleOf.set(s.id, { plan, role: s.role })
  }
  const suppliers: SupplierEntry[] = []
  const functions: FunctionEntry[] = []
  for (const item of items) {
    if (item.status === 'not-applicable') continue
    const at = roleOf.get(item.sectionId)
    if (at?.role === 'supplier-register') suppliers.push(supplierOf(item, at.plan))
    else if (at?.role === 'impact-analysis') functions.push(functionOf(item, at.plan))
  }
  return { suppliers, functions }
}

const unique = (xs: string[]): string[] => (xs.length < 2 ? xs : [...new Set(xs)])
