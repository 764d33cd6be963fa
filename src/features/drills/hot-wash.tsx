// The hot wash, right after the drill ends: the scenario's hot-wash questions, the gaps and
// observations (each can become actions in a plan), and a rating for each objective.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useState } from 'react'
import { Link } from 'wouter'
import { listFindingActions } from '../../db/finding-repository'
import { rateObjective } from '../../db/drill-repository'
import { type PlanSteps } from '../../db/plan-steps'
import { listPlans } from '../../db/plan-queries'
import { formatElapsedMs } from '../../domain/drill-clock'
import { isFinding } from '../../domain/drill-findings'
import { RATINGS, type Drill, type DrillEvent, type Rating } from '../../domain/drill-model'
import { LIMITS } from '../../domain/limits'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'
import { DrillLog } from './drill-log'
import { FindingCard } from './finding-actions'
import { LogEntryForm } from './log-entry-form'
import { href } from '../../ui/routes'
import { DrillStatusBadge, RATING_LABELS } from '../../entities/drill'

function ObjectiveRating({ drill, index }: { drill: Drill; index: number }) {
  const id = useId()
  const r = drill.ratings[index]
  // The choice answers at once; the stored rating takes over when the write lands.
  const [optimistic, setOptimistic] = useState<Rating | null>(null)
  const storedRating = r?.rating ?? null
  useEffect(() => setOptimistic(null), [storedRating])
  if (!r) return null
  const chosen = optimistic ?? r.rating
  const rate = async (rating: Rating) => {
    setOptimistic(rating)
    const saved = await attempt(() => rateObjective(drill.id, index, { rating }))
    if (!saved) setOptimistic(null)
  }
  return (
    <li className="objective" data-testid="objective">
      <fieldset>
        <legend id={id}>{r.objective}</legend>
        <div className="rating-choices">
          {RATINGS.map((rating) => (
            <label key={rating} className={`check rating-choice${chosen === rating ? ' chosen' : ''}`}>
              <input type="radio" name={id} checked={chosen === rating} onChange={() => void rate(rating)} />
              <span aria-hidden="true">{RATING_LABELS[rating].icon}</span> {RATING_LABELS[rating].text}
            </label>
          ))}
        </div>
        <DraftField
          label={`Note on: ${r.objective}`}
          hideLabel
          placeholder="Why this rating (optional)"
          value={r.note}
          maxLength={LIMITS.longText}
          target={{ kind: 'rating-note', id: drill.id, index }}
        />
      </fieldset>
    </li>
  )
}

const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

export function HotWash({ drill, events, steps }: { drill: Drill; events: readonly DrillEvent[]; steps: PlanSteps[] }) {
  const plans = useLiveQuery(listPlans)
  const actions = useLiveQuery(() => listFindingActions(drill.id), [drill.id])
  const findings = events.filter(isFinding)
  const defaultPlanId = drill.planIds.find((id) => plans?.some((p) => p.id === id)) ?? null
  const rated = drill.ratings.filter((r) => r.rating !== null).length

  return (
    <div className="hot-wash">
      <header className="drill-head card">
        <div className="drill-title-row">
          <h1>Hot wash: {drill.title}</h1>
          <DrillStatusBadge status={drill.status} />
        </div>
        <p className="muted">
          Ran for {formatElapsedMs(drill.elapsedMs)}. {count(findings.length, 'finding')}, {count(actions?.length ?? 0, 'action')}, {rated} of{' '}
          {count(drill.ratings.length, 'objective')} rated.
        </p>
        <span className="button-row">
          <Link href={href.drillReport(drill.id)} className="button-link primary">
            After-action report
          </Link>
          <Link href={href.drills()} className="button-link">
            All drills
          </Link>
        </span>
      </header>

      <div className="drill-grid">
        <div className="drill-main">
          <section className="card" aria-labelledby="findings-heading">
            <h2 id="findings-heading">Findings and actions</h2>
            <p className="muted">
              Go through each gap and observation. Turn each into an action with one owner and a due date; it becomes a task in the plan you choose and points
              back to this drill.
            </p>
            {findings.length === 0 ? (
              <p className="empty">No gaps or observations were logged. Add what the team raises now.</p>
            ) : (
              <ol className="findings">
                {findings.map((e) => (
                  <FindingCard
                    key={e.id}
                    event={e}
                    actions={(actions ?? []).filter((a) => a.item.source?.id === e.id)}
                    plans={plans ?? []}
                    defaultPlanId={defaultPlanId}
                  />
                ))}
              </ol>
            )}
            <h3>Add a finding</h3>
            <LogEntryForm drillId={drill.id} injectId={null} steps={[]} initialType="gap" label="New finding" />
          </section>
          <section className="card" aria-labelledby="objectives-heading">
            <h2 id="objectives-heading">Objectives</h2>
            {drill.ratings.length === 0 ? (
              <p className="muted">This scenario has no objectives to rate.</p>
            ) : (
              <ol className="objectives">
                {drill.ratings.map((r, i) => (
                  <ObjectiveRating key={`${i}-${r.objective}`} drill={drill} index={i} />
                ))}
              </ol>
            )}
          </section>
        </div>
        <aside className="drill-side">
          <section className="card" aria-labelledby="questions-heading">
            <h2 id="questions-heading">Hot-wash questions</h2>
            {(drill.scenario?.hotWash ?? []).length === 0 ? (
              <p className="muted">None written for this scenario.</p>
            ) : (
              <ol className="questions">
                {(drill.scenario?.hotWash ?? []).map((q) => (
                  <li key={q}>{q}</li>
                ))}
              </ol>
            )}
          </section>
          <section className="card" aria-labelledby="whole-log-heading">
            <h2 id="whole-log-heading">Whole log</h2>
            <DrillLog events={events} steps={steps} editable={false} />
          </section>
        </aside>
      </div>
    </div>
  )
}
