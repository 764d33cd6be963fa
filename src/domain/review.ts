// Review cadence: when a plan is next due for review, and whether it is overdue (suppliers: see
// supplier-reviews.ts).
import { addDays, localDate } from './dates'

interface Reviewable {
  createdAt: string
  reviewedAt: string | null
  reviewEveryDays: number
}

/** The date the next review falls due: the interval counted from the last review, or from creation. */
export function nextReviewDate(plan: Reviewable): string {
  const from = plan.reviewedAt ?? plan.createdAt
  return addDays(localDate(new Date(from)), plan.reviewEveryDays)
}

export function isReviewOverdue(plan: Reviewable, now: Date): boolean {
  return nextReviewDate(plan) < localDate(now)
}

/** An item is overdue when it has a due date in the past and is still to be done. */
export function isItemOverdue(item: { due: string | null; status: string }, now: Date): boolean {
  return item.due !== null && (item.status === 'open' || item.status === 'blocked') && item.due < localDate(now)
}
