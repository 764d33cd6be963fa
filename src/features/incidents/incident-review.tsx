// The post-incident review, once the incident is closed: how long it lasted, what went well and what
// did not, the review date (with a calendar event), actions that become plan items pointing back at
// the incident, the findings of its log (each can become actions, as a drill's do), and the timeline.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useRef, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { restoreDrill, trashDrill } from '../../db/drill-repository'
import { listFindingActions } from '../../db/finding-repository'
import { addReviewAction, setReview } from '../../db/incident-repository'
import type { PlanSteps } from '../../db/plan-steps'
import { listPlans } from '../../db/plan-queries'
import { formatElapsedMs } from '../../domain/drill-clock'
import { isFinding } from '../../domain/drill-findings'
import type { DrillEvent } from '../../domain/drill-model'
import { buildCalendar, ICS_MIME } from '../../domain/ics'
import { isStepTick, reviewCalendarEvent, type IncidentRun } from '../../domain/incident'
import { LIMITS } from '../../domain/limits'
import { formatWhen, INCIDENT_LOG_TYPES } from '../../entities/drill'
import { downloadText } from '../../ui/download'
import { attempt } from '../../ui/errors'
import { href } from '../../ui/routes'
import { showToast } from '../../ui/toast-store'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { DrillLog } from '../drills/drill-log'
import { ActionForm, ActionLine, FindingCard } from '../drills/finding-actions'

type ReviewText = 'wentWell' | 'wentBadly'

/** A review answer: written as it is typed (a moment after the last key) and when the field is left. */
function ReviewField({ incident, field, label }: { incident: IncidentRun; field: ReviewText; label: string }) {
  const id = useId()
  const stored = incident.incident.review[field]
  const [text, setText] = useState(stored)
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null)
  const latest = useRef(text)
  const save = () => {
    if (pending.current) clearTimeout(pending.current)
    pending.current = null
    if (latest.current !== stored) void attempt(() => setReview(incident.id, { [field]: latest.current }))
  }
  // Leaving the screen writes what was typed.
  const saveRef = useRef(save)
  saveRef.current = save
  useEffect(() => () => saveRef.current(), [])
  return (
    <label className="field review-field" htmlFor={`${id}-t`}>
      <span className="field-label">{label}</span>
      <textarea
        id={`${id}-t`}
        rows={4}
        value={text}
        maxLength={LIMITS.longText}
        onChange={(e) => {
          setText(e.target.value)
          latest.current = e.target.value
          if (pending.current) clearTimeout(pending.current)
          pending.current = setTimeout(save, 600)
        }}
        onBlur={save}
      />
    </label>
  )
}

export function IncidentReview({ incident, events, steps }: { incident: IncidentRun; events: readonly DrillEvent[]; steps: PlanSteps[] }) {
  const plans = useLiveQuery(listPlans)
  const [, navigate] = useLocation()
  const [trashing, setTrashing] = useState(false)
  const actions = useLiveQuery(() => listFindingActions(incident.id), [incident.id])
  // Actions go by default to the incident procedure that applied (lessons feed it), else the first plan.
  const applied = (plans ?? []).filter((p) => incident.planIds.includes(p.id))
  const defaultPlanId = (applied.find((p) => p.kind === 'incident-response') ?? applied[0])?.id ?? null
  const { review } = incident.incident
  // Entries written during the incident are its findings; an action added at the review comes with
  // its own 'action' entry, written after the close, and is listed with the review.
  const closedAt = incident.endedAt ?? ''
  const during = events.filter((e) => e.createdAt <= closedAt)
  const findings = during.filter((e) => isFinding(e) && !isStepTick(e))
  const afterIds = new Set(events.filter((e) => e.createdAt > closedAt).map((e) => e.id))
  const reviewActions = (actions ?? []).filter((a) => afterIds.has(a.item.source?.id ?? ''))

  const moveToTrash = async () => {
    setTrashing(false)
    const done = await attempt(async () => {
      await trashDrill(incident.id)
      return true
    })
    if (!done) return
    navigate(href.home())
    showToast({
      tone: 'info',
      text: `"${incident.title}" moved to the trash.`,
      action: { label: 'Undo', run: () => void attempt(() => restoreDrill(incident.id)) },
    })
  }

  const saveCalendar = () => {
    if (!review.reviewDate) return
    const now = new Date()
    downloadText(`incident-review-${review.reviewDate}.ics`, buildCalendar([reviewCalendarEvent(incident)], now), ICS_MIME)
    showToast({ tone: 'info', text: 'Review date saved as a calendar file: open it to add it to your calendar, with a reminder the day before.' })
  }

  return (
    <div className="hot-wash incident-review">
      <header className="drill-head card">
        <div className="drill-title-row">
          <h1>Post-incident review: {incident.title}</h1>
          <span className="badge">
            <span aria-hidden="true">■ </span>Closed
          </span>
        </div>
        <p className="muted">
          Declared <time dateTime={incident.startedAt}>{formatWhen(incident.startedAt, true)}</time>, closed{' '}
          {incident.endedAt && <time dateTime={incident.endedAt}>{formatWhen(incident.endedAt, true)}</time>}: {formatElapsedMs(incident.elapsedMs)}. Severity{' '}
          {incident.incident.severityLabel || '—'}. {actions?.length ?? 0} action{actions?.length === 1 ? '' : 's'} in the plans.
        </p>
        <span className="button-row">
          <Link href={href.incidentReport(incident.id)} className="button-link primary">
            Incident report
          </Link>
          <Link href={href.home()} className="button-link">
            All plans
          </Link>
          <button type="button" className="danger" onClick={() => setTrashing(true)}>
            Move to trash
          </button>
        </span>
      </header>

      <div className="drill-grid">
        <div className="drill-main">
          <section className="card" aria-labelledby="review-heading">
            <h2 id="review-heading">Review</h2>
            <ReviewField incident={incident} field="wentWell" label="What went well" />
            <ReviewField incident={incident} field="wentBadly" label="What did not go well" />
            <div className="inline-form review-date">
              <label className="field">
                <span className="field-label">Review meeting</span>
                <input
                  type="date"
                  value={review.reviewDate ?? ''}
                  onChange={(e) => void attempt(() => setReview(incident.id, { reviewDate: e.target.value || null }))}
                />
              </label>
              <button type="button" onClick={saveCalendar} disabled={!review.reviewDate}>
                Add to calendar (.ics)
              </button>
            </div>
          </section>
          <section className="card" aria-labelledby="actions-heading">
            <h2 id="actions-heading">Actions</h2>
            <p className="muted">Each action becomes a task in the plan you choose, with one owner and a due date, and points back to this incident.</p>
            {reviewActions.length > 0 && (
              <ul className="finding-actions" aria-label="Review actions">
                {reviewActions.map((a) => (
                  <li key={a.item.id}>
                    <ActionLine action={a} />
                  </li>
                ))}
              </ul>
            )}
            {plans && <ActionForm label="New action" plans={plans} defaultPlanId={defaultPlanId} create={(action) => addReviewAction(incident.id, action)} />}
          </section>
          <section className="card" aria-labelledby="findings-heading">
            <h2 id="findings-heading">From the log</h2>
            {findings.length === 0 ? (
              <p className="muted">No observations or actions were logged during the incident.</p>
            ) : (
              <ol className="findings">
                {findings.map((e) => (
                  <FindingCard
                    key={e.id}
                    event={e}
                    actions={(actions ?? []).filter((a) => a.item.source?.id === e.id)}
                    plans={plans ?? []}
                    defaultPlanId={defaultPlanId}
                  />
                ))}
              </ol>
            )}
          </section>
        </div>
        <aside className="drill-side">
          <section className="card" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">Timeline</h2>
            <DrillLog events={events} steps={steps} editable={false} types={INCIDENT_LOG_TYPES} />
          </section>
        </aside>
      </div>
      <ConfirmDialog
        open={trashing}
        title="Move this incident to the trash?"
        confirmLabel="Move to trash"
        danger
        onConfirm={() => void moveToTrash()}
        onCancel={() => setTrashing(false)}
      >
        <p>
          {incident.title}: the incident, its log and its review go to the trash, from where you can restore them or remove them for good. Plan tasks made from
          its actions stay in their plans.
        </p>
      </ConfirmDialog>
    </div>
  )
}
