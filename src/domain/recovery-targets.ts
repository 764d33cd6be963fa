// Recovery targets that contradict each other. The RTO (by when a function must run again) has to
// be shorter than its MTPD (after which the disruption can no longer be tolerated): otherwise the
// plan aims to recover only once it is already too late (ISO 22317). Said, never enforced: either
// figure may be the one to correct, and typing one before the other must stay possible.
import { formatMinutes } from './duration'
import type { FieldValue } from './model'

const minutes = (v: FieldValue | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null)

/**
 * Why an impact analysis row's RTO and MTPD (minutes, as stored under the field ids 'rto' and
 * 'mtpd') contradict each other, in words, or null when they do not or one of them is missing.
 */
export function recoveryTargetsProblem(rto: FieldValue | undefined, mtpd: FieldValue | undefined): string | null {
  const r = minutes(rto)
  const m = minutes(mtpd)
  if (r === null || m === null || r < m) return null
  const said = `The RTO (${formatMinutes(r)}) is ${r === m ? 'the same as' : 'longer than'} the MTPD (${formatMinutes(m)})`
  return `${said}: the function would be back only when the disruption is no longer tolerable. Make the RTO shorter than the MTPD, or correct the MTPD.`
}
