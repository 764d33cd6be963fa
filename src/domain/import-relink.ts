// When an import gives rows new ids (a copy beside what is already here), the rows of the same
// document that point at them must follow: a drill's plans and the steps it used, its log entries'
// steps, plan tasks made from its findings, and links between items of different plans. Links to rows outside the document stay as they are.
import type { Drill, DrillEvent } from './drill-model'
import type { Item } from './model'

/** Old id to new id, for the rows this import renamed. */
export interface IdChanges {
  plans: ReadonlyMap<string, string>
  items: ReadonlyMap<string, string>
  events: ReadonlyMap<string, string>
}

const follow = (ids: ReadonlyMap<string, string>, id: string): string => ids.get(id) ?? id

export function relinkDrill(drill: Drill, events: readonly DrillEvent[], ids: IdChanges): { drill: Drill; events: DrillEvent[] } {
  return {
    drill: {
      ...drill,
      planIds: drill.planIds.map((id) => follow(ids.plans, id)),
      stepsUsed: drill.stepsUsed.map((id) => follow(ids.items, id)),
      stepMatches: drill.stepMatches.map((m) => (m.itemId === null ? m : { ...m, itemId: follow(ids.items, m.itemId) })),
    },
    events: events.map((e) => (e.itemId === null ? e : { ...e, itemId: follow(ids.items, e.itemId) })),
  }
}

/**
 * An item's links to other items of the document (links fields hold lists of item ids), and the
 * log entry a task made from a drill finding or an incident action points at.
 */
export function relinkItem(item: Item, ids: Pick<IdChanges, 'items' | 'events'>): Item {
  const values = Object.fromEntries(Object.entries(item.values).map(([k, v]) => [k, Array.isArray(v) ? v.map((id) => follow(ids.items, id)) : v]))
  const fromLog = item.source?.kind === 'drill-finding' || item.source?.kind === 'incident-action'
  const source = item.source && fromLog ? { ...item.source, id: follow(ids.events, item.source.id) } : item.source
  return { ...item, values, source }
}
