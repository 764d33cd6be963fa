// Calendar dates (YYYY-MM-DD) and timestamps (ISO 8601): parsing, checking, arithmetic.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** A UTC midnight; unlike Date.UTC, years 0-99 stay years 0-99. */
function utcDate(year: number, month: number, day: number): Date {
  const dt = new Date(0)
  dt.setUTCFullYear(year, month, day)
  return dt
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** True when `s` is a real calendar date written YYYY-MM-DD (2026-02-31 is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = utcDate(y, mo - 1, d)
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d
}

/** True when `s` is an ISO timestamp as produced by Date#toISOString. */
export function isTimestamp(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(s)) return false
  const t = Date.parse(s)
  return Number.isFinite(t) && isCalendarDate(s.slice(0, 10))
}

/** The local calendar date of `now`, YYYY-MM-DD. */
export function localDate(now: Date): string {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** The local calendar date on which a stored timestamp fell (not its UTC date). */
export function dateOf(timestamp: string): string {
  return localDate(new Date(timestamp))
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dt = utcDate(y, m - 1, d + days)
  // Past year 9999 a date cannot be written YYYY-MM-DD; stop there rather than emit +010000.
  if (dt.getUTCFullYear() > 9999) return '9999-12-31'
  return `${pad(dt.getUTCFullYear(), 4)}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`
}

// Building an Intl.DateTimeFormat is far slower than using one (toLocaleDateString builds one per
// call), and lists show hundreds of dates: keep one per locale.
const formatters = new Map<string, Intl.DateTimeFormat>()
function dateFormatter(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? ''
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' })
    formatters.set(key, f)
  }
  return f
}

/** Shows a YYYY-MM-DD date in the user's locale without shifting it by the time zone. */
export function formatDate(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return dateFormatter(locale).format(utcDate(y, m - 1, d))
}
