// The drill programme: drills in progress, planned and past; when each plan was last exercised, in
// the dashboard's words (domain/exercise-dates.ts); and the scenarios to start a drill from.
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { Link, useLocation } from 'wouter'
import { listDrills, restoreDrill, startPlannedDrill, trashDrill } from '../../db/drill-repository'
import { createScenario, listScenarios } from '../../db/scenario-repository'
import { listPlans } from '../../db/plan-queries'
import { formatElapsedMs } from '../../domain/drill-clock'
import { exerciseReader } from '../../domain/exercise-dates'
import type { Drill, Scenario } from '../../domain/drill-model'
import { KIND_LABELS } from '../../domain/vocabulary'
import { BUILTIN_SCENARIOS } from '../../templates/scenarios/index'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { StartDrillDialog } from './start-drill-dialog'
import './drills.css'
import { href } from '../../ui/routes'
import { DrillStatusBadge, formatWhen } from '../../entities/drill'
import { ExerciseStatus } from '../../entities/exercise'

function DrillRow({ drill, onDelete }: { drill: Drill; onDelete: (d: Drill) => void }) {
  const [, navigate] = useLocation()
  const start = async () => {
    const started = await attempt(() => startPlannedDrill(drill.id))
    if (started) navigate(href.drill(drill.id))
  }
  // An incident is a run of the same engine: its row opens the incident screen, its review and report.
  const incident = drill.mode === 'incident'
  const open = incident ? href.incident(drill.id) : href.drill(drill.id)
  const report = incident ? href.incidentReport(drill.id) : href.drillReport(drill.id)
  const what = incident ? 'incident' : 'drill'
  return (
    <li className="drill-row" data-testid="drill-row">
      {incident && drill.status === 'running' ? (
        <span className="badge incident-badge">
          <span aria-hidden="true">● </span>Open
        </span>
      ) : (
        <DrillStatusBadge status={drill.status} />
      )}
      <Link href={drill.status === 'ended' ? report : open} className="drill-row-title">
        {drill.title}
      </Link>
      <span className="muted drill-row-facts">
        {drill.status === 'planned' ? 'Planned for ' : ''}
        <time dateTime={drill.startedAt}>{formatWhen(drill.startedAt)}</time>
        {drill.status === 'ended' && `, ${formatElapsedMs(drill.elapsedMs)}`}
        {drill.participants.length > 0 && `, ${drill.participants.length} taking part`}
      </span>
      <span className="button-row no-print">
        {drill.status === 'planned' && (
          <button type="button" aria-label={`Start now: ${drill.title}`} onClick={() => void start()}>
            Start now
          </button>
        )}
        {(drill.status === 'running' || drill.status === 'paused') && (
          <Link href={open} className="button-link">
            Continue
          </Link>
        )}
        {drill.status === 'ended' && (
          <Link href={open} className="button-link" aria-label={`${incident ? 'Review' : 'Hot wash'}: ${drill.title}`}>
            {incident ? 'Review' : 'Hot wash'}
          </Link>
        )}
        {drill.status !== 'running' && drill.status !== 'paused' && (
          <button type="button" className="icon danger" aria-label={`Delete ${what}: ${drill.title}`} onClick={() => onDelete(drill)}>
            ×
          </button>
        )}
      </span>
    </li>
  )
}

function ScenarioCard({ scenario, builtIn, onStart }: { scenario: Scenario; builtIn: boolean; onStart: (s: Scenario) => void }) {
  const last = scenario.injects.at(-1)
  return (
    <li className="scenario-card" data-testid="scenario-card">
      <div className="scenario-card-head">
        <Link href={href.scenario(scenario.id)} className="scenario-title">
          {scenario.title}
        </Link>
        <span className="badge badge-kind">{builtIn ? 'Built-in' : 'Yours'}</span>
      </div>
      {scenario.summary && <p className="scenario-summary">{scenario.summary}</p>}
      <p className="muted scenario-facts">
        {scenario.injects.length} injects{last ? `, about ${last.offsetMinutes + 15} min` : ''} ·{' '}
        {scenario.planKinds.map((k) => KIND_LABELS[k]).join(', ') || 'no plan kinds'}
      </p>
      <span className="button-row">
        <button type="button" className="primary" aria-label={`Start drill: ${scenario.title}`} onClick={() => onStart(scenario)}>
          Start drill
        </button>
        <Link href={href.scenario(scenario.id)} className="button-link" aria-label={`${builtIn ? 'Read' : 'Edit'} scenario: ${scenario.title}`}>
          {builtIn ? 'Read' : 'Edit'}
        </Link>
      </span>
    </li>
  )
}

export default function DrillsPage() {
  const drills = useLiveQuery(listDrills)
  const plans = useLiveQuery(listPlans)
  const own = useLiveQuery(listScenarios)
  const [starting, setStarting] = useState<Scenario | null>(null)
  const [deleting, setDeleting] = useState<Drill | null>(null)
  const [, navigate] = useLocation()

  const newScenario = async () => {
    const id = await attempt(createScenario)
    if (id) navigate(href.scenario(id))
  }
  const confirmDelete = async () => {
    const drill = deleting
    setDeleting(null)
    if (!drill) return
    const done = await attempt(async () => {
      await trashDrill(drill.id)
      return true
    })
    if (done)
      showToast({
        tone: 'info',
        text: `"${drill.title}" moved to the trash.`,
        action: { label: 'Undo', run: () => void attempt(() => restoreDrill(drill.id)) },
      })
  }

  const runs = (drills ?? []).filter((d) => d.mode !== 'incident')
  const incidents = (drills ?? []).filter((d) => d.mode === 'incident')
  const active = runs.filter((d) => d.status === 'running' || d.status === 'paused')
  const planned = runs.filter((d) => d.status === 'planned').reverse()
  const past = runs.filter((d) => d.status === 'ended')
  // The same rule and words as the home dashboard's; a real incident counts as exercising its plans.
  const exerciseOf = exerciseReader(drills ?? [], new Date())

  return (
    <div className="drills-page">
      <div className="page-head">
        <h1>Drills</h1>
        <span className="button-row no-print">
          <button type="button" onClick={() => void newScenario()}>
            New scenario
          </button>
        </span>
      </div>
      <p className="muted intro">
        A tabletop drill talks a team through a scenario: injects reveal new facts on a clock, the facilitator logs decisions, observations and gaps, and the
        hot wash turns what was found into tasks in your plans.
      </p>

      {drills === undefined ? (
        <p className="muted" aria-busy="true">
          Loading drills…
        </p>
      ) : (
        <>
          {active.length > 0 && (
            <section aria-labelledby="active-heading" className="drill-group">
              <h2 id="active-heading">In progress</h2>
              <ul className="drill-list">
                {active.map((d) => (
                  <DrillRow key={d.id} drill={d} onDelete={setDeleting} />
                ))}
              </ul>
            </section>
          )}
          <section aria-labelledby="planned-heading" className="drill-group">
            <h2 id="planned-heading">Planned drills</h2>
            {planned.length === 0 ? (
              <p className="muted">None planned. Choose a scenario below, press Start drill and pick "Plan for a date".</p>
            ) : (
              <ul className="drill-list">
                {planned.map((d) => (
                  <DrillRow key={d.id} drill={d} onDelete={setDeleting} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="past-heading" className="drill-group">
            <h2 id="past-heading">Past drills</h2>
            {past.length === 0 ? (
              <p className="muted">No drill has been run yet. Start one from a scenario below; its report will be listed here.</p>
            ) : (
              <ul className="drill-list">
                {past.map((d) => (
                  <DrillRow key={d.id} drill={d} onDelete={setDeleting} />
                ))}
              </ul>
            )}
          </section>
          {incidents.length > 0 && (
            <section aria-labelledby="incidents-heading" className="drill-group">
              <h2 id="incidents-heading">Incidents</h2>
              <ul className="drill-list">
                {incidents.map((d) => (
                  <DrillRow key={d.id} drill={d} onDelete={setDeleting} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}

      <section aria-labelledby="exercised-heading" className="drill-group">
        <h2 id="exercised-heading">Plans and when they were last exercised</h2>
        {/* Not before the drills are read too: until then every plan would read "never exercised". */}
        {plans === undefined || drills === undefined ? null : plans.length === 0 ? (
          <p className="muted">
            No plans yet. <Link href={href.home()}>Create a plan</Link> so a drill has something to exercise.
          </p>
        ) : (
          <table className="exercised-table">
            <thead>
              <tr>
                <th scope="col">Plan</th>
                <th scope="col">Kind</th>
                <th scope="col">Last exercised</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id} data-testid="exercised-row">
                  <td>
                    <Link href={href.plan(p.id)}>{p.title}</Link>
                  </td>
                  <td>{KIND_LABELS[p.kind]}</td>
                  <td>
                    <ExerciseStatus exercise={exerciseOf(p)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="scenarios-heading" className="drill-group">
        <h2 id="scenarios-heading">Scenarios</h2>
        <ul className="scenario-list">
          {BUILTIN_SCENARIOS.map((s) => (
            <ScenarioCard key={s.id} scenario={s} builtIn onStart={setStarting} />
          ))}
          {(own ?? []).map((s) => (
            <ScenarioCard key={s.id} scenario={s} builtIn={false} onStart={setStarting} />
          ))}
        </ul>
      </section>

      {starting && <StartDrillDialog scenario={starting} onClose={() => setStarting(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={deleting?.mode === 'incident' ? 'Move this incident to the trash?' : 'Move this drill to the trash?'}
        confirmLabel="Move to trash"
        danger
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          {deleting?.title}: the {deleting?.mode === 'incident' ? 'incident' : 'drill'} and its log go to the trash, from where you can restore them or remove
          them for good. Until then it no longer counts as an exercise. Plan tasks made from its findings stay in their plans.
        </p>
      </ConfirmDialog>
    </div>
  )
}
