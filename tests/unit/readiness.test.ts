import { describe, expect, it } from 'vitest'
import type { FunctionEntry, SupplierEntry } from '../../src/domain/registers'
import type { Plan } from '../../src/domain/model'
import { attentionCount, computeReadiness } from '../../src/domain/readiness'
import { supplierReview } from '../../src/domain/supplier-reviews'
import { makeFunctionEntry, makePlanRow, makeSupplierEntry } from '../support/factories'

const plan = (id: string, over: Partial<Plan> = {}): Plan =>
  makePlanRow({ id, createdAt: '2026-01-10T10:00:00.000Z', updatedAt: '2026-01-10T10:00:00.000Z', ...over })
const supplier = (id: string, over: Partial<SupplierEntry> = {}) => makeSupplierEntry(id, { planId: 'sup', alternative: 'x', exitPlan: 'y', ...over })
const fn = (id: string, over: Partial<FunctionEntry> = {}) => makeFunctionEntry(id, { planId: 'bcp', rto: 60, ...over })
const progress = (done: number, applicable: number) => ({ done, applicable, blocked: 0, total: applicable })
// Midday, so the local date is the same in every time zone the tests run in.
const now = new Date('2026-06-15T12:00:00Z')

describe('readiness figures', () => {
  it('counts completion, overdue items, plans to review and plans to exercise', () => {
    const r = computeReadiness({
      plans: [
        { plan: plan('bcp', { reviewEveryDays: 30 }), progress: progress(1, 4), overdueItems: 2 },
        { plan: plan('irp', { kind: 'incident-response', reviewedAt: '2026-06-01T09:00:00.000Z' }), progress: progress(3, 3), overdueItems: 0 },
        { plan: plan('sup', { kind: 'supplier-review' }), progress: progress(0, 0), overdueItems: 1 },
      ],
      suppliers: [],
      functions: [],
      drills: [
        { status: 'ended', endedAt: '2026-03-01T12:00:00.000Z', planIds: ['irp'] },
        { status: 'ended', endedAt: '2024-03-01T12:00:00.000Z', planIds: ['bcp'] },
        { status: 'running', endedAt: null, planIds: ['bcp'] },
      ],
      now,
    })
    const by = new Map(r.plans.map((p) => [p.plan.id, p]))
    expect(by.get('bcp')).toMatchObject({
      percent: 25,
      overdueItems: 2,
      nextReview: '2026-02-09',
      needsReview: true,
      exercise: { expected: true, last: '2024-03-01', needed: true },
    })
    expect(by.get('irp')).toMatchObject({ percent: 100, needsReview: false, exercise: { expected: true, last: '2026-03-01', needed: false } })
    // Supplier reviews are reviewed, not rehearsed.
    expect(by.get('sup')).toMatchObject({ exercise: { expected: false, last: null, needed: false }, percent: 100 })
    expect(r.totals).toEqual({
      plans: 3,
      completion: 75,
      overdueItems: 3,
      plansNeedingReview: 1,
      plansNeedingExercise: 1,
      suppliersDue: 0,
      functionGaps: 0,
      recoveryConflicts: 0,
    })
    expect(attentionCount(r)).toBe(5)
  })

  it('says a plan never exercised needs a drill, and works with no drills at all', () => {
    const r = computeReadiness({ plans: [{ plan: plan('bcp'), progress: progress(0, 1), overdueItems: 0 }], suppliers: [], functions: [], drills: [], now })
    expect(r.plans[0]?.exercise).toEqual({ expected: true, last: null, lastWasIncident: false, needed: true })
  })

  it('uses the supplier interval, else the plan interval, from the last review or the plan creation', () => {
    const p = plan('sup', { reviewEveryDays: 180, createdAt: '2026-01-01T12:00:00.000Z' })
    expect(supplierReview(supplier('a', { lastReviewed: '2026-05-01', reviewEveryDays: 30 }), p, '2026-06-15')).toMatchObject({
      interval: 30,
      nextReview: '2026-05-31',
      needsReview: true,
    })
    expect(supplierReview(supplier('b', { lastReviewed: '2026-05-01' }), p, '2026-06-15')).toMatchObject({
      interval: 180,
      nextReview: '2026-10-28',
      needsReview: false,
    })
    expect(supplierReview(supplier('c'), p, '2026-06-15')).toMatchObject({ nextReview: '2026-06-30', needsReview: false })
    expect(supplierReview(supplier('d', { reviewEveryDays: 90 }), p, '2026-06-15')).toMatchObject({ nextReview: '2026-04-01', needsReview: true })
  })

  it('lists suppliers past their review date, soonest first, and critical functions with gaps', () => {
    const r = computeReadiness({
      plans: [{ plan: plan('sup', { kind: 'supplier-review', createdAt: '2020-01-01T12:00:00.000Z' }), progress: progress(0, 1), overdueItems: 0 }],
      suppliers: [
        supplier('late', { lastReviewed: '2025-01-01' }),
        supplier('later', { lastReviewed: '2024-01-01' }),
        supplier('fine', { lastReviewed: '2026-06-01' }),
      ],
      functions: [
        fn('ok'),
        fn('noRto', { rto: null }),
        fn('noWork', { workaround: 'none' }),
        fn('minor', { critical: false, impact: 'Low', rto: null, workaround: '' }),
      ],
      drills: [],
      now,
    })
    expect(r.suppliersDue.map((s) => s.supplier.id)).toEqual(['later', 'late'])
    expect(r.functionGaps.map((g) => [g.fn.id, g.noRto, g.noWorkaround])).toEqual([
      ['noRto', true, false],
      ['noWork', false, true],
    ])
    expect(r.totals.suppliersDue).toBe(2)
    expect(r.totals.functionGaps).toBe(2)
  })

  it('lists functions whose RTO is not shorter than their MTPD, critical or not, and counts them for attention', () => {
    const DAY = 24 * 60
    const r = computeReadiness({
      plans: [],
      suppliers: [],
      functions: [
        fn('fine', { rto: 4 * 60, mtpd: 5 * DAY }),
        fn('late', { rto: 7 * DAY, mtpd: 5 * DAY }),
        fn('minor', { critical: false, rto: DAY, mtpd: DAY }),
      ],
      drills: [],
      now,
    })
    expect(r.recoveryConflicts.map((c) => c.fn.id)).toEqual(['late', 'minor'])
    expect(r.recoveryConflicts[0]?.problem).toMatch(/^The RTO \(7d\) is longer than the MTPD \(5d\)/)
    expect(r.totals.recoveryConflicts).toBe(2)
    expect(attentionCount(r)).toBe(2)
  })

  it('never uses another review interval silently: a supplier interval that is not a number of days is said, and the supplier listed', () => {
    const p = plan('sup', { kind: 'supplier-review', reviewEveryDays: 180, createdAt: '2026-06-01T12:00:00.000Z' })
    for (const bad of [-5, 0, 2.5]) {
      const review = supplierReview(supplier('a', { lastReviewed: '2026-06-01', reviewEveryDays: bad }), p, '2026-06-15')
      expect(review).toMatchObject({ interval: 180, nextReview: '2026-11-28', needsReview: false })
      expect(review.intervalProblem).toBe(
        `its own review interval (${bad}) is not a whole number of days from 1; the plan's 180 days are used until it is corrected`,
      )
    }
    expect(supplierReview(supplier('b', { lastReviewed: '2026-06-01', reviewEveryDays: 30 }), p, '2026-06-15').intervalProblem).toBeNull()
    const r = computeReadiness({
      plans: [{ plan: p, progress: progress(0, 1), overdueItems: 0 }],
      suppliers: [supplier('odd', { lastReviewed: '2026-06-01', reviewEveryDays: -5 }), supplier('fine', { lastReviewed: '2026-06-01', reviewEveryDays: 30 })],
      functions: [],
      drills: [],
      now,
    })
    expect(r.suppliersDue.map((s) => s.supplier.id)).toEqual(['odd'])
  })

  it('reads 100% complete with no plans', () => {
    const r = computeReadiness({ plans: [], suppliers: [], functions: [], drills: [], now })
    expect(r.totals.completion).toBe(100)
    expect(attentionCount(r)).toBe(0)
  })
})
