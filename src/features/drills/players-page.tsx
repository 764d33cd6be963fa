// /drills/<id>/players: the projected view. It reads the same database as the facilitator's tab, so
// it follows every release, pause and resume; it shows the clock and what the players have been told,
// never injects to come or the facilitator's notes.
import { useEffect } from 'react'
import { Redirect } from 'wouter'
import { href } from '../../ui/routes'
import { elapsedMs, formatClock, shownInjects } from '../../domain/drill-clock'
import { DrillNotFound } from './drill-not-found'
import { useDrill } from './use-drill'
import { useNow } from './use-now'
import './drills.css'
import { DRILL_STATUS_LABELS } from '../../entities/drill'

export default function PlayersPage({ id }: { id: string }) {
  const drill = useDrill(id)
  const now = useNow(drill?.status === 'running', drill?.updatedAt)

  // The projected screen shows no app bar or navigation.
  useEffect(() => {
    document.body.classList.add('players-mode')
    return () => document.body.classList.remove('players-mode')
  }, [])
  useEffect(() => {
    if (drill) document.title = `${drill.title} — players' view`
  }, [drill])

  if (drill === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    )
  if (drill === null || drill.deletedAt) return <DrillNotFound inTrash={Boolean(drill?.deletedAt)} />
  if (drill.mode === 'incident') return <Redirect to={href.incidentBoard(drill.id)} replace />
  const shown = drill.status === 'planned' ? [] : shownInjects(drill, now)
  const current = shown.at(-1)
  const earlier = shown.slice(0, -1).reverse()
  const status = DRILL_STATUS_LABELS[drill.status]

  return (
    <div className="players-view" data-testid="players-view">
      <header className="players-head">
        <p className="players-title">{drill.title}</p>
        <p className="players-clock" role="timer" aria-label="Drill clock">
          <span data-testid="players-clock">{formatClock(elapsedMs(drill, now))}</span>
          {drill.status !== 'running' && (
            <span className="players-status">
              <span aria-hidden="true">{status.icon} </span>
              {status.text}
            </span>
          )}
        </p>
      </header>
      {current ? (
        <section className="players-current" aria-labelledby="players-now" aria-live="polite">
          <h1 id="players-now">Update {shown.length}</h1>
          <p className="players-told-big">{current.inject.playersTold || 'The facilitator will tell you what happens next.'}</p>
        </section>
      ) : (
        <section className="players-current">
          <h1>Waiting for the first update</h1>
          <p className="players-told-big muted">The facilitator will start the scenario shortly.</p>
        </section>
      )}
      {earlier.length > 0 && (
        <section aria-labelledby="players-earlier" className="players-earlier">
          <h2 id="players-earlier">Earlier</h2>
          <ol reversed>
            {earlier.map((s, i) => (
              <li key={s.inject.id}>
                <strong>Update {earlier.length - i}:</strong> {s.inject.playersTold}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  )
}
