// The response steps of the chosen plans, by phase (deciding to invoke, first hour, first day…) and
// with the role that does each; ticking one records it done with the time and who, in the log too.
import { useEffect, useState } from 'react'
import { setStepDone } from '../../db/incident-repository'
import type { PlanSteps } from '../../db/plan-steps'
import { formatClock } from '../../domain/drill-clock'
import type { DrillEvent } from '../../domain/drill-model'
import { tickedBy, type IncidentRun } from '../../domain/incident'
import type { Item } from '../../domain/model'
import { PHASE_LABELS, PHASES, type Phase } from '../../domain/vocabulary'
import { attempt } from '../../ui/errors'

/** When a step was ticked done and by whom, from its last log entry. */
function doneFacts(item: Item, events: readonly DrillEvent[]): { at: number; who: string } | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]
    const who = e && e.itemId === item.id && e.type === 'action' ? tickedBy(e, item.text) : null
    if (e && who !== null) return { at: e.at, who }
  }
  return null
}

interface StepRowProps {
  incident: IncidentRun
  item: Item
  done: boolean
  events: readonly DrillEvent[]
  who: string
  /** The plan the step is in, named when several plans apply. */
  planTitle: string | null
}

function StepRow({ incident, item, done, events, who, planTitle }: StepRowProps) {
  const [optimistic, setOptimistic] = useState<boolean | null>(null)
  useEffect(() => setOptimistic(null), [done])
  const facts = done ? doneFacts(item, events) : null
  const toggle = async (next: boolean) => {
    setOptimistic(next)
    const saved = await attempt(async () => {
      await setStepDone(incident.id, item, next, who)
      return true
    })
    if (!saved) setOptimistic(null)
  }
  return (
    <li className={done ? 'incident-step step-done' : 'incident-step'} data-testid="incident-step">
      <label className="check">
        <input type="checkbox" checked={optimistic ?? done} disabled={incident.status !== 'running'} onChange={(e) => void toggle(e.target.checked)} />
        <span>{item.text}</span>
      </label>
      <span className="step-meta muted">
        {item.role && <span className="step-role">{item.role}</span>}
        {planTitle && <span className="step-plan">{planTitle}</span>}
        {facts && (
          <span className="step-when">
            <span aria-hidden="true">✓ </span>
            Done at {formatClock(facts.at)}
            {facts.who && ` by ${facts.who}`}
          </span>
        )}
      </span>
    </li>
  )
}

export function IncidentSteps({
  incident,
  steps,
  events,
  who,
}: {
  incident: IncidentRun
  steps: readonly PlanSteps[]
  events: readonly DrillEvent[]
  who: string
}) {
  const all = steps.flatMap((p) => p.sections.flatMap((s) => s.items.filter((i) => i.kind === 'step' && i.status !== 'not-applicable')))
  const done = new Set(incident.stepsUsed)
  const planTitles = new Map(steps.map((p) => [p.plan.id, p.plan.title]))
  const groups: { phase: Phase | null; items: Item[] }[] = [...PHASES, null].map((phase) => ({ phase, items: all.filter((i) => i.phase === phase) }))
  return (
    <section className="card incident-steps" aria-labelledby="steps-heading">
      <h2 id="steps-heading">
        Response steps{' '}
        <span className="muted">
          ({all.filter((i) => done.has(i.id)).length} of {all.length} done)
        </span>
      </h2>
      {all.length === 0 ? (
        <p className="muted">
          {steps.length === 0
            ? 'No plan applies to this incident: the log and the clock still run.'
            : 'The plans that apply have no response steps. In a plan, mark what to do on the day as a response step, with its phase and role.'}
        </p>
      ) : (
        groups
          .filter((g) => g.items.length > 0)
          .map((g) => (
            <div key={g.phase ?? 'none'} className="step-phase">
              <h3>{g.phase ? PHASE_LABELS[g.phase] : 'Other steps'}</h3>
              <ul className="plain-list">
                {g.items.map((item) => (
                  <StepRow
                    key={item.id}
                    incident={incident}
                    item={item}
                    done={done.has(item.id)}
                    events={events}
                    who={who}
                    planTitle={steps.length > 1 ? (planTitles.get(item.planId) ?? null) : null}
                  />
                ))}
              </ul>
            </div>
          ))
      )}
    </section>
  )
}
