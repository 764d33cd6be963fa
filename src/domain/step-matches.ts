// A scenario names the plan steps each inject should lead to in words ("Take customer orders").
// When a drill starts against plans, each of those words is matched once to plan items, and from
// then on the drill refers to the items by id: renaming an item (as templates ask: "replace the
// examples") keeps its place in the drill. Words stay only for steps that matched nothing.
import { matchStep } from './drill-findings'
import type { Inject, StepMatch } from './drill-model'
import type { Item } from './model'

/** How many entries a drill may hold (drill-model's limit); over it, each step keeps its best match only. */
const MAX_MATCHES = 1_000

/** Every expected step of every inject against the plans' items: one entry per item matched, or one with null. */
export function matchExpectedSteps(injects: readonly Inject[], items: readonly Pick<Item, 'id' | 'text'>[]): StepMatch[] {
  const all = (perStep: number) =>
    injects.flatMap((inject) =>
      inject.expectedSteps.flatMap((words, step): StepMatch[] => {
        const found = matchStep(words, items).slice(0, perStep)
        return found.length === 0 ? [{ injectId: inject.id, step, itemId: null }] : found.map((item) => ({ injectId: inject.id, step, itemId: item.id }))
      }),
    )
  const matches = all(3)
  return matches.length <= MAX_MATCHES ? matches : all(1).slice(0, MAX_MATCHES)
}

/** What the console shows for one expected step. */
type ExpectedStep<T> =
  /** Matched when the drill started: these items, by id, under their current names. */
  | { kind: 'items'; words: string; items: T[] }
  /** Matched nothing when the drill started, or the items matched are no longer in the plans. */
  | { kind: 'not-found'; words: string; removed: boolean }
  /** A drill started before steps were matched: matched by words now, as then. */
  | { kind: 'by-words'; words: string; items: T[] }

/** Each expected step of `inject`, resolved against the drill's stored matches and the items now in its plans. */
export function expectedSteps<T extends Pick<Item, 'id' | 'text'>>(stepMatches: readonly StepMatch[], inject: Inject, items: readonly T[]): ExpectedStep<T>[] {
  const byId = new Map(items.map((i) => [i.id, i]))
  const ofInject = stepMatches.filter((m) => m.injectId === inject.id)
  return inject.expectedSteps.map((words, step): ExpectedStep<T> => {
    const stored = ofInject.filter((m) => m.step === step)
    if (stored.length === 0) return { kind: 'by-words', words, items: matchStep(words, items) }
    const ids = stored.flatMap((m) => (m.itemId === null ? [] : [m.itemId]))
    const found = ids.flatMap((id) => byId.get(id) ?? [])
    return found.length > 0 ? { kind: 'items', words, items: found } : { kind: 'not-found', words, removed: ids.length > 0 }
  })
}
