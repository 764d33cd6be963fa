// Calendar dates (YYYY-MM-DD) and timestamps (ISO 8601): parsing, checking, arithmetic.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `s` is a real calendar date written YYYY-MM-DD (2026-02-31 is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const dt = new Date(Date.UTC(y, mo - 1, d))
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
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** Adds whole days to a YYYY-MM-DD date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const dt = new Date(Date.UTC(y, m - 1, d + days))
  return dt.toISOString().slice(0, 10)
}

/** Shows a YYYY-MM-DD date in the user's locale without shifting it by the time zone. */
export function formatDate(date: string, locale?: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(y, m - 1, d).toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric' })
}
