// The open incident, for its lead and log keeper: the clock since declaration, severity, the next
// status update due; what is down and what it stops; the log (the drill's, with the incident's entry
// types); the response steps; communication. Everything is written as it happens.
import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import { closeIncident, setSeverity } from '../../db/incident-repository'
import type { PlanSteps } from '../../db/plan-steps'
import { elapsedMs, formatClock } from '../../domain/drill-clock'
import type { DrillEvent } from '../../domain/drill-model'
import { nextUpdateDue } from '../../domain/incident-clock'
import type { IncidentRun } from '../../domain/incident'
import type { SeverityLevel } from '../../domain/incident-severity'
import { INCIDENT_LOG_TYPES } from '../../entities/drill'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt } from '../../ui/errors'
import { href } from '../../ui/routes'
import { DrillLog } from '../drills/drill-log'
import { LogEntryForm } from '../drills/log-entry-form'
import { useNow } from '../drills/use-now'
import { AffectedPanel } from './affected-panel'
import { CommunicationPanel, UpdateDue } from './communication-panel'
import { IncidentSteps } from './incident-steps'
import { useImpact, useWho } from './use-incident'

interface Props {
  incident: IncidentRun
  events: readonly DrillEvent[]
  steps: PlanSteps[]
  levels: readonly SeverityLevel[]
}

export function IncidentConsole({ incident, events, steps, levels }: Props) {
  const now = useNow(true, incident.updatedAt)
  const impact = useImpact(incident)
  const who = useWho(incident)
  const [closing, setClosing] = useState(false)
  const { lead, logKeeper, description, severity } = incident.incident
  // A level removed from Settings since the declaration still shows as the incident recorded it.
  const known = levels.some((l) => l.id === severity)
  // The tab's title says when an update is due, so it shows from another tab or window too.
  const overdue = nextUpdateDue(incident.startedAt, incident.incident.updateEveryMinutes, events, now).overdue
  useEffect(() => {
    document.title = `${overdue ? '⏰ Update due — ' : ''}Incident: ${incident.title} — Continuity Kit`
  }, [overdue, incident.title])

  const openBoard = () => {
    window.open(href.incidentBoard(incident.id), `board-${incident.id}`)
  }
  const confirmClose = async () => {
    setClosing(false)
    await attempt(() => closeIncident(incident.id))
  }

  return (
    <div className="drill-console incident-console">
      <header className="drill-head card incident-head">
        <div className="drill-title-row">
          <h1>{incident.title}</h1>
          <span className="badge incident-badge">
            <span aria-hidden="true">● </span>Incident open
          </span>
        </div>
        {description && <p className="incident-description pre-line">{description}</p>}
        <div className="drill-clock" role="timer" aria-label="Incident clock">
          <div className="clock-block">
            <span className="clock-label">Since declaration</span>
            <span className="clock-value" data-testid="elapsed">
              {formatClock(elapsedMs(incident, now))}
            </span>
          </div>
          <div className="clock-block">
            <label className="clock-label" htmlFor="incident-severity">
              Severity
            </label>
            <select id="incident-severity" value={severity} onChange={(e) => void attempt(() => setSeverity(incident.id, e.target.value))}>
              {!known && <option value={severity}>{incident.incident.severityLabel || 'Unknown'}</option>}
              {levels.map((l, i) => (
                <option key={l.id} value={l.id}>
                  {i + 1} {l.name} (updates every {l.updateEveryMinutes} min)
                </option>
              ))}
            </select>
          </div>
        </div>
        <UpdateDue incident={incident} events={events} now={now} />
        <p className="muted incident-people">
          Lead: {lead || '—'} · Log keeper: {logKeeper || '—'}
        </p>
        <div className="button-row drill-controls">
          <button type="button" onClick={openBoard}>
            Open status board
          </button>
          <Link href={href.incidentReport(incident.id)} className="button-link">
            Report so far
          </Link>
          <button type="button" className="danger" onClick={() => setClosing(true)}>
            Close incident
          </button>
        </div>
      </header>

      <div className="drill-grid">
        <div className="drill-main">
          {impact ? <AffectedPanel incident={incident} impact={impact} now={now} /> : <p className="muted card">Reading the dependency map…</p>}
          <section className="card" aria-labelledby="log-heading">
            <h2 id="log-heading">Log</h2>
            <LogEntryForm drillId={incident.id} injectId={null} steps={steps} types={INCIDENT_LOG_TYPES} />
            <DrillLog events={events} steps={steps} editable types={INCIDENT_LOG_TYPES} />
          </section>
        </div>
        <aside className="drill-side" aria-label="Steps and communication">
          <CommunicationPanel incident={incident} events={events} impact={impact} now={now} />
          <IncidentSteps incident={incident} steps={steps} events={events} who={who} />
        </aside>
      </div>
      <ConfirmDialog
        open={closing}
        title="Close the incident?"
        confirmLabel="Close incident"
        onConfirm={() => void confirmClose()}
        onCancel={() => setClosing(false)}
      >
        <p>The clock stops for good and the post-incident review begins: the timeline, what went well and what did not, and actions for the plans.</p>
      </ConfirmDialog>
    </div>
  )
}
