// An RTO that is not shorter than its MTPD is said in words, and only then.
import { describe, expect, it } from 'vitest'
import { recoveryTargetsProblem } from '../../src/domain/recovery-targets'

const DAY = 24 * 60

describe('RTO against MTPD', () => {
  it('says when the RTO is longer than the MTPD, with both figures', () => {
    expect(recoveryTargetsProblem(7 * DAY, 5 * DAY)).toBe(
      'The RTO (7d) is longer than the MTPD (5d): the function would be back only when the disruption is no longer tolerable. Make the RTO shorter than the MTPD, or correct the MTPD.',
    )
  })

  it('says when they are the same, since the RTO must be shorter', () => {
    expect(recoveryTargetsProblem(2 * DAY, 2 * DAY)).toMatch(/^The RTO \(2d\) is the same as the MTPD \(2d\)/)
  })

  it('says nothing when the RTO is shorter, or while either is missing', () => {
    expect(recoveryTargetsProblem(4 * 60, 5 * DAY)).toBeNull()
    expect(recoveryTargetsProblem(7 * DAY, null)).toBeNull()
    expect(recoveryTargetsProblem(undefined, 5 * DAY)).toBeNull()
    expect(recoveryTargetsProblem('7d', 5 * DAY)).toBeNull()
  })
})
