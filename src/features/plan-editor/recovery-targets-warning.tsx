// An impact analysis row whose RTO is not shorter than its MTPD says so, in words, beside its
// fields and on its summary line. Only said: typing one figure before the other is never blocked.
import type { Item } from '../../domain/model'
import { recoveryTargetsProblem } from '../../domain/recovery-targets'
import './recovery-targets.css'

/** The full words, under the row's fields while it is open. */
export function RecoveryTargetsWarning({ values }: { values: Item['values'] }) {
  const problem = recoveryTargetsProblem(values.rto, values.mtpd)
  return (
    // Always present, so that a screen reader hears the words when they appear. Under the fields, not among them.
    <p className="targets-warning" role="status" data-testid="targets-warning">
      {problem && (
        <>
          <span aria-hidden="true">⚠ </span>
          {problem}
        </>
      )}
    </p>
  )
}

/** The short form, among the facts of the row's summary line. */
export function RecoveryTargetsFact({ values }: { values: Item['values'] }) {
  return recoveryTargetsProblem(values.rto, values.mtpd) === null ? null : (
    <span className="fact overdue">
      <span aria-hidden="true">⚠ </span>RTO not shorter than MTPD
    </span>
  )
}
