// Progress of a section or plan: done items over applicable items (not-applicable ones do not count).
import type { ItemStatus } from './vocabulary'

export interface Progress {
  done: number
  applicable: number
  blocked: number
  total: number
}

export function progressOf(items: Iterable<{ status: ItemStatus }>): Progress {
  let done = 0,
    applicable = 0,
    blocked = 0,
    total = 0
  for (const { status } of items) {
    total++
    if (status === 'not-applicable') continue
    applicable++
    if (status === 'done') done++
    else if (status === 'blocked') blocked++
  }
  return { done, applicable, blocked, total }
}

/** Whole percent, 100 when nothing is applicable (nothing left to do). */
export function percent(p: Progress): number {
  return p.applicable === 0 ? 100 : Math.floor((p.done / p.applicable) * 100)
}
