// When the home page suggests a backup: 30 days after the last Export all (or after the first plan,
// if there never was one), only if something changed since, and not again for 30 days once
// dismissed. A suggestion, never a nag.
import { addDays, dateOf } from './dates'

export const REMIND_AFTER_DAYS = 30

export interface BackupFacts {
  /** When everything was last exported, '' if never. */
  lastExport: string
  /** When the first plan here was made, null if there is none. */
  firstPlanAt: string | null
  /** Whether any row changed after the last export (any row at all if there was none). */
  changedSince: boolean
  /** When the suggestion was last dismissed, '' if never. */
  dismissedAt: string
}

/** Whether `timestamp` fell `days` or more calendar days before `now` (local dates). */
export const olderThan = (timestamp: string, days: number, now: Date): boolean => addDays(dateOf(timestamp), days) <= dateOf(now.toISOString())

export function backupDue(facts: BackupFacts, now: Date): boolean {
  const since = facts.lastExport || facts.firstPlanAt
  if (!since || !facts.changedSince) return false
  if (!olderThan(since, REMIND_AFTER_DAYS, now)) return false
  return facts.dismissedAt === '' || olderThan(facts.dismissedAt, REMIND_AFTER_DAYS, now)
}
