// The exercised plans' steps, to tick as "used" while the drill runs.
import { useEffect, useState } from 'react'
import { setStepUsed } from '../../db/drill-repository'
import { type PlanSteps } from '../../db/plan-steps'
import type { Drill } from '../../domain/drill-model'
import type { Item } from '../../domain/model'
import { attempt } from '../../ui/errors'

/** A step's "used" box: it answers at once; the stored state takes over when the write lands. */
function StepCheck({ drillId, item, used }: { drillId: string; item: Item; used: boolean }) {
  const [optimistic, setOptimistic] = useState<boolean | null>(null)
  useEffect(() => setOptimistic(null), [used])
  const toggle = async (next: boolean) => {
    setOptimistic(next)
    const saved = await attempt(() => setStepUsed(drillId, item.id, next))
    if (!saved) setOptimistic(null)
  }
  return (
    <label className="check step">
      <input type="checkbox" checked={optimistic ?? used} onChange={(e) => void toggle(e.target.checked)} />
      <span>{item.text}</span>
    </label>
  )
}

export function StepsPanel({ drill, steps }: { drill: Drill; steps: PlanSteps[] }) {
  const used = new Set(drill.stepsUsed)
  if (steps.length === 0) {
    return (
      <section className="card steps-panel" aria-labelledby="steps-heading">
        <h2 id="steps-heading">Plan steps</h2>
        <p className="muted">This drill exercises no plan. Findings can still become tasks in any plan at the hot wash.</p>
      </section>
    )
  }
  return (
    <section className="card steps-panel" aria-labelledby="steps-heading">
      <h2 id="steps-heading">
        Plan steps used <span className="muted">({drill.stepsUsed.length})</span>
      </h2>
      {steps.map(({ plan, sections }) => (
        <details key={plan.id} className="steps-plan" open={steps.length === 1}>
          <summary>{plan.title}</summary>
          {sections.map(
            ({ section, items }) =>
              items.length > 0 && (
                <fieldset key={section.id} className="steps-section">
                  <legend>{section.title}</legend>
                  {items.map((item) => (
                    <StepCheck key={item.id} drillId={drill.id} item={item} used={used.has(item.id)} />
                  ))}
                </fieldset>
              ),
          )}
        </details>
      ))}
    </section>
  )
}
