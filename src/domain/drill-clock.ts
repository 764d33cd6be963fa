// The drill clock, as pure functions of the stored drill and the current time. Only the facts are
// stored (time run before the current run, when the current run began, when injects were released
// early); the ticking value is always computed, so a reload, a crash or a closed lid loses nothing
// and paused time never counts.
import type { Drill, Inject } from './drill-model'

const MINUTE = 60_000

const toIso = (ms: number): string => new Date(ms).toISOString()

/** Drill time in ms at wall-clock time `now` (ms). A clock that went backwards counts as no time. */
export function elapsedMs(drill: Pick<Drill, 'elapsedMs' | 'runningSince'>, now: number): number {
  if (drill.runningSince === null) return drill.elapsedMs
  return drill.elapsedMs + Math.max(0, now - Date.parse(drill.runningSince))
}

/** Starts a planned drill: the clock runs from zero, and the start date becomes now. */
export function startDrill(drill: Drill, now: number): Drill {
  if (drill.status !== 'planned') return drill
  const at = toIso(now)
  return { ...drill, status: 'running', startedAt: at, elapsedMs: 0, runningSince: at, updatedAt: at }
}

/** Folds the running time into elapsedMs and stops the clock. Pausing a paused drill changes nothing. */
export function pauseDrill(drill: Drill, now: number): Drill {
  if (drill.status !== 'running') return drill
  return { ...drill, status: 'paused', elapsedMs: elapsedMs(drill, now), runningSince: null, updatedAt: toIso(now) }
}

export function resumeDrill(drill: Drill, now: number): Drill {
  if (drill.status !== 'paused') return drill
  const at = toIso(now)
  return { ...drill, status: 'running', runningSince: at, updatedAt: at }
}

/** Stops the clock for good. */
export function endDrill(drill: Drill, now: number): Drill {
  if (drill.status === 'ended' || drill.status === 'planned') return drill
  const at = toIso(now)
  return { ...drill, status: 'ended', elapsedMs: elapsedMs(drill, now), runningSince: null, endedAt: at, updatedAt: at }
}

/** When an inject became visible to the players, in drill ms, or null while it is still to come. */
function shownAtMs(drill: Drill, inject: Inject, now: number): number | null {
  const released = drill.released.find((r) => r.injectId === inject.id)
  const due = inject.offsetMinutes * MINUTE
  if (released) return Math.min(released.atMs, due)
  return elapsedMs(drill, now) >= due ? due : null
}

/** Releases an inject before its time. Releasing one already shown changes nothing. */
export function releaseInject(drill: Drill, injectId: string, now: number): Drill {
  const inject = drill.scenario?.injects.find((i) => i.id === injectId)
  if (!inject || drill.status === 'ended' || drill.status === 'planned' || shownAtMs(drill, inject, now) !== null) return drill
  return { ...drill, released: [...drill.released, { injectId, atMs: elapsedMs(drill, now) }], updatedAt: toIso(now) }
}

interface InjectState {
  inject: Inject
  /** Drill ms when it was shown, or null if it is still to come. */
  shownAt: number | null
  /** True when it was shown before its time by the facilitator. */
  early: boolean
}

/** The scenario's injects in the order they were (or will be) shown. */
export function injectStates(drill: Drill, now: number): InjectState[] {
  // An incident has no scenario, so no injects: its clock is the same.
  const states = (drill.scenario?.injects ?? []).map((inject, index) => {
    const shownAt = shownAtMs(drill, inject, now)
    return { inject, index, shownAt, early: shownAt !== null && shownAt < inject.offsetMinutes * MINUTE }
  })
  const key = (s: (typeof states)[number]) => s.shownAt ?? s.inject.offsetMinutes * MINUTE
  return states
    .sort((a, b) => {
      // Shown ones first, then by the time they were (or are due to be) shown, then as written.
      if ((a.shownAt === null) !== (b.shownAt === null)) return a.shownAt === null ? 1 : -1
      return key(a) - key(b) || a.index - b.index
    })
    .map(({ inject, shownAt, early }) => ({ inject, shownAt, early }))
}

/** The injects the players have seen, in order; the last is the current one. */
export function shownInjects(drill: Drill, now: number): InjectState[] {
  return injectStates(drill, now).filter((s) => s.shownAt !== null)
}

/** The inject shown most recently, or null before the first one. */
export function currentInject(drill: Drill, now: number): InjectState | null {
  return shownInjects(drill, now).at(-1) ?? null
}

/** The next inject to come, or null when all have been shown. */
export function nextInject(drill: Drill, now: number): Inject | null {
  return injectStates(drill, now).find((s) => s.shownAt === null)?.inject ?? null
}

/** Drill ms until the next inject is due, or null when none is left. */
export function msToNextInject(drill: Drill, now: number): number | null {
  const next = nextInject(drill, now)
  return next ? Math.max(0, next.offsetMinutes * MINUTE - elapsedMs(drill, now)) : null
}

/** "1:05:09" or "05:09": a drill clock reading, rounded down to the second. */
export function formatClock(ms: number): string {
  const total = Math.floor(Math.max(0, ms) / 1000)
  const h = Math.floor(total / 3600)
  const m = Math.floor((total % 3600) / 60)
  const s = total % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(s).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

/** "1 h 25 min", "40 min", "under a minute": a duration for people to read. */
export function formatElapsedMs(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / MINUTE)
  if (minutes < 1) return 'under a minute'
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (h === 0) return `${m} min`
  return m === 0 ? `${h} h` : `${h} h ${m} min`
}
