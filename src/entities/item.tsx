// An item as people see it: its status as an icon with a word (never colour alone), on screen and
// on paper, and the link that opens it in its plan.
import { STATUS_LABELS, type ItemStatus } from '../domain/vocabulary'

/** On screen: an open item shows nothing, so the eye goes to what is done, blocked or set aside. */
const ITEM_STATUS_ICONS: Record<ItemStatus, string> = { open: '○', done: '✓', 'not-applicable': '–', blocked: '⊘' }

/** On paper: a box a pen can tick. */
const ITEM_STATUS_BOXES: Record<ItemStatus, string> = { open: '☐', done: '☑', 'not-applicable': '⊘', blocked: '☒' }

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  return (
    <span className={`badge badge-${status}`}>
      <span aria-hidden="true">{ITEM_STATUS_ICONS[status]} </span>
      {STATUS_LABELS[status]}
    </span>
  )
}

export function PrintedItemStatus({ status }: { status: ItemStatus }) {
  return (
    <span className="print-status">
      {ITEM_STATUS_BOXES[status]} {status === 'open' ? '' : STATUS_LABELS[status]}
    </span>
  )
}
