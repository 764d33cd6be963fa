import { describe, expect, it } from 'vitest'
import { noticeDeadline, noticeState } from '../../src/domain/supplier-reviews'

const DAY = 24 * 60

describe('notice deadline', () => {
  it('is the contract end less the notice period', () => {
    expect(noticeDeadline('2026-12-31', 90 * DAY)).toBe('2026-10-02')
    expect(noticeDeadline('2026-03-01', 1 * DAY)).toBe('2026-02-28')
    expect(noticeDeadline('2028-03-01', 1 * DAY)).toBe('2028-02-29')
    expect(noticeDeadline('2026-12-31', 0)).toBe('2026-12-31')
  })

  it('counts part of a day as a whole one, so the deadline is never late', () => {
    expect(noticeDeadline('2026-12-31', 12 * 60)).toBe('2026-12-30')
    expect(noticeDeadline('2026-12-31', DAY + 1)).toBe('2026-12-29')
  })

  it('is none without a contract end or a notice period', () => {
    expect(noticeDeadline(null, 30 * DAY)).toBeNull()
    expect(noticeDeadline('2026-12-31', null)).toBeNull()
  })

  it('warns within 60 days, and once it has passed', () => {
    const today = '2026-06-15'
    expect(noticeState('2026-08-14', today)).toBe('soon')
    expect(noticeState('2026-08-15', today)).toBe('later')
    expect(noticeState('2026-06-15', today)).toBe('soon')
    expect(noticeState('2026-06-14', today)).toBe('passed')
    expect(noticeState(null, today)).toBe('none')
  })
})
