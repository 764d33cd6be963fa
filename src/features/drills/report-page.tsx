// /drills/<id>/report: the after-action report. Scenario, date, duration, who took part, objectives
// and ratings, findings with their actions (status read live from the plans), the timeline of injects
// and log entries, and the plan steps used. It prints cleanly for people without the app.
import { PlanLinkList } from '../../entities/plan-links'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { Link, Redirect } from 'wouter'
import { listFindingActions } from '../../db/finding-repository'
import { formatClock, formatElapsedMs } from '../../domain/drill-clock'
import { isFinding, timeline } from '../../domain/drill-findings'
import { stepTitles } from './drill-log'
import { DrillNotFound } from './drill-not-found'
import { href, routeId } from '../../ui/routes'
import { latest, PrintMasthead, useOrganisationName } from '../../ui/print-masthead'
import { useDrill, useDrillEvents, usePlanSteps } from './use-drill'
import { useNow } from './use-now'
import './drills.css'
import { DrillStatusBadge, formatWhen, LogTypeBadge, RATING_LABELS } from '../../entities/drill'
import { ActionsTable, TimelineTable } from './report-parts'

export default function ReportPage({ id }: { id: string }) {
  const drill = useDrill(id)
  const events = useDrillEvents(id)
  const steps = usePlanSteps(drill?.planIds)
  const actions = useLiveQuery(() => listFindingActions(id), [id])
  const now = useNow(drill?.status === 'running', drill?.updatedAt)
  const organisation = useOrganisationName()
  const loaded = drill !== undefined && events !== undefined && steps !== undefined && actions !== undefined

  useEffect(() => {
    if (drill) document.title = `After-action report: ${drill.title} — Continuity Kit`
  }, [drill])
  // Arriving from a plan task (#finding-<id>), bring that finding into view once it is there.
  useEffect(() => {
    if (loaded && window.location.hash.startsWith('#finding-')) document.getElementById(routeId(window.location.hash.slice(1)))?.scrollIntoView()
  }, [loaded])

  if (!loaded)
    return (
      <p className="muted" aria-busy="true">
        Loading report…
      </p>
    )
  if (drill === null || drill.deletedAt) return <DrillNotFound inTrash={Boolean(drill?.deletedAt)} />
  if (drill.mode === 'incident' || !drill.scenario) return <Redirect to={href.incidentReport(drill.id)} replace />
  const scenario = drill.scenario

  const titles = stepTitles(steps)
  const findings = events.filter(isFinding)
  const entries = timeline(drill, events, now)
  const duration = formatElapsedMs(drill.status === 'ended' ? drill.elapsedMs : 0)
  const plans = steps.map((s) => s.plan)

  return (
    <article className="drill-report" aria-labelledby="report-title">
      <PrintMasthead
        facts={{
          organisation: organisation ?? '',
          title: `After-action report: ${drill.title}`,
          lastChange: latest([drill.updatedAt, ...events.map((e) => e.createdAt)]),
          printedAt: new Date(now),
        }}
        version={__APP_VERSION__}
        kind="After-action report"
      />
      <div className="button-row no-print report-tools">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <Link href={href.drill(drill.id)} className="button-link">
          {drill.status === 'ended' ? 'Hot wash' : 'Back to the drill'}
        </Link>
        <Link href={href.drills()} className="button-link">
          All drills
        </Link>
      </div>
      <h1 id="report-title">After-action report: {drill.title}</h1>
      {drill.status !== 'ended' && (
        <p className="report-warning">
          <DrillStatusBadge status={drill.status} /> This drill has not ended yet; the report is a draft.
        </p>
      )}
      <dl className="facts report-facts">
        <dt>Scenario</dt>
        <dd>{scenario.title}</dd>
        <dt>Date</dt>
        <dd>
          <time dateTime={drill.startedAt}>{formatWhen(drill.startedAt, true)}</time>
        </dd>
        <dt>Duration</dt>
        <dd>
          {drill.status === 'ended' ? duration : '—'} <span className="muted">(pauses not counted)</span>
        </dd>
        <dt>Facilitator</dt>
        <dd>{drill.facilitator || '—'}</dd>
        <dt>Taking part</dt>
        <dd>
          {drill.participants.length === 0 ? (
            '—'
          ) : (
            <ul className="plain-list">
              {drill.participants.map((p, i) => (
                <li key={i}>
                  {p.name}
                  {p.role && <span className="muted">, {p.role}</span>}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>Plans exercised</dt>
        <dd>
          <PlanLinkList plans={plans} />
        </dd>
      </dl>
      {scenario.summary && <p className="report-summary">{scenario.summary}</p>}

      <section aria-labelledby="r-objectives">
        <h2 id="r-objectives">Objectives</h2>
        {drill.ratings.length === 0 ? (
          <p className="muted">None.</p>
        ) : (
          <table className="report-table">
            <thead>
              <tr>
                <th scope="col">Objective</th>
                <th scope="col">Rating</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {drill.ratings.map((r, i) => (
                <tr key={i} data-testid="report-objective">
                  <td>{r.objective}</td>
                  <td>
                    {r.rating ? (
                      <span className={`rating rating-${r.rating}`}>
                        <span aria-hidden="true">{RATING_LABELS[r.rating].icon} </span>
                        {RATING_LABELS[r.rating].text}
                      </span>
                    ) : (
                      <span className="muted">Not rated</span>
                    )}
                  </td>
                  <td className="pre-line">{r.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="r-findings">
        <h2 id="r-findings">Findings and actions</h2>
        {findings.length === 0 ? (
          <p className="muted">No gaps or observations were logged.</p>
        ) : (
          <ol className="report-findings">
            {findings.map((f) => {
              const mine = actions.filter((a) => a.item.source?.id === f.id)
              return (
                <li key={f.id} id={`finding-${f.id}`} className="report-finding" data-testid="report-finding">
                  <p>
                    <LogTypeBadge type={f.type} /> <span className="log-at">{formatClock(f.at)}</span> {f.text}
                  </p>
                  {mine.length === 0 ? <p className="muted">No action yet.</p> : <ActionsTable actions={mine} />}
                </li>
              )
            })}
          </ol>
        )}
      </section>

      <section aria-labelledby="r-timeline">
        <h2 id="r-timeline">Timeline</h2>
        {entries.length === 0 ? <p className="muted">Nothing happened yet.</p> : <TimelineTable entries={entries} titles={titles} clockLabel="Drill time" />}
      </section>

      <section aria-labelledby="r-steps">
        <h2 id="r-steps">Plan steps used</h2>
        {drill.stepsUsed.length === 0 ? (
          <p className="muted">None ticked.</p>
        ) : (
          <ul>
            {drill.stepsUsed.map((sid) => (
              <li key={sid}>{titles.get(sid) ?? 'A step no longer in the plan'}</li>
            ))}
          </ul>
        )}
      </section>
      <p className="muted report-footer">
        Continuity Kit after-action report, printed <time dateTime={new Date(now).toISOString()}>{formatWhen(new Date(now).toISOString(), true)}</time>.
      </p>
    </article>
  )
}
