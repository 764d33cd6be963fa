// The running drill, for the facilitator: the clock (elapsed and time to the next inject), pause and
// resume, the current inject, injects to come (release early), the log, and the plan steps used.
import { useState } from 'react'
import { endDrill, pauseDrill, releaseInject, resumeDrill } from '../../db/drill-repository'
import { type PlanSteps } from '../../db/plan-steps'
import { currentInject, elapsedMs, formatClock, injectStates, msToNextInject, nextInject } from '../../domain/drill-clock'
import type { Drill, DrillEvent } from '../../domain/drill-model'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt } from '../../ui/errors'
import { DrillLog } from './drill-log'
import { InjectCard } from './inject-card'
import { LogEntryForm } from './log-entry-form'
import { StepsPanel } from './steps-panel'
import { useNow } from './use-now'
import { href } from '../../ui/routes'
import { DrillStatusBadge } from '../../entities/drill'

interface Props {
  drill: Drill
  events: readonly DrillEvent[]
  steps: PlanSteps[]
}

export function DrillConsole({ drill, events, steps }: Props) {
  const running = drill.status === 'running'
  const now = useNow(running, drill.updatedAt)
  const [ending, setEnding] = useState(false)
  const elapsed = elapsedMs(drill, now)
  const current = currentInject(drill, now)
  const next = nextInject(drill, now)
  const toNext = msToNextInject(drill, now)
  const states = injectStates(drill, now)
  const shown = states.filter((s) => s.shownAt !== null)
  const upcoming = states.filter((s) => s.shownAt === null)

  const openPlayers = () => {
    window.open(href.drillPlayers(drill.id), `players-${drill.id}`)
  }
  const confirmEnd = async () => {
    setEnding(false)
    await attempt(() => endDrill(drill.id))
  }

  return (
    <div className="drill-console">
      <header className="drill-head card">
        <div className="drill-title-row">
          <h1>{drill.title}</h1>
          <DrillStatusBadge status={drill.status} />
        </div>
        <div className="drill-clock" role="timer" aria-label="Drill clock">
          <div className="clock-block">
            <span className="clock-label">Elapsed</span>
            <span className="clock-value" data-testid="elapsed">
              {formatClock(elapsed)}
            </span>
          </div>
          <div className="clock-block">
            <span className="clock-label">Next inject</span>
            <span className="clock-value" data-testid="to-next">
              {toNext === null ? '—' : formatClock(toNext)}
            </span>
            <span className="clock-note muted">{next ? next.title : 'All injects shown'}</span>
          </div>
        </div>
        <div className="button-row drill-controls">
          {running ? (
            <button type="button" onClick={() => void attempt(() => pauseDrill(drill.id))}>
              <span aria-hidden="true">‖ </span>Pause
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => void attempt(() => resumeDrill(drill.id))}>
              <span aria-hidden="true">▶ </span>Resume
            </button>
          )}
          {next && (
            <button type="button" onClick={() => void attempt(() => releaseInject(drill.id, next.id))}>
              Release next inject now
            </button>
          )}
          <button type="button" onClick={openPlayers}>
            Open players' view
          </button>
          <button type="button" className="danger" onClick={() => setEnding(true)}>
            End drill
          </button>
        </div>
        {!running && (
          <p className="paused-note" role="status">
            <span aria-hidden="true">‖ </span>Paused: the clock is stopped and no inject comes due until you resume.
          </p>
        )}
      </header>

      <div className="drill-grid">
        <div className="drill-main">
          {current ? (
            <InjectCard drill={drill} inject={current.inject} shownAt={current.shownAt} early={current.early} steps={steps} />
          ) : (
            <section className="card empty-inject">
              <h2>Before the first inject</h2>
              <p className="muted">Set the ground rules: the drill is no-fault, it tests the plan and not the people, and no real system is touched.</p>
            </section>
          )}
          <section className="card" aria-labelledby="log-heading">
            <h2 id="log-heading">Log</h2>
            <LogEntryForm drillId={drill.id} injectId={current?.inject.id ?? null} steps={steps} />
            <DrillLog events={events} steps={steps} editable />
          </section>
        </div>
        <aside className="drill-side" aria-label="Injects and plan steps">
          <section className="card" aria-labelledby="injects-heading">
            <h2 id="injects-heading">Injects</h2>
            <ol className="inject-list">
              {shown.map((s) => (
                <li key={s.inject.id} className="inject-shown" aria-current={s.inject.id === current?.inject.id ? 'step' : undefined}>
                  <span className="inject-time">{formatClock(s.shownAt ?? 0)}</span>
                  <span className="inject-name">
                    <span aria-hidden="true">✓ </span>
                    {s.inject.title}
                    {s.early && <span className="muted"> (early)</span>}
                  </span>
                </li>
              ))}
              {upcoming.map((s) => (
                <li key={s.inject.id} className="inject-upcoming">
                  <span className="inject-time">{formatClock(s.inject.offsetMinutes * 60_000)}</span>
                  <span className="inject-name">
                    <span aria-hidden="true">○ </span>
                    {s.inject.title}
                  </span>
                  <button
                    type="button"
                    className="no-print"
                    aria-label={`Release now: ${s.inject.title}`}
                    onClick={() => void attempt(() => releaseInject(drill.id, s.inject.id))}
                  >
                    Release
                  </button>
                </li>
              ))}
            </ol>
          </section>
          <StepsPanel drill={drill} steps={steps} />
        </aside>
      </div>
      <ConfirmDialog open={ending} title="End the drill?" confirmLabel="End drill" onConfirm={() => void confirmEnd()} onCancel={() => setEnding(false)}>
        <p>The clock stops for good and the hot wash begins: go through the gaps and observations, rate the objectives and turn findings into tasks.</p>
      </ConfirmDialog>
    </div>
  )
}
