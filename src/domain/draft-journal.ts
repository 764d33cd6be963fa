// The journal of unsaved drafts. Every keystroke is recorded here, synchronously, before any
// asynchronous write starts; the entry goes once the database write has committed. What a reload,
// a closed tab, a closed browser or a crash leaves behind is replayed on the next load. The store
// is given (localStorage in the app, a Map in tests), so this module stays plain TypeScript.
import * as z from 'zod/mini'
import { idSchema } from './model'

const ITEM_FIELDS = ['text', 'owner', 'due', 'notes', 'evidence', 'role'] as const
const PLAN_FIELDS = ['title', 'owner', 'reviewEveryDays', 'description'] as const
const SECTION_FIELDS = ['title', 'guidance'] as const

/** What a draft edits: serialisable, so it can be written again after a reload. */
export const draftTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('item'), id: idSchema, field: z.enum(ITEM_FIELDS) }),
  z.strictObject({ kind: z.literal('item-value'), id: idSchema, fieldId: idSchema }),
  /** An item added with Enter: its id is made before the write, so writing it twice adds it once. */
  z.strictObject({ kind: z.literal('new-item'), id: idSchema, sectionId: idSchema }),
  /** A section added with Enter, likewise. */
  z.strictObject({ kind: z.literal('new-section'), id: idSchema, planId: idSchema }),
  /** A drill log entry written with Enter, likewise; its value is a LogEntryDraft. */
  z.strictObject({ kind: z.literal('new-log-entry'), id: idSchema, drillId: idSchema }),
  z.strictObject({ kind: z.literal('plan'), id: idSchema, field: z.enum(PLAN_FIELDS) }),
  z.strictObject({ kind: z.literal('section'), id: idSchema, field: z.enum(SECTION_FIELDS) }),
  /** The changed fields of a scenario, as its editor holds them (see scenario-draft). */
  z.strictObject({ kind: z.literal('scenario'), id: idSchema }),
  z.strictObject({ kind: z.literal('template-title'), id: idSchema }),
  z.strictObject({ kind: z.literal('rating-note'), id: idSchema, index: z.int().check(z.gte(0)) }),
  z.strictObject({ kind: z.literal('user-name') }),
  z.strictObject({ kind: z.literal('organisation-name') }),
])
export type DraftTarget = z.infer<typeof draftTargetSchema>

export const draftEntrySchema = z.strictObject({
  target: draftTargetSchema,
  /** What the user typed (JSON). */
  value: z.unknown(),
  /** What the field held in the database, as far as the editing tab knew, when this was typed. */
  base: z.unknown(),
  /** When it was typed (ISO). */
  at: z.string(),
  /** The field's name as the user saw it, for a report. */
  label: z.string(),
})
export type DraftEntry = z.infer<typeof draftEntrySchema>

/** An entry that could not be written, kept for the user to see and copy. */
export interface AsideEntry {
  key: string
  entry: DraftEntry
  reason: string
}

/** The part of the Web Storage API the journal uses. */
export interface KeyValueStore {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** A store kept in memory, where the browser refuses web storage (and in tests). */
export function memoryStore(): KeyValueStore {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      map.set(k, v)
    },
    removeItem: (k) => {
      map.delete(k)
    },
  }
}

const PENDING = 'continuity-kit:draft:'
const ASIDE = 'continuity-kit:draft-aside:'

/** JSON with object keys sorted, so equal values compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}

export const sameValue = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b)

/** One key per target, so a newer keystroke in the same field replaces the older entry. */
const targetKey = (t: DraftTarget): string => canonical(t)

type ReplayDecision = 'apply' | 'done' | 'conflict' | 'missing'

/** What the database holds now for an entry's target; null when its row is gone. */
export interface CurrentValue {
  value: unknown
  /** When the row was last written, if it says. */
  updatedAt: string | null
}

/**
 * Whether replaying an entry may write it. Already there: done. The field still holds what the
 * user saw when typing: apply. Anything else is a conflict, never overwritten, whatever the row's
 * stamp says (an import keeps a file's stamp, an undo the old one): the words are set aside for
 * the user instead.
 */
export function replayDecision(entry: DraftEntry, current: CurrentValue | null): ReplayDecision {
  if (!current) return 'missing'
  if (sameValue(current.value, entry.value)) return 'done'
  if (sameValue(current.value, entry.base)) return 'apply'
  return 'conflict'
}

export interface DraftJournal {
  /** Records a keystroke; false when the store refused it (full, or blocked). */
  record(entry: DraftEntry): boolean
  /** Forgets the entry of `target` if it still holds `committed` (a newer keystroke stays). */
  clear(target: DraftTarget, committed: unknown): void
  /** Forgets the entry of `target` whatever it holds (the user went back to what is stored). */
  forget(target: DraftTarget): void
  /** The entry of `target`, if one is waiting. */
  get(target: DraftTarget): DraftEntry | null
  /** Every entry waiting to be written. */
  pending(): DraftEntry[]
  /** Moves an entry out of the way of replay, with why, for the user to see. */
  setAside(entry: DraftEntry, reason: string): void
  aside(): AsideEntry[]
  dismissAside(key: string): void
}

export function createDraftJournal(store: KeyValueStore): DraftJournal {
  const keys = (prefix: string) => {
    const out: string[] = []
    for (let i = 0; i < store.length; i++) {
      const k = store.key(i)
      if (k?.startsWith(prefix)) out.push(k)
    }
    return out
  }
  const read = (key: string): DraftEntry | null => {
    const raw = store.getItem(key)
    if (raw === null) return null
    try {
      const parsed = draftEntrySchema.safeParse(JSON.parse(raw))
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }
  return {
    record(entry) {
      try {
        store.setItem(PENDING + targetKey(entry.target), JSON.stringify(entry))
        return true
      } catch {
        return false
      }
    },
    clear(target, committed) {
      const key = PENDING + targetKey(target)
      const entry = read(key)
      if (entry && sameValue(entry.value, committed)) store.removeItem(key)
    },
    forget(target) {
      store.removeItem(PENDING + targetKey(target))
    },
    get(target) {
      return read(PENDING + targetKey(target))
    },
    pending() {
      return keys(PENDING).flatMap((k) => {
        const entry = read(k)
        return entry ? [entry] : []
      })
    },
    setAside(entry, reason) {
      const key = PENDING + targetKey(entry.target)
      try {
        store.setItem(`${ASIDE}${targetKey(entry.target)}@${entry.at}`, JSON.stringify({ entry, reason }))
      } catch {
        // Full: the entry stays pending, and is tried (and reported) again next time.
        return
      }
      const current = read(key)
      if (current && sameValue(current.value, entry.value)) store.removeItem(key)
    },
    aside() {
      return keys(ASIDE).flatMap((key) => {
        try {
          const { entry, reason } = JSON.parse(store.getItem(key) ?? 'null') as { entry: unknown; reason: unknown }
          const parsed = draftEntrySchema.safeParse(entry)
          return parsed.success && typeof reason === 'string' ? [{ key, entry: parsed.data, reason }] : []
        } catch {
          return []
        }
      })
    },
    dismissAside(key) {
      store.removeItem(key)
    },
  }
}

/** The words of an entry, for a person to read or copy. */
export function entryText(entry: DraftEntry): string {
  if (typeof entry.value === 'string') return entry.value
  // A log entry: its words are what the user wants back.
  const words = (entry.value as { text?: unknown } | null)?.text
  if (entry.target.kind === 'new-log-entry' && typeof words === 'string') return words
  return JSON.stringify(entry.value, null, 2)
}
