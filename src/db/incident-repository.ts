// Incidents: declared, run and closed through the drill engine (a drill row with mode 'incident';
// clock, log, steps and actions are the drill's). Every change is written at once, so a reload, a
// crash or a closed lid mid-incident loses nothing.
import { elapsedMs, endDrill } from '../domain/drill-clock'
import { findingActionSchema, type FindingAction } from '../domain/drill-findings'
import { isIncident, newIncidentRow, peopleOf, stepTickText, type Person, type Incident, type IncidentRun, type NewIncident } from '../domain/incident'
import { MESSAGE_LABELS, type MessageKind } from '../domain/incident-messages'
import { readImpactRows, type FunctionInfo, type SupplierInfo } from '../domain/incident-impact'
import { readSeverities, severityLabel, type SeverityLevel } from '../domain/incident-severity'
import { LIMITS } from '../domain/limits'
import type { Item } from '../domain/model'
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { changeDrill } from './drill-repository'
import { addLogEntry } from './drill-log-repository'
import { createFindingAction } from './finding-repository'
import { factoryContext, newId, nowIso } from './clock'
import { readRegisterRows } from './link-queries'
import { listPlans } from './plan-queries'
import { getSetting, writeSetting } from './settings-repository'
import * as writes from './writes'

const SETTING_SEVERITIES = 'incidentSeverities'

export async function getSeverities(): Promise<SeverityLevel[]> {
  return readSeverities(await getSetting(SETTING_SEVERITIES))
}

/** Stores the severity levels; a list that breaks the rules is refused with what is wrong, and nothing changes. */
export function saveSeverities(levels: readonly SeverityLevel[]): Promise<void> {
  return writeSetting(SETTING_SEVERITIES, JSON.stringify(levels.map((l) => ({ ...l, name: l.name.trim(), definition: l.definition.trim() }))))
}

/** Incidents declared and not yet closed, oldest first (the banner shows each). */
export async function listOpenIncidents(): Promise<IncidentRun[]> {
  return (await db.drills.where('status').equals('running').toArray())
    .filter((d): d is IncidentRun => isIncident(d) && !d.deletedAt)
    .sort((a, b) => a.startedAt.localeCompare(b.startedAt))
}

/** Declares an incident: its clock starts now. Returns its id. */
export async function declareIncident(input: NewIncident): Promise<string> {
  const problems: string[] = []
  if (!input.title.trim()) problems.push('Give the incident a title: what is down or happening, in a few words')
  if (input.title.trim().length > LIMITS.title) problems.push(`The title must be at most ${LIMITS.title} characters`)
  if (input.description.length > LIMITS.longText) problems.push(`What is happening must be at most ${LIMITS.longText} characters`)
  if (input.lead.trim().length > LIMITS.name || input.logKeeper.trim().length > LIMITS.name) problems.push(`A name must be at most ${LIMITS.name} characters`)
  const levels = await getSeverities()
  if (!levels.some((l) => l.id === input.severity)) problems.push('Choose a severity: the one chosen is no longer in the list')
  if (problems.length > 0) throw new ValidationError(problems)
  const row = newIncidentRow(factoryContext(), input, levels)
  await db.transaction('rw', db.plans, db.drills, async () => {
    const plans = await db.plans.bulkGet(row.planIds)
    if (plans.some((p) => !p || p.deletedAt !== null)) throw new ValidationError(['One of the chosen plans no longer exists'])
    await writes.drills.add(row)
  })
  return row.id
}

/** Changes the incident's own facts (status line, severity, what is down, the review) and nothing else. */
function patchIncident(id: string, change: (incident: Incident) => Partial<Incident>) {
  return changeDrill(id, (d) => {
    if (!isIncident(d)) throw new ValidationError(['This is not an incident'])
    return { ...d, incident: { ...d.incident, ...change(d.incident) } }
  })
}

export const setStatusLine = (id: string, statusLine: string) => patchIncident(id, () => ({ statusLine: statusLine.trim() }))

/** A new severity brings its update cadence with it. */
export async function setSeverity(id: string, severity: string): Promise<void> {
  const levels = await getSeverities()
  const level = levels.find((l) => l.id === severity)
  if (!level) throw new ValidationError(['There is no such severity level'])
  await patchIncident(id, () => ({ severity, severityLabel: severityLabel(levels, severity), updateEveryMinutes: level.updateEveryMinutes }))
}

/** Marks a supplier (by id) or a named provider down, or back up. */
export function setSupplierDown(id: string, supplierId: string, down: boolean) {
  return patchIncident(id, (i) => {
    const has = i.affectedSupplierIds.includes(supplierId)
    if (has === down) return {}
    return { affectedSupplierIds: down ? [...i.affectedSupplierIds, supplierId] : i.affectedSupplierIds.filter((s) => s !== supplierId) }
  })
}

export function setProviderDown(id: string, provider: string, down: boolean) {
  const name = provider.trim()
  return patchIncident(id, (i) => {
    const rest = i.affectedProviders.filter((p) => p.toLowerCase() !== name.toLowerCase())
    return { affectedProviders: down && name ? [...rest, name] : rest }
  })
}

type ReviewPatch = Partial<Incident['review']>

export function setReview(id: string, patch: ReviewPatch) {
  return patchIncident(id, (i) => ({ review: { ...i.review, ...patch } }))
}

/**
 * Ticks (or unticks) a response step as done, and logs it with the time and who did it, in one
 * transaction: the tick and its log entry land together or not at all.
 */
export async function setStepDone(id: string, item: { id: string; text: string }, done: boolean, who: string): Promise<void> {
  await db.transaction('rw', db.drills, db.drillEvents, async () => {
    const drill = await writes.drills.require(id)
    if (drill.stepsUsed.includes(item.id) === done) return
    await changeDrill(id, (d) => ({ ...d, stepsUsed: done ? [...d.stepsUsed, item.id] : d.stepsUsed.filter((s) => s !== item.id) }))
    await addLogEntry(id, { type: 'action', text: stepTickText(done, item.text, who), itemId: item.id })
  })
}

/** Logs a status update as sent: the cadence counts from it. */
export function logUpdateSent(id: string, kind: MessageKind, subject: string): Promise<string> {
  return addLogEntry(id, { type: 'communication', text: `${MESSAGE_LABELS[kind]} sent: ${subject}`.slice(0, LIMITS.longText) })
}

/** Closes the incident: the clock stops for good, and the review begins. */
export function closeIncident(id: string) {
  return changeDrill(id, (d, now) => (isIncident(d) ? endDrill(d, now) : d))
}

/**
 * An action from the review: an 'action' entry in the incident's log and a plan item pointing back
 * at it, written together. Returns the new item's id.
 */
export async function addReviewAction(id: string, action: FindingAction): Promise<string> {
  const input = check(findingActionSchema, action)
  return db.transaction('rw', [db.drills, db.drillEvents, db.plans, db.sections, db.items], async () => {
    const drill = await writes.drills.require(id)
    if (!isIncident(drill)) throw new ValidationError(['This is not an incident'])
    const eventId = newId()
    await writes.drillEvents.add({
      id: eventId,
      drillId: id,
      at: elapsedMs(drill, Date.parse(nowIso())),
      type: 'action',
      text: input.text.trim(),
      injectId: null,
      itemId: null,
      createdAt: nowIso(),
    })
    return createFindingAction(eventId, input)
  })
}

/** Every supplier and business function of the live plans, for what an outage stops. */
export async function readIncidentRegisters(): Promise<{ suppliers: SupplierInfo[]; functions: FunctionInfo[] }> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const { sections, items } = await readRegisterRows(listPlans(), (_plan, s) => s.role === 'supplier-register' || s.role === 'impact-analysis')
    return readImpactRows(sections, items)
  })
}

/** Who the chosen plans name in their roles and contact trees. */
export async function listPeople(planIds: readonly string[]): Promise<Person[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const chosen = new Set(planIds)
    const { sections, items } = await readRegisterRows(listPlans(), (plan, s) => chosen.has(plan.id) && (s.role === 'roles' || s.role === 'contact-tree'))
    return peopleOf(sections, items)
  })
}

interface IncidentSummary {
  open: IncidentRun[]
  /** The most recently closed incident, if any. */
  last: IncidentRun | null
  /** Plan items made from incidents' actions that are not done yet. */
  openActions: { item: Item; planTitle: string }[]
}

/** For the home page: open incidents, the last one closed, and the actions from incidents still open. */
export async function readIncidentSummary(): Promise<IncidentSummary> {
  return db.transaction('r', [db.drills, db.drillEvents, db.items, db.plans], async () => {
    const incidents = (await db.drills.toArray()).filter((d): d is IncidentRun => isIncident(d) && !d.deletedAt)
    const open = incidents.filter((d) => d.status === 'running').sort((a, b) => a.startedAt.localeCompare(b.startedAt))
    const closed = incidents.filter((d) => d.status === 'ended').sort((a, b) => (b.endedAt ?? '').localeCompare(a.endedAt ?? ''))
    const eventIds =
      incidents.length === 0
        ? []
        : await db.drillEvents
            .where('drillId')
            .anyOf(incidents.map((d) => d.id))
            .primaryKeys()
    const items = eventIds.length === 0 ? [] : await db.items.where('source.id').anyOf(eventIds).toArray()
    const plans = new Map((await db.plans.toArray()).filter((p) => p.deletedAt === null).map((p) => [p.id, p.title]))
    const openActions = items
      .filter((i) => (i.status === 'open' || i.status === 'blocked') && plans.has(i.planId))
      .map((item) => ({ item, planTitle: plans.get(item.planId) ?? '' }))
      .sort((a, b) => (a.item.due ?? '9999').localeCompare(b.item.due ?? '9999'))
    return { open, last: closed[0] ?? null, openActions }
  })
}
