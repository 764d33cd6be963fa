// /incidents/<id>/board: the read-only status board, for a wall screen or a colleague (a second
// window, like the players' view). It reads the same database as the lead's tab, so it follows every
// change: the clock, severity, the current status, the next update due and the functions down.
import { useEffect } from 'react'
import { elapsedMs, formatClock } from '../../domain/drill-clock'
import { describeCountdown, describeUpdateDue, nextUpdateDue, rtoCountdown } from '../../domain/incident-clock'
import { isIncident } from '../../domain/incident'
import { DrillNotFound } from '../drills/drill-not-found'
import { useDrill, useDrillEvents } from '../drills/use-drill'
import { useNow } from '../drills/use-now'
import { useImpact } from './use-incident'
import '../drills/drills.css'
import './incidents.css'

export default function StatusBoard({ id }: { id: string }) {
  const drill = useDrill(id)
  const events = useDrillEvents(id)
  const impact = useImpact(drill)
  const now = useNow(drill?.status === 'running', drill?.updatedAt)

  // The wall screen shows no app bar or navigation.
  useEffect(() => {
    document.body.classList.add('players-mode')
    return () => document.body.classList.remove('players-mode')
  }, [])
  useEffect(() => {
    if (drill) document.title = `${drill.title} — status board`
  }, [drill])

  if (drill === undefined || events === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    )
  if (drill === null || drill.deletedAt || !isIncident(drill)) return <DrillNotFound inTrash={Boolean(drill?.deletedAt)} what="incident" />
  const { incident } = drill
  const open = drill.status === 'running'
  const due = nextUpdateDue(drill.startedAt, incident.updateEveryMinutes, events, now)

  return (
    <div className="players-view status-board" data-testid="status-board">
      <header className="players-head">
        <p className="players-title">{drill.title}</p>
        <p className="players-clock" role="timer" aria-label="Incident clock">
          <span data-testid="board-clock">{formatClock(elapsedMs(drill, now))}</span>
          {!open && (
            <span className="players-status">
              <span aria-hidden="true">■ </span>Closed
            </span>
          )}
        </p>
      </header>
      <section className="players-current" aria-labelledby="board-status" aria-live="polite">
        <p className="board-severity">Severity {incident.severityLabel || '—'}</p>
        <h1 id="board-status">Current status</h1>
        <p className="players-told-big">{incident.statusLine || 'The incident team is assessing the situation.'}</p>
        {open && (
          <p className={due.overdue ? 'board-update update-overdue' : 'board-update'}>
            {due.overdue && <span aria-hidden="true">⏰ </span>}
            {describeUpdateDue(due)}
          </p>
        )}
      </section>
      <section aria-labelledby="board-down" className="players-earlier">
        <h2 id="board-down">Functions down</h2>
        {!impact || impact.stopped.length === 0 ? (
          <p>None known.</p>
        ) : (
          <ul className="board-functions">
            {impact.stopped.map(({ fn }) => {
              const c = rtoCountdown(fn.rto, drill.startedAt, open ? now : Date.parse(drill.endedAt ?? drill.updatedAt))
              return (
                <li key={fn.id} className={c?.past ? 'past-rto' : undefined}>
                  <strong>{fn.name}</strong> — {c?.past && <span aria-hidden="true">⚠ </span>}
                  {describeCountdown(c)}
                  {fn.workaround && <span className="board-workaround">Instead: {fn.workaround}</span>}
                </li>
              )
            })}
          </ul>
        )}
      </section>
    </div>
  )
}
