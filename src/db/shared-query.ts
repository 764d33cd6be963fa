// A live read shared by every screen that shows it: one IndexedDB read per change, however many
// components subscribe (the plan list and the readiness dashboard show the same plans). Dexie's
// liveQuery runs it again whenever a row it read changes, in this tab or another.
import { liveQuery, type Subscription } from 'dexie'

export interface SharedQuery<T> {
  subscribe(listener: () => void): () => void
  /** The latest result; undefined until the first read has finished. */
  current(): T | undefined
  /** The read's failure, if it failed; the screen shows it rather than waiting for ever. */
  failure(): unknown
}

export function sharedLiveQuery<T>(read: () => Promise<T>): SharedQuery<T> {
  const listeners = new Set<() => void>()
  let value: T | undefined
  let error: unknown
  let subscription: Subscription | null = null
  const notify = () => {
    for (const listener of listeners) listener()
  }
  return {
    subscribe(listener) {
      listeners.add(listener)
      subscription ??= liveQuery(read).subscribe({
        next: (v) => {
          value = v
          error = undefined
          notify()
        },
        error: (e: unknown) => {
          error = e
          notify()
        },
      })
      return () => {
        listeners.delete(listener)
        if (listeners.size > 0 || !subscription) return
        // Nobody shows it any more: stop watching, and forget a result that would go stale.
        subscription.unsubscribe()
        subscription = null
        value = undefined
        error = undefined
      }
    },
    current: () => value,
    failure: () => error,
  }
}
