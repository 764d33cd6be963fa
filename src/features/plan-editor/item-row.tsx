// One checklist item: a checkbox labelled by its text, status, owner, due date, and on demand its
// guidance, notes, evidence and typed fields. Move buttons reorder it by keyboard.
import { Fragment, memo, useEffect, useState } from 'react'
import { Link } from 'wouter'
import { deleteItem, moveItem, restoreDeleted, setItemValue, updateItem } from '../../db/checklist-repository'
import { formatDate, localDate } from '../../domain/dates'
import { LIMITS } from '../../domain/limits'
import type { FieldDef, Item, ItemPatch } from '../../domain/model'
import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus, type SectionRole } from '../../domain/vocabulary'
import { isItemOverdue } from '../../domain/review'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { useChecklistUi } from './checklist-store'
import { FieldInput } from './field-input'
import { RecoveryTargetsFact, RecoveryTargetsWarning } from './recovery-targets-warning'
import { FieldValueText } from './field-value-text'
import { ConflictMarker } from './conflicts-panel'
import { refocusMove } from './refocus-move'
import { LinkedNames } from './links-input'
import { href } from '../../ui/routes'
import { ItemStatusBadge } from '../../entities/item'
import { MoveButtons } from '../../ui/move-buttons'
import { ItemKindFields, StepFact } from './item-kind'
import { RelyingFunctions } from '../../entities/supplier'

function dueError(v: string): string | null {
  return v === '' || /^\d{4}-\d{2}-\d{2}$/.test(v) ? null : 'Due date must be a date'
}

interface Props {
  item: Item
  fields: FieldDef[]
  isFirst: boolean
  isLast: boolean
  /** Set for a supplier past its review date: the date it fell due. */
  reviewDue?: string | null
  /** A row of a supplier register: it shows the functions that rely on it, editable there. */
  supplierRow?: boolean
  /** The section's role: an impact analysis row says when its RTO is not shorter than its MTPD; numbers are checked for what they mean. */
  role?: SectionRole
  /** A field of this item was changed differently on two devices: its row says so and leads to both values. */
  conflicted?: boolean
}

export const ItemRow = memo(function ItemRow({ item, fields, isFirst, isLast, reviewDue = null, supplierRow = false, role, conflicted = false }: Props) {
  const expanded = useChecklistUi((s) => s.expanded.has(item.id))
  const toggleExpanded = useChecklistUi((s) => s.toggleExpanded)
  const save = (patch: ItemPatch) => attempt(() => updateItem(item.id, patch))
  // The checkbox answers at once; the stored status takes over as soon as the write lands.
  const [optimistic, setOptimistic] = useState<ItemStatus | null>(null)
  useEffect(() => setOptimistic(null), [item.status, item.updatedAt])
  const status = optimistic ?? item.status
  const toggle = async (next: ItemStatus) => {
    setOptimistic(next)
    const saved = await attempt(async () => {
      await updateItem(item.id, { status: next })
      return true
    })
    if (!saved) setOptimistic(null)
  }
  const overdue = isItemOverdue(item, new Date())
  const textId = `item-text-${item.id}`
  const detailsId = `item-details-${item.id}`

  const move = async (delta: -1 | 1) => {
    await attempt(() => moveItem(item.id, delta))
    refocusMove(item.id, delta)
  }
  const remove = async () => {
    const removed = await attempt(() => deleteItem(item.id))
    if (removed) {
      showToast({
        tone: 'info',
        text: `Item deleted: "${removed.text.slice(0, 60)}"`,
        action: { label: 'Undo', run: () => void attempt(() => restoreDeleted({ items: [removed] })) },
      })
    }
  }
  // A supplier past its review date: one click records today's review (with Undo).
  const reviewedField = reviewDue ? fields.find((f) => f.id === 'lastReviewed' && f.type === 'date') : undefined
  const markReviewed = async () => {
    if (!reviewedField) return
    const before = item.values[reviewedField.id] ?? null
    const done = await attempt(async () => {
      await setItemValue(item.id, reviewedField.id, localDate(new Date()))
      return true
    })
    if (done) {
      showToast({
        tone: 'info',
        text: `"${item.text.slice(0, 60)}" marked reviewed today.`,
        action: { label: 'Undo', run: () => void attempt(() => setItemValue(item.id, reviewedField.id, before)) },
      })
    }
  }
  // An impact analysis row says when its RTO is not shorter than its MTPD right after the later of the two fields.
  const targetsAfter = role === 'impact-analysis' ? fields.filter((f) => f.id === 'rto' || f.id === 'mtpd').at(-1)?.id : undefined
  const filled = fields.filter((f) => item.values[f.id] !== undefined && item.values[f.id] !== null && item.values[f.id] !== '')

  return (
    <div className={`item item-${status}`} data-testid="item" data-item-id={item.id} data-status={status}>
      <div className="item-main">
        <input
          type="checkbox"
          className="item-check"
          checked={status === 'done'}
          aria-labelledby={textId}
          onChange={(e) => void toggle(e.target.checked ? 'done' : 'open')}
        />
        <div className="item-body">
          <button type="button" className="item-text" id={textId} aria-expanded={expanded} aria-controls={detailsId} onClick={() => toggleExpanded(item.id)}>
            {item.text}
          </button>
          <span className="item-facts">
            {/* An empty checkbox already says "open"; other states get a word and an icon. */}
            {status !== 'open' && <ItemStatusBadge status={status} />}
            {conflicted && <ConflictMarker itemId={item.id} itemText={item.text} />}
            <StepFact item={item} />
            {item.owner && (
              <span className="fact">
                <span className="muted">Owner:</span> {item.owner}
              </span>
            )}
            {reviewDue && (
              <span className="fact overdue">
                <span aria-hidden="true">⚠ </span>Needs review (due <time dateTime={reviewDue}>{formatDate(reviewDue)}</time>)
                {reviewedField && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="inline-action no-print"
                      aria-label={`Mark ${item.text} reviewed today`}
                      onClick={() => void markReviewed()}
                    >
                      Reviewed today
                    </button>
                  </>
                )}
              </span>
            )}
            {item.due && (
              <span className={overdue ? 'fact overdue' : 'fact'}>
                Due <time dateTime={item.due}>{formatDate(item.due)}</time>
                {overdue && ' — overdue'}
              </span>
            )}
            {role === 'impact-analysis' && <RecoveryTargetsFact values={item.values} />}
            {filled.map((f) => {
              const v = item.values[f.id]
              return (
                <span key={f.id} className="fact">
                  <span className="muted">{f.label}:</span> {Array.isArray(v) ? <LinkedNames field={f} ids={v} /> : <FieldValueText field={f} value={v} />}
                </span>
              )
            })}
            {item.source?.kind === 'drill-finding' || item.source?.kind === 'incident-action' ? (
              <span className="fact muted">
                From {item.source.kind === 'drill-finding' ? 'drill' : 'incident'} <Link href={href.finding(item.source.id)}>{item.source.label}</Link>
              </span>
            ) : (
              item.source && <span className="fact muted">From {item.source.label}</span>
            )}
          </span>
        </div>
        <span className="item-tools no-print">
          <MoveButtons id={item.id} what="item" name={item.text} isFirst={isFirst} isLast={isLast} move={move} />
        </span>
      </div>
      {expanded && (
        <div className="item-details" id={detailsId}>
          {item.guidance && (
            <p className="guidance">
              <strong>What done looks like:</strong> {item.guidance}
            </p>
          )}
          <div className="item-grid">
            <DraftField
              label="Item text"
              value={item.text}
              maxLength={LIMITS.shortText}
              validate={(v) => (v.trim() ? null : 'Item text must not be empty')}
              target={{ kind: 'item', id: item.id, field: 'text' }}
            />
            <label className="field">
              <span className="field-label">Status</span>
              <select value={item.status} onChange={(e) => void save({ status: e.target.value as ItemStatus })}>
                {ITEM_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
            <ItemKindFields item={item} />
            <DraftField label="Owner" value={item.owner} maxLength={LIMITS.name} target={{ kind: 'item', id: item.id, field: 'owner' }} />
            <DraftField label="Due" type="date" immediate value={item.due ?? ''} validate={dueError} target={{ kind: 'item', id: item.id, field: 'due' }} />
            {fields.map((f) => (
              <Fragment key={f.id}>
                <FieldInput itemId={item.id} field={f} value={item.values[f.id]} role={role} />
                {f.id === targetsAfter && <RecoveryTargetsWarning values={item.values} />}
              </Fragment>
            ))}
            {supplierRow && <RelyingFunctions supplierId={item.id} />}
          </div>
          <DraftField label="Notes" multiline value={item.notes} maxLength={LIMITS.longText} target={{ kind: 'item', id: item.id, field: 'notes' }} />
          <DraftField
            label="Evidence"
            multiline
            rows={2}
            placeholder="Where the proof lives: a document, a link, a date of a test"
            value={item.evidence}
            maxLength={LIMITS.longText}
            target={{ kind: 'item', id: item.id, field: 'evidence' }}
          />
          <div className="button-row no-print">
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete item
            </button>
          </div>
        </div>
      )}
    </div>
  )
})
