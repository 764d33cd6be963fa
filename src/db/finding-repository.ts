// Findings become plan items: an action made from a gap, an observation or an action logged in a
// drill or an incident, the actions of a run, and the way back from an item to the run it came from.
import { Dexie } from 'dexie'
import { actionItemRow, findingActionSchema, isFinding, type FindingAction } from '../domain/drill-findings'
import type { RunMode } from '../domain/drill-model'
import type { Item, Plan, Section } from '../domain/model'
import { orderAfter } from '../domain/order'
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'
import { factoryContext } from './clock'
import * as writes from './writes'

/**
 * Turns a finding into an action: a new item at the end of the chosen section, with its owner, due
 * date and a source pointing back at the finding. One transaction: it all lands, or nothing does.
 */
export async function createFindingAction(eventId: string, action: FindingAction): Promise<string> {
  const input = check(findingActionSchema, action)
  return db.transaction('rw', [db.drills, db.drillEvents, db.plans, db.sections, db.items], async () => {
    const event = await writes.drillEvents.require(eventId)
    if (!isFinding(event)) throw new ValidationError(['Only a gap, an observation or an action can become a plan item'])
    const drill = await writes.drills.require(event.drillId)
    const plan = await db.plans.get(input.planId)
    if (!plan || plan.deletedAt !== null) throw new ValidationError(['This plan no longer exists'])
    const section = await db.sections.get(input.sectionId)
    if (!section || section.planId !== plan.id) throw new ValidationError(['The chosen section is not part of the chosen plan'])
    const last = await db.items.where('[sectionId+order]').between([section.id, Dexie.minKey], [section.id, Dexie.maxKey]).last()
    return (await writes.items.add(actionItemRow(factoryContext(), drill, event, input, orderAfter(last?.order)))).id
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
    const eventIds = await db.drillEvents.where('drillId').equals(drillId).primaryKeys()
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

/** The drill or incident a finding belongs to, to follow a plan item back to its report. */
export async function runOfEvent(eventId: string): Promise<{ id: string; mode: RunMode } | null> {
  return db.transaction('r', db.drillEvents, db.drills, async () => {
    const drillId = (await db.drillEvents.get(eventId))?.drillId
    const drill = drillId ? await db.drills.get(drillId) : undefined
    return drill ? { id: drill.id, mode: drill.mode } : null
  })
}
