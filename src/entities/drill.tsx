// A drill as people see it: its status, its log entries' types and its ratings as an icon with a
// word (never colour alone), when it happened, and the badges that show them. Incidents will
// use the same words.
import { dateOf, formatDate } from '../domain/dates'
import { EVENT_LABELS } from '../domain/drill-findings'
import type { DrillEventType, DrillStatus, Rating } from '../domain/drill-model'

export const DRILL_STATUS_LABELS: Record<DrillStatus, { icon: string; text: string }> = {
  planned: { icon: '◷', text: 'Planned' },
  running: { icon: '▶', text: 'Running' },
  paused: { icon: '‖', text: 'Paused' },
  ended: { icon: '■', text: 'Ended' },
}

/** What a person writes in the log (injects are the scenario's): a drill's types, in shortcut order. */
export type LogType = Exclude<DrillEventType, 'inject'>
export const LOG_TYPES: readonly LogType[] = ['decision', 'observation', 'gap']
/** An incident's log: decisions, actions taken, what was seen, and each status update sent. */
export const INCIDENT_LOG_TYPES: readonly LogType[] = ['decision', 'action', 'observation', 'communication']

export const EVENT_ICONS: Record<DrillEventType, string> = { inject: '✉', decision: '◆', observation: '●', gap: '▲', action: '▶', communication: '✆' }

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

export function DrillStatusBadge({ status }: { status: DrillStatus }) {
  const { icon, text } = DRILL_STATUS_LABELS[status]
  return (
    <span className={`badge drill-status drill-status-${status}`}>
      <span aria-hidden="true">{icon} </span>
      {text}
    </span>
  )
}

export function LogTypeBadge({ type }: { type: DrillEventType }) {
  return (
    <span className={`badge log-type log-type-${type}`}>
      <span aria-hidden="true">{EVENT_ICONS[type]} </span>
      {EVENT_LABELS[type]}
    </span>
  )
}
