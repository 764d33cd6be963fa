// The one autosave of the app: every field saved as you type goes through here. A keystroke is
// first written to the draft journal (localStorage: synchronous, and it survives a reload, a
// closed tab or browser, a crash), then saved to the database after a short pause, at once when
// the page is hidden or the field is left, and the journal entry is dropped once the write has
// committed. A failed write keeps the value (and its journal entry) for a retry.
import { saveDraft } from '../db/draft-replay'
import { createDraftJournal, memoryStore, sameValue, type DraftJournal, type DraftTarget, type KeyValueStore } from '../domain/draft-journal'
import { flushAll, register } from './autosave-registry'
import { describeError } from './errors'

/** How long after the last keystroke a field is saved: one pause for the whole app. */
const AUTOSAVE_DELAY_MS = 400

function browserStore(): KeyValueStore {
  // Storage can be switched off (some private modes throw on access): then the journal lives in
  // memory, and the database write is the only safeguard.
  try {
    return window.localStorage
  } catch {
    return memoryStore()
  }
}

export const draftJournal: DraftJournal = createDraftJournal(browserStore())

export type SaveStatus = { state: 'saved' } | { state: 'waiting' } | { state: 'saving' } | { state: 'failed'; message: string }

interface AutosaveOptions<V> {
  /** What the value edits; every keystroke is journaled under it. */
  target: DraftTarget
  /** The field's name as the user sees it (for the report of a draft that could not be written). */
  label: string
  /** The write; by default the dispatcher that maps a target to its repository function. */
  write?: (value: V) => Promise<unknown>
  delayMs?: number
  journal?: DraftJournal
  onStatus?: (status: SaveStatus) => void
  /** Called once a value has been written (committed). */
  onCommitted?: (value: V) => void
}

interface Autosave<V> {
  /** A keystroke: journaled now, written after the pause. `base` is what the field held before. */
  change(value: V, base?: unknown): void
  /** A draft that cannot be written as it is: journaled (so it is not lost), not written. */
  hold(value: V, base?: unknown): void
  /** The stored value, as this tab last saw it (the base of the next keystroke). */
  setStored(value: V): void
  /** Whether `value` is one this autosave wrote (or is writing): an echo, not a change from elsewhere. */
  wrote(value: unknown): boolean
  /**
   * Stops a write that is waiting, without journaling anything new: the draft became one that
   * cannot be saved (an emptied required field), and the journal keeps the last words typed.
   */
  cancel(): void
  /** Drops what is waiting (the draft is back to what is stored), from the journal too. */
  discard(): void
  hasPending(): boolean
  /** Writes the pending value now; resolves when it is written or has failed. */
  flush(): Promise<void>
  /** Takes part in the flush when the page is hidden; returns the way out. */
  attach(): () => void
}

/** Writes every pending value now (re-exported: the app shell imports it from autosave-registry). */
export { flushAll }

export function createAutosave<V>(options: AutosaveOptions<V>): Autosave<V> {
  const journal = options.journal ?? draftJournal
  const write = options.write ?? ((value: V) => saveDraft(options.target, value))
  const delay = options.delayMs ?? AUTOSAVE_DELAY_MS
  let known: unknown = null
  let pending: { value: V } | null = null
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | null = null
  const recent: unknown[] = []

  const record = (value: V, base: unknown) =>
    journal.record({ target: options.target, value, base: base === undefined ? known : base, at: new Date().toISOString(), label: options.label })

  const run = async () => {
    while (pending) {
      const { value } = pending
      pending = null
      recent.push(value)
      if (recent.length > 5) recent.shift()
      options.onStatus?.({ state: 'saving' })
      try {
        await write(value)
      } catch (e) {
        // Keep it for a retry (unless the user has typed on meanwhile); the journal still has it.
        pending ??= { value }
        options.onStatus?.({ state: 'failed', message: describeError(e) })
        return
      }
      known = value
      journal.clear(options.target, value)
      options.onCommitted?.(value)
    }
    options.onStatus?.({ state: 'saved' })
  }

  const flush = (): Promise<void> => {
    clearTimeout(timer)
    // A write under way picks up what was typed meanwhile as soon as it lands.
    if (running) return running
    if (!pending) return Promise.resolve()
    running = run().finally(() => {
      running = null
    })
    return running
  }

  return {
    change(value, base) {
      record(value, base)
      clearTimeout(timer)
      if (sameValue(value, known) && !running) {
        // Back to what is stored: nothing to write.
        pending = null
        journal.clear(options.target, value)
        options.onStatus?.({ state: 'saved' })
        return
      }
      pending = { value }
      options.onStatus?.({ state: 'waiting' })
      if (delay <= 0) void flush()
      else timer = setTimeout(() => void flush(), delay)
    },
    hold(value, base) {
      clearTimeout(timer)
      pending = null
      record(value, base)
    },
    setStored(value) {
      known = value
    },
    cancel() {
      clearTimeout(timer)
      pending = null
    },
    discard() {
      clearTimeout(timer)
      pending = null
      journal.forget(options.target)
      if (!running) options.onStatus?.({ state: 'saved' })
    },
    // Text is stored trimmed: "Silva " typed comes back as "Silva", and is still ours.
    wrote: (value) => recent.some((v) => sameValue(v, value) || (typeof v === 'string' && typeof value === 'string' && v.trim() === value.trim())),
    hasPending: () => pending !== null || running !== null,
    flush,
    attach: () => register({ flush }),
  }
}
