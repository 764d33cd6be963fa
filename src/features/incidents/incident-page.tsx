// /incidents/<id>: the open incident's screen, or (once closed) its post-incident review.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect } from 'react'
import { getSeverities } from '../../db/incident-repository'
import { isIncident } from '../../domain/incident'
import { DrillNotFound } from '../drills/drill-not-found'
import { useDrill, useDrillEvents, usePlanSteps } from '../drills/use-drill'
import { IncidentConsole } from './incident-console'
import { IncidentReview } from './incident-review'
import '../drills/drills.css'
import './incidents.css'

export default function IncidentPage({ id }: { id: string }) {
  const drill = useDrill(id)
  const events = useDrillEvents(id)
  const steps = usePlanSteps(drill?.planIds)
  const levels = useLiveQuery(getSeverities)

  useEffect(() => {
    // The open incident's screen keeps its own title (it says when an update is due).
    if (drill && drill.status !== 'running') document.title = `Review: ${drill.title} — Continuity Kit`
  }, [drill])

  if (drill === undefined || events === undefined || levels === undefined || (drill && steps === undefined))
    return (
      <p className="muted" aria-busy="true">
        Loading incident…
      </p>
    )
  if (drill === null || drill.deletedAt || !isIncident(drill)) return <DrillNotFound inTrash={Boolean(drill?.deletedAt)} what="incident" />
  if (drill.status === 'ended') return <IncidentReview incident={drill} events={events} steps={steps ?? []} />
  return <IncidentConsole incident={drill} events={events} steps={steps ?? []} levels={levels} />
}
