// When a plan was last exercised, in the same words on the home dashboard and the Drills page
// (the rule behind them: domain/exercise-dates.ts).
import { formatDate } from '../domain/dates'
import { EXERCISE_EVERY_MONTHS, type PlanExercise } from '../domain/exercise-dates'

/** The date of the latest drill or incident (saying which), "Never exercised", "…, over 12 months ago" or, where no drill is expected, "not drilled". */
export function ExerciseStatus({ exercise, warnClassName = 'badge badge-overdue' }: { exercise: PlanExercise; warnClassName?: string }) {
  const { last, needed, lastWasIncident } = exercise
  if (last === null && !needed) return <span className="muted">not drilled</span>
  const when =
    last === null ? null : (
      <>
        <time dateTime={last}>{formatDate(last)}</time>
        {lastWasIncident ? ' (used in an incident)' : ''}
      </>
    )
  if (!needed) return when
  return (
    <strong className={warnClassName}>
      <span aria-hidden="true">⚠ </span>
      {when === null ? (
        'Never exercised'
      ) : (
        <>
          {when}, over {EXERCISE_EVERY_MONTHS} months ago
        </>
      )}
    </strong>
  )
}
