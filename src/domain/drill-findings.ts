// What a drill finds and what it leads to: findings (gaps and observations) turned into plan items
// that point back at them, and the after-action timeline.
import * as z from 'zod/mini'
import { dateOf } from './dates'
import { injectStates } from './drill-clock'
import type { Drill, DrillEvent, DrillEventType, Inject } from './drill-model'
import { LIMITS } from './limits'
import { dateSchema, idSchema, type Item, type ItemSource, type Section } from './model'
import { newItemRow, type FactoryContext } from './plan-factory'

export const EVENT_LABELS: Record<DrillEventType, string> = {
  inject: 'Inject',
  decision: 'Decision',
  observation: 'Observation',
  gap: 'Gap',
  action: 'Action',
  communication: 'Update sent',
}

/** Entries the hot wash (or an incident's review) goes through and that can become plan items. */
export function isFinding(event: Pick<DrillEvent, 'type'>): boolean {
  return event.type === 'gap' || event.type === 'observation' || event.type === 'action'
}

/** An action to create from a finding: an item in the chosen plan and section. */
export const findingActionSchema = z.strictObject({
  text: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(LIMITS.shortText, `must be at most ${LIMITS.shortText} characters`)),
  owner: z.string().check(z.trim(), z.maxLength(LIMITS.name, `must be at most ${LIMITS.name} characters`)),
  due: z.nullable(dateSchema),
  planId: idSchema,
  sectionId: idSchema,
})
export type FindingAction = z.infer<typeof findingActionSchema>

/** "Cloud outage drill, 2026-03-04": how an item names the drill it came from. */
export function findingSourceLabel(drill: Pick<Drill, 'title' | 'startedAt'>): string {
  const date = dateOf(drill.startedAt)
  const room = LIMITS.title - date.length - 2
  const title = drill.title.length > room ? `${drill.title.slice(0, room - 1)}…` : drill.title
  return `${title}, ${date}`
}

function findingSource(drill: Pick<Drill, 'title' | 'startedAt' | 'mode'>, event: Pick<DrillEvent, 'id'>): ItemSource {
  return { kind: drill.mode === 'incident' ? 'incident-action' : 'drill-finding', id: event.id, label: findingSourceLabel(drill) }
}

/** The plan item an action becomes, appended at `order` in its section. */
export function actionItemRow(ctx: FactoryContext, drill: Drill, event: DrillEvent, action: FindingAction, order: string): Item {
  return {
    ...newItemRow(ctx, action.planId, action.sectionId, order, action.text.trim()),
    owner: action.owner.trim(),
    due: action.due,
    notes: `Finding (${EVENT_LABELS[event.type].toLowerCase()}): ${event.text}`.slice(0, LIMITS.longText),
    source: findingSource(drill, event),
  }
}

const IMPROVEMENT = /improv|action|lesson|finding|post-incident|testing|maintenance/i

/** The section an action most likely belongs in: one about improvement or lessons, else the last. */
export function suggestSection(sections: readonly Pick<Section, 'id' | 'title'>[]): string | null {
  return sections.find((s) => IMPROVEMENT.test(s.title))?.id ?? sections.at(-1)?.id ?? null
}

type TimelineEntry = { kind: 'inject'; at: number; inject: Inject; early: boolean } | { kind: 'log'; at: number; event: DrillEvent }

/** Injects as they were shown and log entries as they were written, in drill-clock order. */
export function timeline(drill: Drill, events: readonly DrillEvent[], now: number): TimelineEntry[] {
  const injects: TimelineEntry[] = injectStates(drill, now).flatMap((s) =>
    s.shownAt === null ? [] : [{ kind: 'inject' as const, at: s.shownAt, inject: s.inject, early: s.early }],
  )
  const logs: TimelineEntry[] = [...events]
    .sort((a, b) => a.at - b.at || a.createdAt.localeCompare(b.createdAt))
    .map((event) => ({ kind: 'log' as const, at: event.at, event }))
  // A stable merge: at equal times the inject comes first, since entries answer it.
  const out: TimelineEntry[] = []
  let i = 0
  let j = 0
  while (i < injects.length || j < logs.length) {
    const a = injects[i]
    const b = logs[j]
    if (a && (!b || a.at <= b.at)) {
      out.push(a)
      i++
    } else if (b) {
      out.push(b)
      j++
    }
  }
  return out
}

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 2)

/**
 * The plan items an expected step (written in words) most likely means: those sharing most of its
 * words. Good enough to offer a one-click "used" tick; the facilitator can tick any step by hand.
 */
export function matchStep<T extends Pick<Item, 'id' | 'text'>>(step: string, items: readonly T[]): T[] {
  const exact = items.filter((i) => i.text.trim().toLowerCase() === step.trim().toLowerCase())
  if (exact.length > 0) return exact.slice(0, 3)
  const want = new Set(words(step))
  if (want.size === 0) return []
  const scored = items
    .map((item) => {
      const have = new Set(words(item.text))
      let shared = 0
      for (const w of want) if (have.has(w)) shared++
      return { item, score: shared / Math.max(want.size, have.size) }
    })
    .filter((s) => s.score >= 0.5)
    .sort((a, b) => b.score - a.score)
  return scored.slice(0, 3).map((s) => s.item)
}
