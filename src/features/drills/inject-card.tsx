// The facilitator's card for one inject: what happens, what the players are told, the questions to
// ask, and the plan steps the team is expected to reach for: the plan items they were matched to
// when the drill started, by id and under their current names (one click ticks one used), or the
// scenario's words where nothing matched, saying so.
import { setStepUsed } from '../../db/drill-repository'
import { type PlanSteps } from '../../db/plan-steps'
import { formatClock } from '../../domain/drill-clock'
import type { Drill, Inject } from '../../domain/drill-model'
import type { Item } from '../../domain/model'
import { expectedSteps } from '../../domain/step-matches'
import { attempt } from '../../ui/errors'

interface Props {
  drill: Drill
  inject: Inject
  shownAt: number | null
  early?: boolean
  steps: PlanSteps[]
  heading?: string
}

const sameWords = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

/** One click ticks (or unticks) the step as used; `named` adds the item's name to the button. */
function UsedChip({ drill, item, name, named = false }: { drill: Drill; item: Pick<Item, 'id'>; name: string; named?: boolean }) {
  const used = drill.stepsUsed.includes(item.id)
  return (
    <button
      type="button"
      className="step-chip no-print"
      aria-pressed={used}
      aria-label={`Used: ${name}`}
      onClick={() => void attempt(() => setStepUsed(drill.id, item.id, !used))}
    >
      <span aria-hidden="true">{used ? '✓' : '○'}</span> {used ? 'Used' : 'Mark used'}
      {named && `: ${name}`}
    </button>
  )
}

export function InjectCard({ drill, inject, shownAt, early, steps, heading = 'Current inject' }: Props) {
  const items = steps.flatMap((p) => p.sections.flatMap((s) => s.items))
  const planOf = new Map(steps.flatMap((p) => p.sections.flatMap((s) => s.items.map((i) => [i.id, p.plan.title] as const))))
  // Items of the same name in two plans are told apart by their plan.
  const names = (matched: readonly Pick<Item, 'id' | 'text'>[]) => {
    const twice = matched.some((a, n) => matched.some((b, m) => m !== n && sameWords(a.text, b.text)))
    return new Map(matched.map((i) => [i.id, twice ? `${i.text} (${planOf.get(i.id) ?? ''})` : i.text]))
  }
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
            {expectedSteps(drill.stepMatches, inject, items).map((step, index) => {
              const name = step.kind === 'not-found' ? new Map<string, string>() : names(step.items)
              return (
                <li key={index}>
                  {step.kind === 'not-found' ? (
                    <>
                      {step.words}{' '}
                      <span className="muted step-missing">
                        — {step.removed ? 'no longer in the plans' : 'not found in the plans'}; tick a step by hand under Plan steps
                      </span>
                    </>
                  ) : step.kind === 'items' ? (
                    <>
                      {step.items.map((item) => (
                        <span key={item.id} className="step-match">
                          {name.get(item.id)} <UsedChip drill={drill} item={item} name={name.get(item.id) ?? item.text} />
                        </span>
                      ))}
                      {step.items.every((item) => !sameWords(item.text, step.words)) && (
                        <span className="muted step-words"> (the scenario says: {step.words})</span>
                      )}
                    </>
                  ) : (
                    <>
                      {step.words}
                      {step.items.map((item) => (
                        <UsedChip key={item.id} drill={drill} item={item} name={name.get(item.id) ?? item.text} named={!sameWords(item.text, step.words)} />
                      ))}
                    </>
                  )}
                </li>
              )
            })}
          </ul>
        </>
      )}
    </section>
  )
}
