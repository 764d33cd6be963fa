// Home: every plan with its kind, progress, next review date and an overdue mark; New plan.
import { lazy, Suspense, useState, type ReactNode } from 'react'
import { Link } from 'wouter'
import { planSummaries, type PlanSummary } from '../../db/plan-queries'
import { formatDate } from '../../domain/dates'
import { isReviewOverdue, nextReviewDate } from '../../domain/review'
import { ProgressMeter } from '../../ui/progress-meter'
import { useSharedQuery } from '../../ui/use-shared-query'
import { href } from '../../ui/routes'
import { KindBadge, WarningBadge } from '../../entities/plan'

// The dialog brings the templates and the validators; load them when someone creates a plan.
const NewPlanDialog = lazy(() => import('./new-plan-dialog'))

function PlanRow({ summary, now }: { summary: PlanSummary; now: Date }) {
  const { plan, progress } = summary
  const next = nextReviewDate(plan)
  const overdue = isReviewOverdue(plan, now)
  return (
    <li className="plan-row" data-testid="plan-row">
      <KindBadge kind={plan.kind} />
      <Link href={href.plan(plan.id)} className="plan-title">
        {plan.title}
      </Link>
      <ProgressMeter progress={progress} label={`Progress of ${plan.title}`} />
      <span className="plan-review">
        Next review <time dateTime={next}>{formatDate(next)}</time>
        {overdue && (
          <>
            {' '}
            <WarningBadge>Needs review</WarningBadge>
          </>
        )}
      </span>
      <span className="plan-owner muted">{plan.owner ? `Owner: ${plan.owner}` : 'No owner yet'}</span>
    </li>
  )
}

/**
 * Named slots the shell fills: `actions` beside New plan (import), `dashboard` above the list. The
 * dashboard reads the same shared live query as the list, so the plans are counted once.
 */
export function PlansPage({ actions, dashboard }: { actions?: ReactNode; dashboard?: ReactNode }) {
  const summaries = useSharedQuery(planSummaries)
  const [creating, setCreating] = useState(false)
  const now = new Date()
  return (
    <section aria-labelledby="plans-heading">
      <div className="page-head">
        <h1 id="plans-heading">Plans</h1>
        <span className="button-row no-print">
          {actions}
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New plan
          </button>
        </span>
      </div>
      {dashboard}
      {summaries === undefined ? (
        <p className="muted" aria-busy="true">
          Loading plans…
        </p>
      ) : summaries.length === 0 ? (
        <div className="empty">
          <h2>No plans yet</h2>
          <p>
            Press <strong>New plan</strong> and start from a template: an incident response procedure, a business continuity plan with its impact analysis and
            contact tree, a review of the suppliers you depend on, or a programme of drills that tests them. Everything stays on this device and works offline.
            Have a backup file? Press <strong>Import</strong> or drop it here.
          </p>
        </div>
      ) : (
        <ul className="plan-list">
          {summaries.map((s) => (
            <PlanRow key={s.plan.id} summary={s} now={now} />
          ))}
        </ul>
      )}
      {creating && (
        <Suspense fallback={null}>
          <NewPlanDialog open onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </section>
  )
}
