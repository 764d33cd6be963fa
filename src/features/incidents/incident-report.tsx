// /incidents/<id>/report: the incident report, for people without the app and for the file. What
// happened and when, severity, who led, what was down and which functions stopped (each against its
// RTO), the response steps done, the updates sent, the review and its actions (status read live from
// the plans), and the whole timeline. Prints cleanly.
import { PlanLinkList } from '../../entities/plan-links'
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { Link } from 'wouter'
import { listFindingActions } from '../../db/finding-repository'
import { formatClock, formatElapsedMs } from '../../domain/drill-clock'
import { timeline } from '../../domain/drill-findings'
import { formatDate } from '../../domain/dates'
import { describeCountdown, formatSpan, rtoCountdown } from '../../domain/incident-clock'
import { isIncident, isStepTick, tickedBy } from '../../domain/incident'
import { formatMinutes } from '../../domain/duration'
import { formatWhen } from '../../entities/drill'
import { PHASE_LABELS, PHASES, type Phase } from '../../domain/vocabulary'
import { latest, PrintMasthead, useOrganisationName } from '../../ui/print-masthead'
import { href } from '../../ui/routes'
import { stepTitles } from '../drills/drill-log'
import { DrillNotFound } from '../drills/drill-not-found'
import { ActionsTable, TimelineTable } from '../drills/report-parts'
import { useDrill, useDrillEvents, usePlanSteps } from '../drills/use-drill'
import { useNow } from '../drills/use-now'
import { useImpact } from './use-incident'
import '../drills/drills.css'
import './incidents.css'

const PHASE_GROUPS: readonly (Phase | null)[] = [...PHASES, null]

export default function IncidentReport({ id }: { id: string }) {
  const drill = useDrill(id)
  const events = useDrillEvents(id)
  const steps = usePlanSteps(drill?.planIds)
  const actions = useLiveQuery(() => listFindingActions(id), [id])
  const impact = useImpact(drill)
  const now = useNow(drill?.status === 'running', drill?.updatedAt, 30_000)
  const organisation = useOrganisationName()
  const loaded = drill !== undefined && events !== undefined && steps !== undefined && actions !== undefined

  useEffect(() => {
    if (drill) document.title = `Incident report: ${drill.title} — Continuity Kit`
  }, [drill])
  useEffect(() => {
    if (loaded && window.location.hash.startsWith('#finding-')) document.getElementById(decodeURIComponent(window.location.hash.slice(1)))?.scrollIntoView()
  }, [loaded])

  if (!loaded || (drill && drill.incident && impact === undefined))
    return (
      <p className="muted" aria-busy="true">
        Loading report…
      </p>
    )
  if (drill === null || drill.deletedAt || !isIncident(drill)) return <DrillNotFound inTrash={Boolean(drill?.deletedAt)} what="incident" />

  const incident = drill.incident
  const open = drill.status !== 'ended'
  const at = open ? now : Date.parse(drill.endedAt ?? drill.updatedAt)
  const titles = stepTitles(steps)
  const allSteps = steps.flatMap((p) => p.sections.flatMap((s) => s.items.filter((i) => i.kind === 'step' && i.status !== 'not-applicable')))
  const done = new Set(drill.stepsUsed)
  const updates = events.filter((e) => e.type === 'communication')
  const entries = timeline(drill, events, at)
  const supplierNames = new Map((impact?.suppliers ?? []).map((s) => [s.id, s.name]))
  const down = [...incident.affectedSupplierIds.map((s) => supplierNames.get(s) ?? 'a supplier no longer in the registers'), ...incident.affectedProviders]
  const plans = steps.map((s) => s.plan)
  const tickOf = (itemId: string, text: string) => events.findLast((e) => e.itemId === itemId && isStepTick(e) && tickedBy(e, text) !== null)

  return (
    <article className="drill-report incident-report" aria-labelledby="report-title">
      <PrintMasthead
        facts={{
          organisation: organisation ?? '',
          title: `Incident report: ${drill.title}`,
          lastChange: latest([drill.updatedAt, ...events.map((e) => e.createdAt)]),
          printedAt: new Date(now),
        }}
        version={__APP_VERSION__}
        kind="Incident report"
      />
      <div className="button-row no-print report-tools">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <Link href={href.incident(drill.id)} className="button-link">
          {open ? 'Back to the incident' : 'Review'}
        </Link>
      </div>
      <h1 id="report-title">Incident report: {drill.title}</h1>
      {open && <p className="report-warning">This incident is still open; the report is a draft.</p>}
      <dl className="facts report-facts">
        <dt>Severity</dt>
        <dd>{incident.severityLabel || '—'}</dd>
        <dt>Declared</dt>
        <dd>
          <time dateTime={drill.startedAt}>{formatWhen(drill.startedAt, true)}</time>
        </dd>
        <dt>Closed</dt>
        <dd>{drill.endedAt ? <time dateTime={drill.endedAt}>{formatWhen(drill.endedAt, true)}</time> : 'Still open'}</dd>
        <dt>Duration</dt>
        <dd>{open ? `${formatElapsedMs(at - Date.parse(drill.startedAt))} so far` : formatElapsedMs(drill.elapsedMs)}</dd>
        <dt>Incident lead</dt>
        <dd>{incident.lead || '—'}</dd>
        <dt>Log keeper</dt>
        <dd>{incident.logKeeper || '—'}</dd>
        <dt>Plans that applied</dt>
        <dd>
          <PlanLinkList plans={plans} />
        </dd>
        <dt>Down</dt>
        <dd>{down.length === 0 ? '—' : down.join(', ')}</dd>
        <dt>{open ? 'Current status' : 'Last status'}</dt>
        <dd>{incident.statusLine || '—'}</dd>
      </dl>
      {incident.description && <p className="report-summary pre-line">{incident.description}</p>}

      <section aria-labelledby="r-functions">
        <h2 id="r-functions">Functions stopped</h2>
        {!impact || impact.stopped.length === 0 ? (
          <p className="muted">None recorded: no business function in the impact analyses needs what was marked down.</p>
        ) : (
          <table className="report-table" data-scroll-hint="Scroll sideways for every column">
            <thead>
              <tr>
                <th scope="col">Function</th>
                <th scope="col">RTO</th>
                <th scope="col">{open ? 'Now' : 'At close'}</th>
                <th scope="col">Workaround</th>
              </tr>
            </thead>
            <tbody>
              {impact.stopped.map(({ fn, because }) => {
                const c = rtoCountdown(fn.rto, drill.startedAt, at)
                return (
                  <tr key={fn.id} data-testid="report-function">
                    <td>
                      {fn.name}
                      <span className="muted"> ({because.join('; ')})</span>
                    </td>
                    <td>{fn.rto === null ? '—' : formatMinutes(fn.rto)}</td>
                    <td>
                      {c?.past && <span aria-hidden="true">⚠ </span>}
                      {open || c === null
                        ? describeCountdown(c)
                        : c.past
                          ? `RTO passed, by ${formatSpan(c.msLeft)}`
                          : `Within RTO, ${formatSpan(c.msLeft)} to spare`}
                    </td>
                    <td>{fn.workaround || '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="r-steps">
        <h2 id="r-steps">Response steps</h2>
        {allSteps.length === 0 ? (
          <p className="muted">The plans that applied have no response steps.</p>
        ) : (
          PHASE_GROUPS.map((phase) => {
            const inPhase = allSteps.filter((i) => i.phase === phase)
            return (
              inPhase.length > 0 && (
                <div key={phase ?? 'none'}>
                  <h3>{phase ? PHASE_LABELS[phase] : 'Other steps'}</h3>
                  <ul className="plain-list report-steps">
                    {inPhase.map((item) => {
                      const tick = done.has(item.id) ? tickOf(item.id, item.text) : undefined
                      const who = tick ? tickedBy(tick, item.text) : null
                      return (
                        <li key={item.id}>
                          <span aria-hidden="true">{done.has(item.id) ? '✓ ' : '○ '}</span>
                          {item.text}
                          {item.role && <span className="muted"> — {item.role}</span>}
                          <span className="muted">
                            {done.has(item.id) ? (tick ? ` — done at ${formatClock(tick.at)}${who ? ` by ${who}` : ''}` : ' — done') : ' — not done'}
                          </span>
                        </li>
                      )
                    })}
                  </ul>
                </div>
              )
            )
          })
        )}
      </section>

      <section aria-labelledby="r-updates">
        <h2 id="r-updates">Status updates sent</h2>
        <p className="muted">Due every {incident.updateEveryMinutes} min.</p>
        {updates.length === 0 ? (
          <p className="muted">None logged.</p>
        ) : (
          <ul className="plain-list">
            {updates.map((u) => (
              <li key={u.id}>
                <span className="log-at">{formatClock(u.at)}</span> {u.text}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="r-review">
        <h2 id="r-review">Review</h2>
        <dl className="facts report-facts">
          <dt>What went well</dt>
          <dd className="pre-line">{incident.review.wentWell || '—'}</dd>
          <dt>What did not go well</dt>
          <dd className="pre-line">{incident.review.wentBadly || '—'}</dd>
          <dt>Review meeting</dt>
          <dd>{incident.review.reviewDate ? <time dateTime={incident.review.reviewDate}>{formatDate(incident.review.reviewDate)}</time> : '—'}</dd>
        </dl>
        <h3>Actions</h3>
        {actions.length === 0 ? <p className="muted">No action yet.</p> : <ActionsTable actions={actions} />}
      </section>

      <section aria-labelledby="r-timeline">
        <h2 id="r-timeline">Timeline</h2>
        {entries.length === 0 ? <p className="muted">Nothing logged.</p> : <TimelineTable entries={entries} titles={titles} clockLabel="Since declaration" />}
      </section>
      <p className="muted report-footer">
        Continuity Kit incident report, printed <time dateTime={new Date(now).toISOString()}>{formatWhen(new Date(now).toISOString(), true)}</time>.
      </p>
    </article>
  )
}
