// The banner every page shows while an incident is open: its title, clock, severity and the next
// update due, with the way back to it. It reads the database live, so it appears in every tab the
// moment an incident is declared and goes when it is closed.
import { useLiveQuery } from 'dexie-react-hooks'
import { Link } from 'wouter'
import { listDrillEvents } from '../../db/drill-log-repository'
import { listOpenIncidents } from '../../db/incident-repository'
import { elapsedMs, formatClock } from '../../domain/drill-clock'
import { describeUpdateDue, nextUpdateDue } from '../../domain/incident-clock'
import type { IncidentRun } from '../../domain/incident'
import { href } from '../../ui/routes'
import { useNow } from '../drills/use-now'
import './incidents.css'

function Banner({ incident }: { incident: IncidentRun }) {
  const now = useNow(true, incident.updatedAt)
  const events = useLiveQuery(() => listDrillEvents(incident.id), [incident.id])
  const due = events ? nextUpdateDue(incident.startedAt, incident.incident.updateEveryMinutes, events, now) : null
  return (
    <p className={due?.overdue ? 'incident-banner update-overdue' : 'incident-banner'} data-testid="incident-banner">
      <span className="banner-what">
        <span aria-hidden="true">● </span>Incident open: <strong>{incident.title}</strong>
      </span>
      <span className="banner-clock">
        <span className="visually-hidden">Time since declaration: </span>
        {formatClock(elapsedMs(incident, now))}
      </span>
      {incident.incident.severityLabel && <span>Severity {incident.incident.severityLabel}</span>}
      {due && (
        <span>
          {due.overdue && <span aria-hidden="true">⏰ </span>}
          {describeUpdateDue(due)}
        </span>
      )}
      <Link href={href.incident(incident.id)} className="banner-link">
        Open incident
      </Link>
    </p>
  )
}

export default function IncidentBanner() {
  const open = useLiveQuery(listOpenIncidents)
  if (!open || open.length === 0) return null
  return (
    <div className="incident-banners no-print" role="region" aria-label="Open incidents">
      {open.map((incident) => (
        <Banner key={incident.id} incident={incident} />
      ))}
    </div>
  )
}
