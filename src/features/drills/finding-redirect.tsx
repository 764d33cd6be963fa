// /drills/findings/<event id>: where a plan task made from a finding links to. It finds the drill the
// finding belongs to and opens that drill's report at the finding.
import { useLiveQuery } from 'dexie-react-hooks'
import { Redirect } from 'wouter'
import { drillOfEvent } from '../../db/finding-repository'
import { DrillNotFound } from './drill-not-found'
import { href } from '../../ui/routes'

export default function FindingRedirect({ eventId }: { eventId: string }) {
  const drillId = useLiveQuery(() => drillOfEvent(eventId), [eventId])
  if (drillId === undefined)
    return (
      <p className="muted" aria-busy="true">
        Opening the drill…
      </p>
    )
  if (drillId === null) return <DrillNotFound />
  return <Redirect to={href.drillReport(drillId, eventId)} replace />
}
