// Drills: the programme's list, a drill's lifecycle (start, pause, resume, release, end), its
// ratings and details, and the trash. Every clock change is written at once, so a reload or a
// crash mid-drill loses nothing; the running clock is never stored, only when it started (see
// domain/drill-clock). The log is in drill-log-repository, findings in finding-repository.
import * as clock from '../domain/drill-clock'
import { newDrillRow, type NewDrill } from '../domain/drill-factory'
import { RATINGS, type Drill, type Rating, type StepMatch } from '../domain/drill-model'
import { matchExpectedSteps } from '../domain/step-matches'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { factoryContext, nowIso } from './clock'
import { itemsOfPlans } from './plan-steps'
import * as writes from './writes'

const nowMs = (): number => Date.parse(nowIso())

/** Every drill not in the trash, newest first. */
export async function listDrills(): Promise<Drill[]> {
  return (await db.drills.orderBy('startedAt').reverse().toArray()).filter((d) => !d.deletedAt)
}

/** Drills in the trash, most recently deleted first. */
export async function listTrashedDrills(): Promise<Drill[]> {
  return (await db.drills.toArray()).filter((d) => Boolean(d.deletedAt)).sort((a, b) => (b.deletedAt ?? '').localeCompare(a.deletedAt ?? ''))
}

export function getDrill(id: string): Promise<Drill | undefined> {
  return db.drills.get(id)
}

/**
 * The scenario's expected steps matched to the items of the drill's plans, as they are now: from
 * here on the drill follows those items by id, whatever they are renamed to. None for a run of no
 * plan or no scenario (an incident).
 */
async function matchStepsNow(drill: Drill): Promise<StepMatch[]> {
  return drill.scenario === null || drill.planIds.length === 0 ? [] : matchExpectedSteps(drill.scenario.injects, await itemsOfPlans(drill.planIds))
}

/** Starts a drill now, or books it for later when `plannedFor` is given (its steps are matched when it starts). */
export async function createDrill(input: NewDrill): Promise<string> {
  const row = newDrillRow(factoryContext(), input)
  await db.transaction('rw', [db.plans, db.sections, db.items, db.drills], async () => {
    const plans = await db.plans.bulkGet(row.planIds)
    if (plans.some((p) => !p || p.deletedAt !== null)) throw new ValidationError(['One of the chosen plans no longer exists'])
    await writes.drills.add(row.status === 'planned' ? row : { ...row, stepMatches: await matchStepsNow(row) })
  })
  return row.id
}

/**
 * Reads the drill, applies `change` at the current time and writes the fields it changed (only
 * those, so a rating made in one tab and a release in another both stay).
 */
export async function changeDrill(id: string, change: (drill: Drill, now: number) => Drill): Promise<Drill> {
  return db.transaction('rw', db.drills, async () => {
    const drill = await writes.drills.require(id)
    const next = change(drill, nowMs())
    if (next === drill) return drill
    const changed = (Object.keys(next) as (keyof Drill)[]).filter((key) => next[key] !== drill[key])
    return writes.drills.patch(id, Object.fromEntries(changed.map((key) => [key, next[key]])))
  })
}

/** Starts a drill booked for later, matching its expected steps to its plans as they are at the start. */
export function startPlannedDrill(id: string): Promise<Drill> {
  return db.transaction('rw', [db.plans, db.sections, db.items, db.drills], async () => {
    const booked = await writes.drills.require(id)
    const stepMatches = booked.status === 'planned' ? await matchStepsNow(booked) : booked.stepMatches
    return changeDrill(id, (d, now) => {
      const started = clock.startDrill(d, now)
      return started === d ? d : { ...started, stepMatches }
    })
  })
}
export const pauseDrill = (id: string) => changeDrill(id, clock.pauseDrill)
export const resumeDrill = (id: string) => changeDrill(id, clock.resumeDrill)
export const endDrill = (id: string) => changeDrill(id, clock.endDrill)
export const releaseInject = (id: string, injectId: string) => changeDrill(id, (d, now) => clock.releaseInject(d, injectId, now))

/** Ticks (or unticks) a plan step as used during the drill. */
export function setStepUsed(id: string, itemId: string, used: boolean) {
  return changeDrill(id, (d) => {
    const has = d.stepsUsed.includes(itemId)
    if (has === used) return d
    return { ...d, stepsUsed: used ? [...d.stepsUsed, itemId] : d.stepsUsed.filter((s) => s !== itemId) }
  })
}

/** Rates one objective of the drill (by its place in the list) and keeps a note on why. */
export function rateObjective(id: string, index: number, change: { rating?: Rating | null; note?: string }) {
  if (change.rating !== undefined && change.rating !== null && !RATINGS.includes(change.rating))
    throw new ValidationError([`"${change.rating}" is not a rating`])
  return changeDrill(id, (d) => {
    if (!d.ratings[index]) throw new ValidationError(['This objective no longer exists'])
    return { ...d, ratings: d.ratings.map((r, i) => (i === index ? { ...r, ...change } : r)) }
  })
}

/** Moves a drill, log and all, to the trash: it leaves the programme and the readiness figures. */
export async function trashDrill(id: string): Promise<void> {
  await writes.drills.patch(id, { deletedAt: nowIso() })
}

export async function restoreDrill(id: string): Promise<void> {
  await writes.drills.patch(id, { deletedAt: null })
}

/** Removes a trashed drill and its log for good. Refuses a drill that is not in the trash. */
export async function purgeDrill(id: string): Promise<void> {
  await db.transaction('rw', db.drills, db.drillEvents, async () => {
    const drill = await db.drills.get(id)
    if (!drill) return
    if (!drill.deletedAt) throw new ValidationError(['Only a drill in the trash can be removed for good'])
    await db.drillEvents.where('drillId').equals(id).delete()
    await writes.drills.delete(id)
  })
}
