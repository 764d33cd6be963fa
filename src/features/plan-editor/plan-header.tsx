// The plan's header: title, owner, description, status, review cadence, and plan-wide actions.
import { useState, type ReactNode } from 'react'
import { useLocation } from 'wouter'
import { duplicatePlan, markReviewed, trashPlan, updatePlan } from '../../db/plan-repository'
import { getSetting, SETTING_USER_NAME } from '../../db/settings-repository'
import { dateOf, formatDate } from '../../domain/dates'
import { LIMITS } from '../../domain/limits'
import type { Plan } from '../../domain/model'
import { PLAN_STATUS_LABELS, PLAN_STATUSES, type PlanStatus } from '../../domain/vocabulary'
import type { Progress } from '../../domain/progress'
import { isReviewOverdue, nextReviewDate } from '../../domain/review'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'
import { ProgressMeter } from '../../ui/progress-meter'
import { showToast } from '../../ui/toast-store'
import { href } from '../../ui/routes'
import { KindBadge, WarningBadge } from '../../entities/plan'

const required = (what: string) => (v: string) => (v.trim() === '' ? `${what} must not be empty` : null)

function intervalError(v: string): string | null {
  if (!/^\d+$/.test(v.trim())) return 'Review interval must be a whole number of days'
  const n = Number(v)
  if (n < 1 || n > LIMITS.reviewEveryDaysMax) return `Review interval must be between 1 and ${LIMITS.reviewEveryDaysMax} days`
  return null
}

export function PlanHeader({ plan, progress, actions }: { plan: Plan; progress: Progress; actions?: ReactNode }) {
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [, navigate] = useLocation()
  const save = (patch: Parameters<typeof updatePlan>[1]) => attempt(() => updatePlan(plan.id, patch))
  const next = nextReviewDate(plan)
  const overdue = isReviewOverdue(plan, new Date())

  const review = async () => {
    // Read the name now rather than from the last render, which may not have loaded it yet.
    const name = await getSetting(SETTING_USER_NAME)
    if (!name) {
      showToast({ tone: 'info', text: 'Recorded without a name. Set your name in Settings so reviews say who did them.' })
    }
    await attempt(() => markReviewed(plan.id, name))
  }
  const duplicate = async () => {
    const id = await attempt(() => duplicatePlan(plan.id))
    if (id) {
      showToast({ tone: 'info', text: `Duplicated as "${plan.title} (copy)".` })
      navigate(href.plan(id))
    }
  }
  const remove = async () => {
    setConfirmDelete(false)
    const done = await attempt(async () => {
      await trashPlan(plan.id)
      return true
    })
    if (!done) return
    showToast({ tone: 'info', text: `"${plan.title}" moved to the trash.` })
    navigate(href.home())
  }

  return (
    <header className="plan-header">
      {/* The title is edited in place; the heading gives the page its name for assistive tech. */}
      <h1 className="visually-hidden">{plan.title}</h1>
      <p className="muted plan-kind">
        <KindBadge kind={plan.kind} />
      </p>
      <DraftField
        label="Plan title"
        hideLabel
        className="plan-title-input"
        value={plan.title}
        maxLength={LIMITS.title}
        validate={required('Title')}
        target={{ kind: 'plan', id: plan.id, field: 'title' }}
      />
      <div className="plan-meta">
        <DraftField label="Owner" value={plan.owner} maxLength={LIMITS.name} target={{ kind: 'plan', id: plan.id, field: 'owner' }} />
        <label className="field">
          <span className="field-label">Plan status</span>
          <select value={plan.status} onChange={(e) => void save({ status: e.target.value as PlanStatus })}>
            {PLAN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PLAN_STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <DraftField
          label="Review every (days)"
          type="number"
          inputMode="numeric"
          className="narrow"
          value={String(plan.reviewEveryDays)}
          validate={intervalError}
          target={{ kind: 'plan', id: plan.id, field: 'reviewEveryDays' }}
        />
        <div className="field review-info">
          <span className="field-label">Review</span>
          <span>
            {plan.reviewedAt ? (
              <>
                Last reviewed <time dateTime={plan.reviewedAt}>{formatDate(dateOf(plan.reviewedAt))}</time>
                {plan.reviewedBy && ` by ${plan.reviewedBy}`}.{' '}
              </>
            ) : (
              'Never reviewed. '
            )}
            Next review <time dateTime={next}>{formatDate(next)}</time>
            {overdue && (
              <>
                {' '}
                <WarningBadge strong>Needs review</WarningBadge>
              </>
            )}
          </span>
        </div>
      </div>
      <DraftField
        label="Description"
        multiline
        value={plan.description}
        maxLength={LIMITS.longText}
        target={{ kind: 'plan', id: plan.id, field: 'description' }}
      />
      <div className="plan-actions">
        <ProgressMeter progress={progress} label="Plan progress" />
        <span className="spacer" />
        <span className="no-print button-row">
          <button type="button" className="primary" onClick={() => void review()}>
            Mark reviewed
          </button>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          {actions}
          <button type="button" onClick={() => void duplicate()}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => setConfirmDelete(true)}>
            Delete
          </button>
        </span>
      </div>
      <ConfirmDialog
        open={confirmDelete}
        title="Move this plan to the trash?"
        confirmLabel="Move to trash"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirmDelete(false)}
      >
        <p>"{plan.title}" goes to the trash, from where you can restore it or remove it for good.</p>
      </ConfirmDialog>
    </header>
  )
}
