// Small badges for a drill's status and a log entry's type: an icon and a word.
import type { DrillEventType, DrillStatus } from '../../domain/drill-model'
import { EVENT_LABELS } from '../../domain/drill-findings'
import { DRILL_STATUS_LABELS, EVENT_ICONS } from './drill-labels'

export function StatusBadge({ status }: { status: DrillStatus }) {
  const { icon, text } = DRILL_STATUS_LABELS[status]
  return <span className={`badge drill-status drill-status-${status}`}><span aria-hidden="true">{icon} </span>{text}</span>
}

export function TypeBadge({ type }: { type: DrillEventType }) {
  return <span className={`badge log-type log-type-${type}`}><span aria-hidden="true">{EVENT_ICONS[type]} </span>{EVENT_LABELS[type]}</span>
}
