// /drills/findings/<event id>: where a plan task made from a finding (or an incident's action) links
// to. It finds the drill or incident the entry belongs to and opens its report at the entry.
import { useLiveQuery } from 'dexie-react-hooks'
import { Redirect } from 'wouter'
import { runOfEvent } from '../../db/finding-repository'
import { DrillNotFound } from './drill-not-found'
import { href } from '../../ui/routes'

export default function FindingRedirect({ eventId }: { eventId: string }) {
  const run = useLiveQuery(() => runOfEvent(eventId), [eventId])
  if (run === undefined)
    return (
      <p className="muted" aria-busy="true">
        Opening the drill…
      </p>
    )
  if (run === null) return <DrillNotFound />
  return <Redirect to={run.mode === 'incident' ? href.incidentReport(run.id, eventId) : href.drillReport(run.id, eventId)} replace />
}
