// Review cadence of suppliers: when each supplier of a register is next due for review, by its own
// interval or its plan's. Apart from review.ts so that the home screen does not load the registers.
import { addDays, localDate } from './dates'
import type { Item, Plan, Section } from './model'
import { numberMeaningError } from './number-meanings'
import { collectRegisters, type SupplierEntry } from './registers'

export interface SupplierReview {
  supplier: SupplierEntry
  interval: number
  /** The date (YYYY-MM-DD) the next review falls due. */
  nextReview: string
  needsReview: boolean
  /**
   * Set when the supplier's own interval is not a number of days (0, -5, 2.5 from an older version or
   * a backup): the words saying so and which interval is used instead, so that none is used silently.
   */
  intervalProblem?: string | null
  /** The last day to give notice (contract end less notice period), or null without both. */
  noticeDeadline: string | null
}

/**
 * When a supplier is next due for review: its own interval, else its plan's, counted from its
 * "last reviewed" date, or from the plan's creation while it has never been reviewed.
 */
export function supplierReview(supplier: SupplierEntry, plan: Pick<Plan, 'reviewEveryDays' | 'createdAt'> | undefined, today: string): SupplierReview {
  const own = supplier.reviewEveryDays
  const invalid = own !== null && numberMeaningError('supplier-register', { id: 'reviewEveryDays', label: '' }, own) !== null
  const interval = (invalid ? null : own) ?? plan?.reviewEveryDays ?? 365
  const from = supplier.lastReviewed ?? (plan ? localDate(new Date(plan.createdAt)) : today)
  const nextReview = addDays(from, interval)
  const intervalProblem = invalid
    ? `its own review interval (${own}) is not a whole number of days from 1; the plan's ${interval} days are used until it is corrected`
    : null
  const notice = noticeDeadline(supplier.contractEnd, supplier.noticePeriod)
  return { supplier, interval, nextReview, needsReview: nextReview < today, intervalProblem, noticeDeadline: notice }
}

/** The suppliers of one plan's registers that are past their review date: item id to the date it fell due. */
export function suppliersDueIn(plan: Plan, sections: readonly Section[], items: readonly Item[], today: string): Map<string, string> {
  const out = new Map<string, string>()
  if (plan.kind !== 'supplier-review') return out
  for (const s of collectRegisters([plan], sections, items).suppliers) {
    const review = supplierReview(s, plan, today)
    if (review.needsReview) out.set(s.id, review.nextReview)
  }
  return out
}

/** The dashboard warns this many days ahead of a notice deadline. */
export const NOTICE_WARNING_DAYS = 60
const MINUTES_PER_DAY = 24 * 60

/**
 * The last day to give notice: the contract's end less its notice period (minutes, as durations
 * are stored; part of a day counts as a whole one, so the deadline is never late). Null without both.
 */
export function noticeDeadline(contractEnd: string | null, noticeMinutes: number | null): string | null {
  if (contractEnd === null || noticeMinutes === null || noticeMinutes < 0) return null
  return addDays(contractEnd, -Math.ceil(noticeMinutes / MINUTES_PER_DAY))
}

/** Passed (the chance to give notice is gone), soon (within the warning days), later, or none recorded. */
export function noticeState(deadline: string | null, today: string): 'passed' | 'soon' | 'later' | 'none' {
  if (deadline === null) return 'none'
  if (deadline < today) return 'passed'
  return deadline <= addDays(today, NOTICE_WARNING_DAYS) ? 'soon' : 'later'
}
