// The one definition of "exercised" that the home dashboard and the Drills page both show.
import { describe, expect, it } from 'vitest'
import { exerciseReader, lastExercisedByPlan, monthsBefore, type DrillFacts } from '../../src/domain/exercise-dates'
import type { Plan } from '../../src/domain/model'

// Midday, so the local date is the same in every time zone the tests run in.
const now = new Date('2026-06-15T12:00:00Z')
const ended = (endedAt: string, planIds: string[], over: Partial<DrillFacts> = {}): DrillFacts => ({ status: 'ended', endedAt, planIds, ...over })
const plan = (id: string, kind: Plan['kind'], status: Plan['status'] = 'active') => ({ id, kind, status })

describe('when a plan was last exercised', () => {
  it('is the latest end of a drill that included it; drills not yet ended do not count', () => {
    const last = lastExercisedByPlan([
      ended('2026-01-10T12:00:00.000Z', ['p1', 'p2']),
      ended('2026-02-10T12:00:00.000Z', ['p1']),
      { status: 'running', endedAt: null, planIds: ['p3'] },
      { status: 'paused', endedAt: null, planIds: ['p3'] },
      { status: 'planned', endedAt: null, planIds: ['p2'] },
    ])
    expect(Object.fromEntries(last)).toEqual({
      p1: { at: '2026-02-10T12:00:00.000Z', incident: false },
      p2: { at: '2026-01-10T12:00:00.000Z', incident: false },
    })
  })

  it('leaves out a drill in the trash and an incident still open; a closed incident counts as the plan used', () => {
    const last = lastExercisedByPlan([
      ended('2026-03-01T12:00:00.000Z', ['p1'], { deletedAt: '2026-03-02T12:00:00.000Z' }),
      { status: 'running', endedAt: null, planIds: ['p1'], mode: 'incident' },
      ended('2026-01-01T12:00:00.000Z', ['p1'], { deletedAt: null, mode: 'drill' }),
      ended('2026-02-01T12:00:00.000Z', ['p2'], { mode: 'incident' }),
      ended('2026-01-01T12:00:00.000Z', ['p2'], { mode: 'drill' }),
    ])
    expect(Object.fromEntries(last)).toEqual({
      p1: { at: '2026-01-01T12:00:00.000Z', incident: false },
      p2: { at: '2026-02-01T12:00:00.000Z', incident: true },
    })
  })

  it('counts 12 months back by the calendar', () => {
    expect(monthsBefore('2026-06-15', 12)).toBe('2025-06-15')
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28')
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28')
  })
})

describe('whether a plan needs a drill', () => {
  it('before any drill: only live incident response and continuity plans are "never exercised"', () => {
    const of = exerciseReader([], now)
    expect(of(plan('irp', 'incident-response'))).toEqual({ expected: true, last: null, lastWasIncident: false, needed: true })
    expect(of(plan('bcp', 'continuity', 'draft'))).toEqual({ expected: true, last: null, lastWasIncident: false, needed: true })
    expect(of(plan('old', 'continuity', 'retired'))).toEqual({ expected: false, last: null, lastWasIncident: false, needed: false })
    for (const kind of ['supplier-review', 'drill-programme', 'custom'] as const)
      expect(of(plan(kind, kind))).toEqual({ expected: false, last: null, lastWasIncident: false, needed: false })
  })

  it('after a drill today every plan it included shows today, whatever its kind', () => {
    const of = exerciseReader([ended('2026-06-15T09:30:00.000Z', ['bcp', 'sup'])], now)
    expect(of(plan('bcp', 'continuity'))).toEqual({ expected: true, last: '2026-06-15', lastWasIncident: false, needed: false })
    expect(of(plan('sup', 'supplier-review'))).toEqual({ expected: false, last: '2026-06-15', lastWasIncident: false, needed: false })
  })

  it('a plan last exercised more than 12 months ago needs a drill again; one exercised exactly 12 months ago does not yet', () => {
    const of = exerciseReader([ended('2025-06-14T12:00:00.000Z', ['old']), ended('2025-06-15T12:00:00.000Z', ['edge'])], now)
    expect(of(plan('old', 'continuity'))).toEqual({ expected: true, last: '2025-06-14', lastWasIncident: false, needed: true })
    expect(of(plan('edge', 'continuity'))).toEqual({ expected: true, last: '2025-06-15', lastWasIncident: false, needed: false })
  })
})
