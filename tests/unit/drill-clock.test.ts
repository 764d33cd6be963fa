// The drill clock: elapsed time with pauses left out, injects due or released early, the time to
// the next inject, and a reload mid-drill (the stored row is all there is).
import { describe, expect, it } from 'vitest'
import {
  currentInject,
  elapsedMs,
  endDrill,
  formatClock,
  formatElapsedMs,
  injectStates,
  msToNextInject,
  nextInject,
  pauseDrill,
  releaseInject,
  resumeDrill,
  shownInjects,
  startDrill,
} from '../../src/domain/drill-clock'
import { newDrillRow } from '../../src/domain/drill-factory'
import { drillSchema, type Drill } from '../../src/domain/drill-model'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'

const MIN = 60_000
const T0 = Date.parse('2026-03-04T10:00:00.000Z')
let n = 0
const ctx = (now: number) => ({ newId: () => `id-${++n}`, now: new Date(now).toISOString() })

/** A drill of the cloud scenario (injects at 0, 10, 20, 35, 50, 70, 90 min) started at T0. */
function started(): Drill {
  return newDrillRow(ctx(T0), { scenario: cloudDdosScenario, title: 'Cloud drill', planIds: [], facilitator: 'Sam', participants: [] })
}

/** What a reload sees: the row as stored, through a JSON round trip (IndexedDB keeps no functions or state). */
const reload = (d: Drill): Drill => drillSchema.parse(JSON.parse(JSON.stringify(d)))

describe('the drill clock', () => {
  it('counts wall-clock time while running, from zero', () => {
    const d = started()
    expect(d.status).toBe('running')
    expect(elapsedMs(d, T0)).toBe(0)
    expect(elapsedMs(d, T0 + 5 * MIN)).toBe(5 * MIN)
  })

  it('leaves paused time out, and a second pause or resume changes nothing', () => {
    let d = pauseDrill(started(), T0 + 3 * MIN)
    expect(d).toMatchObject({ status: 'paused', elapsedMs: 3 * MIN, runningSince: null })
    expect(elapsedMs(d, T0 + 60 * MIN)).toBe(3 * MIN)
    expect(pauseDrill(d, T0 + 61 * MIN)).toBe(d)
    d = resumeDrill(d, T0 + 30 * MIN)
    expect(d.status).toBe('running')
    expect(resumeDrill(d, T0 + 31 * MIN)).toBe(d)
    expect(elapsedMs(d, T0 + 32 * MIN)).toBe(5 * MIN)
    d = pauseDrill(d, T0 + 40 * MIN)
    d = resumeDrill(d, T0 + 50 * MIN)
    expect(elapsedMs(d, T0 + 51 * MIN)).toBe(14 * MIN)
  })

  it('continues where it was after a reload, running or paused', () => {
    const running = reload(started())
    expect(elapsedMs(running, T0 + 12 * MIN)).toBe(12 * MIN)
    expect(currentInject(running, T0 + 12 * MIN)?.inject.id).toBe('cloud-ddos-2')

    const paused = reload(pauseDrill(started(), T0 + 12 * MIN))
    // The laptop lid stayed closed for an hour while paused: none of it counts.
    expect(elapsedMs(paused, T0 + 72 * MIN)).toBe(12 * MIN)
    const resumed = reload(resumeDrill(paused, T0 + 72 * MIN))
    expect(elapsedMs(resumed, T0 + 80 * MIN)).toBe(20 * MIN)
    expect(currentInject(resumed, T0 + 80 * MIN)?.inject.id).toBe('cloud-ddos-3')
  })

  it('counts a clock that went backwards as no time', () => {
    expect(elapsedMs(started(), T0 - 5 * MIN)).toBe(0)
  })

  it('shows injects when their time comes and gives the time to the next', () => {
    const d = started()
    expect(shownInjects(d, T0).map((s) => s.inject.id)).toEqual(['cloud-ddos-1'])
    expect(nextInject(d, T0)?.id).toBe('cloud-ddos-2')
    expect(msToNextInject(d, T0 + 4 * MIN)).toBe(6 * MIN)
    expect(shownInjects(d, T0 + 10 * MIN).map((s) => s.shownAt)).toEqual([0, 10 * MIN])
    expect(msToNextInject(d, T0 + 95 * MIN)).toBeNull()
    expect(nextInject(d, T0 + 95 * MIN)).toBeNull()
  })

  it('releases an inject early, records when, and moves the next one on', () => {
    let d = releaseInject(started(), 'cloud-ddos-2', T0 + 4 * MIN)
    expect(d.released).toEqual([{ injectId: 'cloud-ddos-2', atMs: 4 * MIN }])
    const current = currentInject(d, T0 + 5 * MIN)
    expect(current).toMatchObject({ shownAt: 4 * MIN, early: true })
    expect(current?.inject.id).toBe('cloud-ddos-2')
    expect(nextInject(d, T0 + 5 * MIN)?.id).toBe('cloud-ddos-3')
    expect(msToNextInject(d, T0 + 5 * MIN)).toBe(15 * MIN)
    // Releasing it again, or one already shown, changes nothing.
    expect(releaseInject(d, 'cloud-ddos-2', T0 + 6 * MIN)).toBe(d)
    expect(releaseInject(d, 'cloud-ddos-1', T0 + 6 * MIN)).toBe(d)
    expect(releaseInject(d, 'no-such-inject', T0 + 6 * MIN)).toBe(d)
    // Out of order: the 4th inject released before the 3rd is shown after the 2nd, and the 3rd is still next.
    d = releaseInject(d, 'cloud-ddos-4', T0 + 7 * MIN)
    expect(shownInjects(d, T0 + 8 * MIN).map((s) => s.inject.id)).toEqual(['cloud-ddos-1', 'cloud-ddos-2', 'cloud-ddos-4'])
    expect(nextInject(d, T0 + 8 * MIN)?.id).toBe('cloud-ddos-3')
    expect(injectStates(d, T0 + 8 * MIN)).toHaveLength(7)
    // Releases survive a reload.
    expect(currentInject(reload(d), T0 + 8 * MIN)?.inject.id).toBe('cloud-ddos-4')
  })

  it('releases early while paused, at the paused time', () => {
    const d = releaseInject(pauseDrill(started(), T0 + 2 * MIN), 'cloud-ddos-2', T0 + 9 * MIN)
    expect(d.released).toEqual([{ injectId: 'cloud-ddos-2', atMs: 2 * MIN }])
  })

  it('ends: the clock stops for good and nothing more is released', () => {
    const d = endDrill(pauseDrill(resumeDrill(pauseDrill(started(), T0 + 10 * MIN), T0 + 20 * MIN), T0 + 25 * MIN), T0 + 40 * MIN)
    expect(d).toMatchObject({ status: 'ended', elapsedMs: 15 * MIN, runningSince: null, endedAt: new Date(T0 + 40 * MIN).toISOString() })
    expect(elapsedMs(d, T0 + 500 * MIN)).toBe(15 * MIN)
    expect(releaseInject(d, 'cloud-ddos-5', T0 + 41 * MIN)).toBe(d)
    expect(resumeDrill(d, T0 + 41 * MIN)).toBe(d)
    expect(endDrill(d, T0 + 42 * MIN)).toBe(d)
  })

  it('starts a planned drill from zero at the moment it starts', () => {
    const planned = newDrillRow(ctx(T0), {
      scenario: cloudDdosScenario,
      title: '',
      planIds: [],
      facilitator: '',
      participants: [],
      plannedFor: '2026-04-01T09:00:00.000Z',
    })
    expect(planned).toMatchObject({ status: 'planned', runningSince: null, title: cloudDdosScenario.title })
    expect(pauseDrill(planned, T0)).toBe(planned)
    expect(releaseInject(planned, 'cloud-ddos-2', T0)).toBe(planned)
    const later = Date.parse('2026-04-01T09:05:00.000Z')
    const d = startDrill(planned, later)
    expect(d).toMatchObject({ status: 'running', startedAt: new Date(later).toISOString(), elapsedMs: 0 })
    expect(elapsedMs(d, later + MIN)).toBe(MIN)
    expect(drillSchema.safeParse(d).success).toBe(true)
  })

  it('reads as a clock and as a duration', () => {
    expect(formatClock(0)).toBe('00:00')
    expect(formatClock(65_999)).toBe('01:05')
    expect(formatClock(3_725_000)).toBe('1:02:05')
    expect(formatElapsedMs(30_000)).toBe('under a minute')
    expect(formatElapsedMs(40 * MIN)).toBe('40 min')
    expect(formatElapsedMs(120 * MIN)).toBe('2 h')
    expect(formatElapsedMs(85 * MIN)).toBe('1 h 25 min')
  })
})
