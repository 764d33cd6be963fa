// The readiness dashboard on the home page: completion and overdue items per plan, plans and
// suppliers past their review date, plans not exercised for a year, critical functions missing an
// RTO or a workaround. Computed on the device from the database; each entry links to where to fix it.
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo, useState, type ReactNode } from 'react'
import { Link } from 'wouter'
import { readCalendarEvents, readReadinessFacts } from '../../db/dependency-queries'
import { planSummaries } from '../../db/plan-queries'
import { formatDate, localDate } from '../../domain/dates'
import { formatMinutes } from '../../domain/duration'
import { buildCalendar, calendarFileName, ICS_MIME } from '../../domain/ics'
import { EXERCISE_EVERY_MONTHS } from '../../domain/exercise-dates'
import { readinessOf, type Readiness } from '../../domain/readiness'
import { ExerciseStatus } from '../../entities/exercise'
import { downloadText } from '../../ui/download'
import { href } from '../../ui/routes'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { useSharedQuery } from '../../ui/use-shared-query'
import { SupplierWarnings } from '../../entities/supplier'
import './readiness.css'

const LIST_MAX = 8
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function Figure({ value, label, warn, testId }: { value: ReactNode; label: string; warn: boolean; testId: string }) {
  return (
    <li className={warn ? 'rd-figure rd-warn' : 'rd-figure'} data-testid={testId}>
      <span className="rd-value">
        {warn && <span aria-hidden="true">⚠ </span>}
        {value}
      </span>
      <span className="rd-label">{label}</span>
    </li>
  )
}

function More({ total, href, what }: { total: number; href: string; what: string }) {
  return total > LIST_MAX ? (
    <li className="muted">
      … and {total - LIST_MAX} more <Link href={href}>{what}</Link>
    </li>
  ) : null
}

export function CalendarButton({ readiness }: { readiness: Readiness }) {
  const [busy, setBusy] = useState(false)
  const exportCalendar = async () => {
    setBusy(true)
    const events = await attempt(() => readCalendarEvents(readiness))
    setBusy(false)
    if (!events) return
    const now = new Date()
    downloadText(calendarFileName(localDate(now)), buildCalendar(events, now), ICS_MIME)
    // A review date counted from the plan's interval in place of a supplier's own, unusable one is said, never silent.
    const stand = readiness.suppliers.filter((s) => s.intervalProblem).map((s) => `${s.supplier.name}: ${s.intervalProblem}`)
    showToast({
      tone: 'info',
      text: `${plural(events.length, 'date')} saved as a calendar file: open it to add them to your calendar, each with a reminder the day before.${stand.length > 0 ? ` Review dates to check: ${stand.join('; ')}.` : ''}`,
    })
  }
  return (
    <button type="button" onClick={() => void exportCalendar()} disabled={busy}>
      Export calendar (.ics)
    </button>
  )
}

export function ReadinessView({ readiness }: { readiness: Readiness }) {
  const { totals, plans, suppliersDue, functionGaps, recoveryConflicts } = readiness
  const toReview = plans.filter((p) => p.needsReview)
  const toExercise = plans.filter((p) => p.exercise.needed)
  return (
    <>
      <ul className="rd-figures" aria-label="Readiness in figures">
        <Figure testId="rd-completion" value={`${totals.completion}%`} label={`complete across ${plural(totals.plans, 'plan')}`} warn={false} />
        <Figure
          testId="rd-overdue-items"
          value={totals.overdueItems}
          label={totals.overdueItems === 1 ? 'item overdue' : 'items overdue'}
          warn={totals.overdueItems > 0}
        />
        <Figure
          testId="rd-plans-review"
          value={totals.plansNeedingReview}
          label={totals.plansNeedingReview === 1 ? 'plan needs review' : 'plans need review'}
          warn={totals.plansNeedingReview > 0}
        />
        <Figure
          testId="rd-plans-exercise"
          value={totals.plansNeedingExercise}
          label={`not exercised in ${EXERCISE_EVERY_MONTHS} months`}
          warn={totals.plansNeedingExercise > 0}
        />
        <Figure
          testId="rd-suppliers-review"
          value={totals.suppliersDue}
          label={totals.suppliersDue === 1 ? 'supplier needs review' : 'suppliers need review'}
          warn={totals.suppliersDue > 0}
        />
        <Figure testId="rd-function-gaps" value={totals.functionGaps} label="critical functions without RTO or workaround" warn={totals.functionGaps > 0} />
        <Figure
          testId="rd-recovery-conflicts"
          value={totals.recoveryConflicts}
          label={totals.recoveryConflicts === 1 ? 'function with an RTO not shorter than its MTPD' : 'functions with an RTO not shorter than their MTPD'}
          warn={totals.recoveryConflicts > 0}
        />
      </ul>

      <div className="rd-scroll" data-scroll-hint="Scroll sideways for every column">
        <table className="rd-table">
          <caption>Per plan</caption>
          <thead>
            <tr>
              <th scope="col">Plan</th>
              <th scope="col">Complete</th>
              <th scope="col">Overdue items</th>
              <th scope="col">Review</th>
              <th scope="col">Last exercised</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((p) => (
              <tr key={p.plan.id} data-testid="rd-plan">
                <th scope="row">
                  <Link href={href.plan(p.plan.id)}>{p.plan.title}</Link>
                </th>
                <td>
                  {p.percent}%{' '}
                  <span className="muted">
                    ({p.progress.done}/{p.progress.applicable})
                  </span>
                </td>
                <td>
                  {p.overdueItems > 0 ? (
                    <Link href={href.overdueItems(p.plan.id)} className="rd-bad">
                      <span aria-hidden="true">⚠ </span>
                      {p.overdueItems} overdue
                    </Link>
                  ) : (
                    <span className="muted">none</span>
                  )}
                </td>
                <td>
                  {p.needsReview ? (
                    <strong className="rd-bad">
                      <span aria-hidden="true">⚠ </span>Needs review (due <time dateTime={p.nextReview}>{formatDate(p.nextReview)}</time>)
                    </strong>
                  ) : (
                    <>
                      Next <time dateTime={p.nextReview}>{formatDate(p.nextReview)}</time>
                    </>
                  )}
                </td>
                <td>
                  <ExerciseStatus exercise={p.exercise} warnClassName="rd-bad" />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {(toReview.length > 0 || toExercise.length > 0 || suppliersDue.length > 0 || functionGaps.length > 0 || recoveryConflicts.length > 0) && (
        <div className="rd-lists">
          {suppliersDue.length > 0 && (
            <div>
              <h3>Suppliers to review</h3>
              <ul data-testid="rd-suppliers-due">
                {suppliersDue.slice(0, LIST_MAX).map((s) => (
                  <li key={s.supplier.id}>
                    <Link href={href.item(s.supplier.planId, s.supplier.id)}>{s.supplier.name}</Link>{' '}
                    <span className="muted">
                      — {s.supplier.lastReviewed ? `last reviewed ${formatDate(s.supplier.lastReviewed)}` : 'never reviewed'}, due{' '}
                      <time dateTime={s.nextReview}>{formatDate(s.nextReview)}</time> (every {s.interval} days)
                    </span>
                    {s.intervalProblem && (
                      <strong className="rd-bad rd-note">
                        <span aria-hidden="true">⚠ </span>
                        {s.intervalProblem}
                      </strong>
                    )}
                  </li>
                ))}
                <More total={suppliersDue.length} href={href.suppliers()} what="in the supplier register" />
              </ul>
            </div>
          )}
          {functionGaps.length > 0 && (
            <div>
              <h3>Critical functions to complete</h3>
              <ul data-testid="rd-function-gaps-list">
                {functionGaps.slice(0, LIST_MAX).map((g) => (
                  <li key={g.fn.id}>
                    <Link href={href.item(g.fn.planId, g.fn.id)}>{g.fn.name}</Link>{' '}
                    <span className="muted">
                      — {[g.noRto && 'no RTO', g.noWorkaround && 'no workaround'].filter(Boolean).join(', ')}, in {g.fn.planTitle}
                    </span>
                  </li>
                ))}
                <More total={functionGaps.length} href={href.dependencies()} what="on the Dependencies page" />
              </ul>
            </div>
          )}
          {recoveryConflicts.length > 0 && (
            <div>
              <h3>Recovery targets to correct</h3>
              <ul data-testid="rd-recovery-conflicts-list">
                {recoveryConflicts.slice(0, LIST_MAX).map(({ fn }) => (
                  <li key={fn.id}>
                    <Link href={href.item(fn.planId, fn.id)}>{fn.name}</Link>{' '}
                    <span className="muted">
                      — RTO {formatMinutes(fn.rto ?? 0)} is not shorter than MTPD {formatMinutes(fn.mtpd ?? 0)}, in {fn.planTitle}
                    </span>
                  </li>
                ))}
                <More total={recoveryConflicts.length} href={href.dependencies()} what="on the Dependencies page" />
              </ul>
            </div>
          )}
          {toExercise.length > 0 && (
            <div>
              <h3>Plans to exercise in a drill</h3>
              <ul>
                {toExercise.slice(0, LIST_MAX).map((p) => (
                  <li key={p.plan.id}>
                    <Link href={href.plan(p.plan.id)}>{p.plan.title}</Link>{' '}
                    <span className="muted">— {p.exercise.last ? `last exercised ${formatDate(p.exercise.last)}` : 'never exercised'}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </>
  )
}

/**
 * The dashboard as the home page shows it; nothing while there are no plans. The plans and their
 * progress come from the live read the plan list shares, so the home page counts them once, and
 * the calendar is made from the figures on screen.
 */
export default function ReadinessDashboard() {
  const summaries = useSharedQuery(planSummaries)
  const facts = useLiveQuery(() => readReadinessFacts())
  const readiness = useMemo(() => (summaries && facts ? readinessOf(summaries, facts) : undefined), [summaries, facts])
  if (readiness === undefined || readiness.totals.plans === 0) return null
  return (
    <section className="readiness card" aria-labelledby="readiness-heading" data-testid="readiness">
      <div className="rd-head">
        <h2 id="readiness-heading">Readiness</h2>
        <span className="button-row no-print">
          <Link href={href.dependencies()}>Dependencies</Link>
          <CalendarButton readiness={readiness} />
        </span>
      </div>
      <ReadinessView readiness={readiness} />
      {facts && <SupplierWarnings registers={facts.registers} suppliers={readiness.suppliers} today={localDate(new Date())} />}
    </section>
  )
}
