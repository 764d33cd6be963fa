// Words (and icons) for drill statuses, log entry types and ratings: status is never colour alone.
import { dateOf, formatDate } from '../../domain/dates'
import type { DrillEventType, DrillStatus, Rating } from '../../domain/drill-model'

export const DRILL_STATUS_LABELS: Record<DrillStatus, { icon: string; text: string }> = {
  planned: { icon: '◷', text: 'Planned' },
  running: { icon: '▶', text: 'Running' },
  paused: { icon: '‖', text: 'Paused' },
  ended: { icon: '■', text: 'Ended' },
}

export const LOG_TYPES = ['decision', 'observation', 'gap'] as const
export type LogType = (typeof LOG_TYPES)[number]

export const EVENT_ICONS: Record<DrillEventType, string> = { inject: '✉', decision: '◆', observation: '●', gap: '▲' }

export const RATING_LABELS: Record<Rating, { icon: string; text: string }> = {
  met: { icon: '✓', text: 'Met' },
  partly: { icon: '◐', text: 'Partly met' },
  'not-met': { icon: '✗', text: 'Not met' },
}

/** A timestamp shown as its local date (and time) in the user's locale, the date as everywhere else. */
export function formatWhen(iso: string, withTime = false): string {
  if (!withTime) return formatDate(dateOf(iso))
  return new Date(iso).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}
