// The exercised plans' steps, to tick as "used" while the drill runs.
import { setStepUsed, type PlanSteps } from '../../db/drill-repository'
import type { Drill } from '../../domain/drill-model'
import { attempt } from '../../ui/errors'

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
      <h2 id="steps-heading">Plan steps used <span className="muted">({drill.stepsUsed.length})</span></h2>
      {steps.map(({ plan, sections }) => (
        <details key={plan.id} className="steps-plan" open={steps.length === 1}>
          <summary>{plan.title}</summary>
          {sections.map(({ section, items }) => items.length > 0 && (
            <fieldset key={section.id} className="steps-section">
              <legend>{section.title}</legend>
              {items.map((item) => (
                <label key={item.id} className="check step">
                  <input type="checkbox" checked={used.has(item.id)} onChange={(e) => void attempt(() => setStepUsed(drill.id, item.id, e.target.checked))} />
                  <span>{item.text}</span>
                </label>
              ))}
            </fieldset>
          ))}
        </details>
      ))}
    </section>
  )
}
