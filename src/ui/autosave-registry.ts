// The autosaves at work on the page, so that all of them can be written at once: when the page is
// hidden or closed, and before a reload. Kept apart from autosave.ts (and its repository imports)
// so the app shell can flush without loading them.
const live = new Set<{ flush(): Promise<void> }>()
let listening = false

/** Writes every pending value now (the page is being hidden, frozen, closed or reloaded). */
export function flushAll(): Promise<void> {
  return Promise.all([...live].map((a) => a.flush())).then(() => undefined)
}

function listen(): void {
  if (listening || typeof window === 'undefined') return
  listening = true
  window.addEventListener('pagehide', () => void flushAll())
  // A hidden tab may be frozen or discarded (mobile): save before that can happen.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void flushAll()
  })
}

/** Takes part in flushAll; returns the way out. */
export function register(autosave: { flush(): Promise<void> }): () => void {
  listen()
  live.add(autosave)
  return () => {
    live.delete(autosave)
  }
}
