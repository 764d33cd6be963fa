// The facilitator's card for one inject: what happens, what the players are told, the questions to
// ask, and the plan steps the team is expected to reach for (one click ticks a matching step used).
import { setStepUsed } from '../../db/drill-repository'
import { type PlanSteps } from '../../db/plan-steps'
import { formatClock } from '../../domain/drill-clock'
import { matchStep } from '../../domain/drill-findings'
import type { Drill, Inject } from '../../domain/drill-model'
import { attempt } from '../../ui/errors'

interface Props {
  drill: Drill
  inject: Inject
  shownAt: number | null
  early?: boolean
  steps: PlanSteps[]
  heading?: string
}

export function InjectCard({ drill, inject, shownAt, early, steps, heading = 'Current inject' }: Props) {
  const items = steps.flatMap((p) => p.sections.flatMap((s) => s.items))
  return (
    <section className="card inject-card" aria-labelledby={`inject-${inject.id}`} data-testid="inject-card">
      <p className="muted inject-when">
        {heading} · due at {formatClock(inject.offsetMinutes * 60_000)}
        {shownAt !== null && early && `, released early at ${formatClock(shownAt)}`}
      </p>
      <h2 id={`inject-${inject.id}`}>{inject.title}</h2>
      {inject.happens && (
        <p>
          <strong>What happens:</strong> {inject.happens}
        </p>
      )}
      {inject.playersTold && (
        <p className="players-told">
          <strong>Players are told:</strong> {inject.playersTold}
        </p>
      )}
      {inject.questions.length > 0 && (
        <>
          <h3>Discussion questions</h3>
          <ol className="questions">
            {inject.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ol>
        </>
      )}
      {inject.expectedSteps.length > 0 && (
        <>
          <h3>Plan steps the team should reach for</h3>
          <ul className="expected-steps">
            {inject.expectedSteps.map((step) => {
              const matches = matchStep(step, items)
              return (
                <li key={step}>
                  {step}
                  {matches.map((item) => {
                    const used = drill.stepsUsed.includes(item.id)
                    return (
                      <button
                        key={item.id}
                        type="button"
                        className="step-chip no-print"
                        aria-pressed={used}
                        aria-label={`Used: ${item.text}`}
                        onClick={() => void attempt(() => setStepUsed(drill.id, item.id, !used))}
                      >
                        <span aria-hidden="true">{used ? '✓' : '○'}</span> {used ? 'Used' : 'Mark used'}
                        {item.text.trim().toLowerCase() !== step.trim().toLowerCase() && `: ${item.text}`}
                      </button>
                    )
                  })}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
