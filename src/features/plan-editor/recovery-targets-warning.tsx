// An impact analysis row whose RTO is not shorter than its MTPD says so, in words, beside its
// fields and on its summary line. Only said: typing one figure before the other is never blocked.
import type { Item } from '../../domain/model'
import { recoveryTargetsProblem } from '../../domain/recovery-targets'
import './recovery-targets.css'

/** The full words, among the row's fields while it is open (right after the RTO and MTPD). */
export function RecoveryTargetsWarning({ values }: { values: Item['values'] }) {
  const problem = recoveryTargetsProblem(values.rto, values.mtpd)
  // Announced when it appears, as a field's own error is; it never stops the typing.
  return problem === null ? null : (
    <p className="targets-warning" role="alert" data-testid="targets-warning">
      <span aria-hidden="true">⚠ </span>
      {problem}
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
