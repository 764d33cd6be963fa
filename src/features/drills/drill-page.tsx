// /drills/<id>: a planned drill waiting to start, the running drill, or (once ended) its hot wash.
import { useEffect } from 'react'
import { Link, Redirect } from 'wouter'
import { startPlannedDrill } from '../../db/drill-repository'
import { attempt } from '../../ui/errors'
import { DrillConsole } from './drill-console'
import { DrillNotFound } from './drill-not-found'
import { HotWash } from './hot-wash'
import { useDrill, useDrillEvents, usePlanSteps } from './use-drill'
import './drills.css'
import { href } from '../../ui/routes'
import { DrillStatusBadge, formatWhen } from '../../entities/drill'

export default function DrillPage({ id }: { id: string }) {
  const drill = useDrill(id)
  const events = useDrillEvents(id)
  const steps = usePlanSteps(drill?.planIds)

  useEffect(() => {
    if (drill) document.title = `${drill.title} — Drill — Continuity Kit`
  }, [drill])

  if (drill === undefined || events === undefined || (drill && steps === undefined))
    return (
      <p className="muted" aria-busy="true">
        Loading drill…
      </p>
    )
  if (drill === null || drill.deletedAt) return <DrillNotFound inTrash={Boolean(drill?.deletedAt)} />
  // An incident runs on the same engine; its screen is the incident's.
  if (drill.mode === 'incident' || !drill.scenario) return <Redirect to={href.incident(drill.id)} replace />
  if (drill.status === 'planned') {
    return (
      <div className="card planned-drill">
        <div className="drill-title-row">
          <h1>{drill.title}</h1>
          <DrillStatusBadge status={drill.status} />
        </div>
        <p>
          Planned for <time dateTime={drill.startedAt}>{formatWhen(drill.startedAt)}</time>. Scenario: {drill.scenario.title}.
        </p>
        <span className="button-row">
          <button type="button" className="primary" onClick={() => void attempt(() => startPlannedDrill(drill.id))}>
            Start drill now
          </button>
          <Link href={href.drills()} className="button-link">
            All drills
          </Link>
        </span>
      </div>
    )
  }
  if (drill.status === 'ended') return <HotWash drill={drill} events={events} steps={steps ?? []} />
  return <DrillConsole drill={drill} events={events} steps={steps ?? []} />
}
