// Drills, their logs and the scenarios written here. Every clock change and every log entry is
// written at once, in one transaction, so a reload or a crash mid-drill loses nothing; the running
// clock is never stored, only when it started (see domain/drill-clock).
import * as clock from '../domain/drill-clock'
import { newDrillRow, blankScenarioRow, duplicateScenarioRow, type NewDrill } from '../domain/drill-factory'
import { actionItemRow, findingActionSchema, isFinding, type FindingAction } from '../domain/drill-findings'
import { drillEventSchema, drillSchema, RATINGS, scenarioSchema, type Drill, type DrillEvent, type DrillEventType, type Rating, type Scenario } from '../domain/drill-model'
import { LIMITS } from '../domain/limits'
import { itemSchema, type Item, type Plan, type Section } from '../domain/model'
import { orderAfter } from '../domain/order'
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { factoryContext, newId, nowIso } from './clock'

const missing = (what: string) => new ValidationError([`This ${what} no longer exists`])
const nowMs = (): number => Date.parse(nowIso())

// --- Scenarios written here -------------------------------------------------------------------

/** Scenarios written or duplicated here, by title. */
export async function listScenarios(): Promise<Scenario[]> {
  const rows = await db.scenarios.toArray()
  return [...rows].sort((a, b) => a.title.localeCompare(b.title))
}

export function getScenario(id: string): Promise<Scenario | undefined> {
  return db.scenarios.get(id)
}

export async function createScenario(): Promise<string> {
  const row = check(scenarioSchema, blankScenarioRow(factoryContext()))
  await db.scenarios.add(row)
  return row.id
}

/** A copy of any scenario (a built-in one too) that can be edited here. */
export async function duplicateScenario(src: Scenario): Promise<string> {
  const row = check(scenarioSchema, duplicateScenarioRow(factoryContext(), src))
  await db.scenarios.add(row)
  return row.id
}

/** Saves an edited scenario; injects are kept in the order of their time. */
export async function saveScenario(scenario: Scenario): Promise<void> {
  const injects = [...scenario.injects].sort((a, b) => a.offsetMinutes - b.offsetMinutes)
  const ids = injects.map((i) => i.id)
  if (new Set(ids).size !== ids.length) throw new ValidationError(['injects: two injects share one id'])
  const row = check(scenarioSchema, { ...scenario, injects, updatedAt: nowIso() })
  await db.transaction('rw', db.scenarios, async () => {
    if (!(await db.scenarios.get(row.id))) throw missing('scenario')
    await db.scenarios.put(row)
  })
}

export async function deleteScenario(id: string): Promise<void> {
  await db.scenarios.delete(id)
}

// --- Drills --------------------------------------------------------------------------------------

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

/** A drill's log, in drill-clock order (entries written while paused share a time: then as written). */
export async function listDrillEvents(drillId: string): Promise<DrillEvent[]> {
  const rows = await db.drillEvents.where('[drillId+at]').between([drillId, -Infinity], [drillId, Infinity]).toArray()
  return [...rows].sort((a, b) => a.at - b.at || a.createdAt.localeCompare(b.createdAt))
}

/** Starts a drill now, or books it for later when `plannedFor` is given. */
export async function createDrill(input: NewDrill): Promise<string> {
  const row = check(drillSchema, newDrillRow(factoryContext(), input))
  await db.transaction('rw', db.plans, db.drills, async () => {
    const plans = await db.plans.bulkGet(row.planIds)
    if (plans.some((p) => !p || p.deletedAt !== null)) throw new ValidationError(['One of the chosen plans no longer exists'])
    await db.drills.add(row)
  })
  return row.id
}

/** Reads the drill, applies `change` at the current time, checks and stores the result. */
async function changeDrill(id: string, change: (drill: Drill, now: number) => Drill): Promise<Drill> {
  return db.transaction('rw', db.drills, async () => {
    const drill = await db.drills.get(id)
    if (!drill) throw missing('drill')
    const next = change(drill, nowMs())
    if (next === drill) return drill
    check(drillSchema, next)
    await db.drills.put(next)
    return next
  })
}

export const startPlannedDrill = (id: string) => changeDrill(id, clock.startDrill)
export const pauseDrill = (id: string) => changeDrill(id, clock.pauseDrill)
export const resumeDrill = (id: string) => changeDrill(id, clock.resumeDrill)
export const endDrill = (id: string) => changeDrill(id, clock.endDrill)
export const releaseInject = (id: string, injectId: string) => changeDrill(id, (d, now) => clock.releaseInject(d, injectId, now))

/** Ticks (or unticks) a plan step as used during the drill. */
export function setStepUsed(id: string, itemId: string, used: boolean) {
  return changeDrill(id, (d, now) => {
    const has = d.stepsUsed.includes(itemId)
    if (has === used) return d
    const stepsUsed = used ? [...d.stepsUsed, itemId] : d.stepsUsed.filter((s) => s !== itemId)
    return { ...d, stepsUsed, updatedAt: new Date(now).toISOString() }
  })
}

/** Rates one objective of the drill (by its place in the list) and keeps a note on why. */
export function rateObjective(id: string, index: number, change: { rating?: Rating | null; note?: string }) {
  if (change.rating !== undefined && change.rating !== null && !RATINGS.includes(change.rating)) throw new ValidationError([`"${change.rating}" is not a rating`])
  return changeDrill(id, (d, now) => {
    const current = d.ratings[index]
    if (!current) throw missing('objective')
    const ratings = d.ratings.map((r, i) => (i === index ? { ...r, ...change } : r))
    return { ...d, ratings, updatedAt: new Date(now).toISOString() }
  })
}

/** Changes the title, facilitator or who took part, or the plans a drill exercises. */
export function updateDrillDetails(id: string, patch: Partial<Pick<Drill, 'title' | 'facilitator' | 'participants' | 'planIds'>>) {
  return changeDrill(id, (d, now) => ({ ...d, ...patch, updatedAt: new Date(now).toISOString() }))
}

/** Removes a drill and its log. Plan items made from its findings stay, with their source label. */
/** Moves a drill, log and all, to the trash: it leaves the programme and the readiness figures. */
export async function trashDrill(id: string): Promise<void> {
  await db.drills.update(id, { deletedAt: nowIso() })
}

export async function restoreDrill(id: string): Promise<void> {
  await db.drills.update(id, { deletedAt: null })
}

/** Removes a trashed drill and its log for good. Refuses a drill that is not in the trash. */
export async function purgeDrill(id: string): Promise<void> {
  await db.transaction('rw', db.drills, db.drillEvents, async () => {
    const drill = await db.drills.get(id)
    if (!drill) return
    if (!drill.deletedAt) throw new ValidationError(['Only a drill in the trash can be removed for good'])
    await db.drillEvents.where('drillId').equals(id).delete()
    await db.drills.delete(id)
  })
}

// --- The log ---------------------------------------------------------------------------------------

export interface LogEntryInput {
  type: Exclude<DrillEventType, 'inject'>
  text: string
  itemId?: string | null
  injectId?: string | null
}

/** Writes a log entry stamped with the drill clock as it reads now. */
export async function addLogEntry(drillId: string, entry: LogEntryInput): Promise<string> {
  return db.transaction('rw', db.drills, db.drillEvents, async () => {
    const drill = await db.drills.get(drillId)
    if (!drill) throw missing('drill')
    if (drill.status === 'planned') throw new ValidationError(['Start the drill before writing in its log'])
    const row: DrillEvent = {
      id: newId(),
      drillId,
      at: clock.elapsedMs(drill, nowMs()),
      type: entry.type,
      text: entry.text.trim(),
      injectId: entry.injectId ?? null,
      itemId: entry.itemId ?? null,
      createdAt: nowIso(),
    }
    check(drillEventSchema, row)
    await db.drillEvents.add(row)
    return row.id
  })
}

/** Corrects a log entry. A finding with actions in a plan stays a finding, so the actions keep their place in the hot wash and the report. */
export async function updateLogEntry(id: string, patch: Partial<Pick<DrillEvent, 'text' | 'type' | 'itemId'>>): Promise<void> {
  await db.transaction('rw', db.drillEvents, db.items, async () => {
    const event = await db.drillEvents.get(id)
    if (!event) throw missing('log entry')
    const next = check(drillEventSchema, { ...event, ...patch })
    if (isFinding(event) && !isFinding(next) && (await db.items.where('source.id').equals(id).count()) > 0) {
      throw new ValidationError(['This entry has actions in a plan; it can become a gap or an observation, not a decision'])
    }
    await db.drillEvents.put(next)
  })
}

/** Removes a log entry, unless actions in a plan were made from it. */
export async function deleteLogEntry(id: string): Promise<DrillEvent | undefined> {
  return db.transaction('rw', db.drillEvents, db.items, async () => {
    const event = await db.drillEvents.get(id)
    if (!event) return undefined
    if ((await db.items.where('source.id').equals(id).count()) > 0) {
      throw new ValidationError(['This entry has actions in a plan; it stays so that they can point back to it'])
    }
    await db.drillEvents.delete(id)
    return event
  })
}

/** Puts back a log entry deleteLogEntry removed, exactly as it was (for Undo). */
export async function restoreLogEntry(event: DrillEvent): Promise<void> {
  await db.transaction('rw', db.drills, db.drillEvents, async () => {
    if (!(await db.drills.get(event.drillId))) throw new ValidationError(['This drill no longer exists'])
    await db.drillEvents.put(event)
  })
}

// --- Findings become plan items ------------------------------------------------------------------

/**
 * Turns a finding into an action: a new item at the end of the chosen section, with its owner, due
 * date and a source pointing back at the finding. One transaction: it all lands, or nothing does.
 */
export async function createFindingAction(eventId: string, action: FindingAction): Promise<string> {
  const input = check(findingActionSchema, action)
  return db.transaction('rw', [db.drills, db.drillEvents, db.plans, db.sections, db.items], async () => {
    const event = await db.drillEvents.get(eventId)
    if (!event) throw missing('finding')
    if (!isFinding(event)) throw new ValidationError(['Only a gap or an observation can become an action'])
    const drill = await db.drills.get(event.drillId)
    if (!drill) throw missing('drill')
    const plan = await db.plans.get(input.planId)
    if (!plan || plan.deletedAt !== null) throw missing('plan')
    const section = await db.sections.get(input.sectionId)
    if (!section || section.planId !== plan.id) throw new ValidationError(['The chosen section is not part of the chosen plan'])
    const last = await db.items.where('[sectionId+order]').between([section.id, -Infinity], [section.id, Infinity]).last()
    const row = actionItemRow(factoryContext(), drill, event, input, orderAfter(last?.order))
    await db.items.add(check(itemSchema, row))
    return row.id
  })
}

export interface FindingActionRow {
  item: Item
  plan: Plan | undefined
  section: Section | undefined
}

/** The plan items made from a drill's findings, read live through the source index. */
export async function listFindingActions(drillId: string): Promise<FindingActionRow[]> {
  return db.transaction('r', [db.drillEvents, db.items, db.plans, db.sections], async () => {
    const eventIds = (await db.drillEvents.where('drillId').equals(drillId).primaryKeys())
    if (eventIds.length === 0) return []
    const items = await db.items.where('source.id').anyOf(eventIds).toArray()
    const plans = await db.plans.bulkGet([...new Set(items.map((i) => i.planId))])
    const sections = await db.sections.bulkGet([...new Set(items.map((i) => i.sectionId))])
    const planById = new Map(plans.flatMap((p) => (p ? [[p.id, p] as const] : [])))
    const sectionById = new Map(sections.flatMap((s) => (s ? [[s.id, s] as const] : [])))
    return items
      .map((item) => ({ item, plan: planById.get(item.planId), section: sectionById.get(item.sectionId) }))
      .sort((a, b) => a.item.updatedAt.localeCompare(b.item.updatedAt))
  })
}

/** The drill a finding belongs to, to follow a plan item back to its report. */
export async function drillOfEvent(eventId: string): Promise<string | null> {
  return (await db.drillEvents.get(eventId))?.drillId ?? null
}

export interface PlanSteps {
  plan: Plan
  sections: { section: Section; items: Item[] }[]
}

/** The chosen plans with their sections and items, for ticking steps and placing actions. */
export async function listPlanSteps(planIds: readonly string[]): Promise<PlanSteps[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const out: PlanSteps[] = []
    for (const plan of await db.plans.bulkGet([...planIds])) {
      if (!plan || plan.deletedAt !== null) continue
      const sections = await db.sections.where('[planId+order]').between([plan.id, -Infinity], [plan.id, Infinity]).toArray()
      // Rows read through the shared cache are frozen: sort a copy.
      const items = [...(await db.items.where('planId').equals(plan.id).toArray())].sort((a, b) => a.order - b.order)
      out.push({ plan, sections: sections.map((section) => ({ section, items: items.filter((i) => i.sectionId === section.id) })) })
    }
    return out
  })
}

export const MAX_LOG_TEXT = LIMITS.longText
