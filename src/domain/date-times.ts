// Moments shown to the user. Kept apart from dates.ts, which the first page loads.

/** An ISO timestamp as the user's local date and time, e.g. "29 Nov 2026, 14:05". */
export function formatDateTime(timestamp: string, locale?: string): string {
  return new Date(timestamp).toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}
