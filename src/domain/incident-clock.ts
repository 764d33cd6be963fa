// The incident's deadlines, computed from the stored facts and the current time like the drill clock
// (an incident's clock never pauses: its time is the time since declaration). Each function that
// stops counts down to its RTO from the declaration; status updates fall due every so many minutes
// after the last one sent, or after the declaration before any was sent.

const MINUTE = 60_000

interface RtoCountdown {
  /** Wall-clock ms when the RTO is reached. */
  dueAt: number
  /** Ms until then; negative once it is past. */
  msLeft: number
  past: boolean
}

/** The countdown to a function's RTO (minutes) from the declaration, or null when it has none. */
export function rtoCountdown(rtoMinutes: number | null, declaredAt: string, now: number): RtoCountdown | null {
  if (rtoMinutes === null) return null
  const dueAt = Date.parse(declaredAt) + rtoMinutes * MINUTE
  const msLeft = dueAt - now
  return { dueAt, msLeft, past: msLeft <= 0 }
}

/**
 * "1 h 20 min", "5 min", "under a minute". Time left is rounded up (a deadline 30 s away reads
 * "1 min", never "under a minute" too early); time past is rounded down.
 */
export function formatSpan(ms: number): string {
  const minutes = ms > 0 ? Math.ceil(ms / MINUTE) : Math.floor(-ms / MINUTE)
  if (minutes < 1) return 'under a minute'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  if (h >= 48 && m === 0) return `${Math.floor(h / 24)} d`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}

/** "RTO reached in 1 h 20 min" or "RTO passed 10 min ago"; "No RTO recorded" without one. */
export function describeCountdown(c: RtoCountdown | null): string {
  if (c === null) return 'No RTO recorded'
  return c.past ? `RTO passed ${formatSpan(c.msLeft)} ago` : `RTO reached in ${formatSpan(c.msLeft)}`
}

interface UpdateDue {
  /** Wall-clock ms of the last update sent, or null before the first. */
  lastAt: number | null
  dueAt: number
  msLeft: number
  overdue: boolean
}

/**
 * When the next status update is due: `everyMinutes` after the last one sent (a 'communication'
 * entry, stamped on the incident clock as ms since declaration), or after the declaration.
 */
export function nextUpdateDue(declaredAt: string, everyMinutes: number, events: readonly { type: string; at: number }[], now: number): UpdateDue {
  const start = Date.parse(declaredAt)
  const sent = events.filter((e) => e.type === 'communication').map((e) => start + e.at)
  const lastAt = sent.length > 0 ? Math.max(...sent) : null
  const dueAt = (lastAt ?? start) + everyMinutes * MINUTE
  const msLeft = dueAt - now
  return { lastAt, dueAt, msLeft, overdue: msLeft <= 0 }
}

/** "Next update due in 12 min" or "Update overdue by 3 min". */
export function describeUpdateDue(due: UpdateDue): string {
  return due.overdue ? `Update overdue by ${formatSpan(due.msLeft)}` : `Next update due in ${formatSpan(due.msLeft)}`
}
