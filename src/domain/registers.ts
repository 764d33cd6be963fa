// Recognising the registers that other views build on: supplier registers and business impact
// analyses, by the fields their sections carry.
import type { Plan, Section } from './model'

/** A section listing suppliers: in a supplier review, with a criticality choice among its fields. */
export function isSupplierRegister(plan: Pick<Plan, 'kind'>, section: Section): boolean {
  return plan.kind === 'supplier-review' && section.fields.some((f) => f.type === 'select' && /critical/i.test(f.label))
}

/** A section listing business functions with recovery targets (an RTO or MTPD duration). */
export function isImpactAnalysis(section: Section): boolean {
  return section.fields.some((f) => f.type === 'duration' && /^(rto|mtpd|mtd)$/i.test(f.label))
}
