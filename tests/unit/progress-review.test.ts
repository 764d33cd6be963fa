import { describe, expect, it } from 'vitest'
import { percent, progressOf } from '../../src/domain/progress'
import { isItemOverdue, isReviewOverdue, nextReviewDate } from '../../src/domain/review'

describe('progress', () => {
  it('counts done over applicable items, ignoring not-applicable ones', () => {
    const p = progressOf([{ status: 'done' }, { status: 'open' }, { status: 'not-applicable' }, { status: 'blocked' }])
    expect(p).toEqual({ done: 1, applicable: 3, blocked: 1, total: 4 })
    expect(percent(p)).toBe(33)
  })
  it('treats a section with nothing applicable as complete', () => {
    expect(percent(progressOf([{ status: 'not-applicable' }]))).toBe(100)
  })
})

describe('review cadence', () => {
  const plan = { createdAt: '2026-01-10T09:00:00.000Z', reviewedAt: null, reviewEveryDays: 30 }
  it('counts the interval from creation until the first review', () => {
    expect(nextReviewDate(plan)).toBe('2026-02-09')
    expect(isReviewOverdue(plan, new Date(2026, 1, 9, 12))).toBe(false)
    expect(isReviewOverdue(plan, new Date(2026, 1, 10, 12))).toBe(true)
  })
  it('counts from the last review once there is one', () => {
    const reviewed = { ...plan, reviewedAt: '2026-03-01T09:00:00.000Z' }
    expect(nextReviewDate(reviewed)).toBe('2026-03-31')
    expect(isReviewOverdue(reviewed, new Date(2026, 2, 15))).toBe(false)
  })
  it('marks open and blocked items with a past due date as overdue, not done ones', () => {
    const now = new Date(2026, 10, 28)
    expect(isItemOverdue({ due: '2026-11-27', status: 'open' }, now)).toBe(true)
    expect(isItemOverdue({ due: '2026-11-27', status: 'blocked' }, now)).toBe(true)
    expect(isItemOverdue({ due: '2026-11-27', status: 'done' }, now)).toBe(false)
    expect(isItemOverdue({ due: '2026-11-28', status: 'open' }, now)).toBe(false)
    expect(isItemOverdue({ due: null, status: 'open' }, now)).toBe(false)
  })
})
