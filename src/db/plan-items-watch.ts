// The items of one plan, kept live in slices. Each section is read in slices of consecutive items
// (by its [sectionId+order] index), and each slice is a liveQuery of its own, over its own range of
// orders: Dexie re-reads a slice only when a change (in this tab, another tab or a worker) touches
// it. A toggle re-reads the few hundred items around it, not the plan; a liveQuery over the whole plan
// would re-read and re-sort every item of it on each toggle (at 50,000 items, seconds).
// Only Dexie's public API: liveQuery, Collection.limit, Dexie.minKey/maxKey.
import { Dexie, liveQuery, type Subscription } from 'dexie'
import type { Item } from '../domain/model'
import { byOrder } from '../domain/order'
import type { Progress } from '../domain/progress'
import { db } from './database'
import { planProgress } from './plan-queries'

/** A plan's items by section id, each section's in their order. */
export interface PlanItems {
  /** Arrays are never changed: a section whose items changed gets a new one, the others keep theirs. */
  readonly bySection: ReadonlyMap<string, readonly Item[]>
  /**
   * false while the plan is still being read (a long plan shows its top at once): sections missing
   * from bySection are still to be read, `reading` is the one whose first items only are there, and
   * `counted` holds the plan's progress.
   */
  readonly complete: boolean
  readonly reading?: string
  readonly counted?: Progress
  /** Items in the plan (counted while not complete). */
  readonly total: number
}

/** Items read before the plan is first shown: the first screen, and enough below it that what follows is out of sight. */
const FIRST = 200
/**
 * Items per slice after those. One slice is read in one task on the main thread and read again after
 * a change to one of its items: this size keeps both short on a slow phone (at 500, a slice took
 * 10–18 ms on a desktop, 40–70 ms at a phone's four times slower, enough to delay a tap).
 */
const SLICE = 250

const whenIdle = (then: () => void) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(then, { timeout: 200 }) : setTimeout(then, 0))

/** While a long plan is read, what is read so far is shown this often (ms): a link to an item far down finds it without waiting for the rest. */
const SHOW_EVERY = 300

type Order = Item['order']
/** A key of the [sectionId+order] index after the section's id: an order (a string fractional key), or either end. */
type Bound = Order | typeof Dexie.minKey | typeof Dexie.maxKey

interface Slice {
  /** Items read the first time (more where the last orders tie). */
  readonly size: number
  /** Orders after `after` (all from the start for the first slice) up to and including `upTo` (to the end for the last). */
  readonly after: Order | null
  upTo: Order | null | undefined
  rows: readonly Item[] | undefined
  sub?: Subscription
}

interface SectionWatch {
  slices: Slice[]
  /** The section's items as last delivered, and whether a slice changed since. */
  list: readonly Item[]
  dirty: boolean
}

/**
 * Calls `onChange` with the plan's items once its first items are read, once all are, and after every
 * change to them. Returns the function that stops watching. A failed read goes to `onError`.
 */
export function watchPlanItems(planId: string, onChange: (items: PlanItems) => void, onError: (error: unknown) => void): () => void {
  let stopped = false
  /** The plan's sections in order; undefined until read. */
  let sectionIds: string[] | undefined
  const watches = new Map<string, SectionWatch>()
  let counted: Progress | undefined
  /** Items read so far, and whether the first screen of them was shown. */
  let loaded = 0
  let shownFirst = false
  let wasComplete = false
  let deliveredAt = 0
  let resumed = false
  let scheduled = false

  const fail = (error: unknown) => {
    if (stopped) return
    stop()
    onError(error)
  }

  /**
   * The slice reads its range; the first time, the range ends where its `size` items end (ties included).
   * Chained on Dexie's promises, not awaited: liveQuery then sees every read it makes.
   */
  const read = (sectionId: string, slice: Slice) => {
    const from: Bound = slice.after ?? Dexie.minKey
    const index = () => db.items.where('[sectionId+order]')
    if (slice.upTo !== undefined)
      return index()
        .between([sectionId, from], [sectionId, slice.upTo ?? Dexie.maxKey], slice.after === null, true)
        .toArray()
    return index()
      .between([sectionId, from], [sectionId, Dexie.maxKey], slice.after === null, true)
      .limit(slice.size)
      .toArray()
      .then((rows) => {
        const last = rows.at(-1)
        if (rows.length < slice.size || !last) {
          slice.upTo = null
          return rows
        }
        // Items sharing the last order belong to one slice. Where the rows read end inside a run of
        // them, the slice ends before that run, which the next slice reads whole: no second request,
        // which cost a round trip to IndexedDB per slice, a hundred in a row at 50,000 items.
        let cut = rows.length - 1
        while (cut > 0 && rows[cut - 1]?.order === last.order) cut--
        const before = rows[cut - 1]
        if (before) {
          slice.upTo = before.order
          return rows.slice(0, cut)
        }
        // Every row read shares one order: the slice takes all the items of that order, however many.
        return index()
          .equals([sectionId, last.order])
          .toArray()
          .then((tied) => {
            slice.upTo = last.order
            return [...rows.filter((row) => row.order !== last.order), ...tied]
          })
      })
  }
  /**
   * Reads under way. A write touching several slices (a move between sections, a clear) makes each
   * re-read: the rows are delivered once all have, never half-changed (an item moved shown twice or
   * not at all).
   */
  let reads = 0
  let changed = false
  const readCounted = (sectionId: string, slice: Slice) => {
    reads++
    return read(sectionId, slice).finally(() => {
      reads--
      // A re-read whose rows came out the same delivers nothing: what others changed goes now.
      if (reads === 0) setTimeout(() => changed && schedule(), 0)
    })
  }

  const deliver = () => {
    scheduled = false
    changed = false
    deliveredAt = performance.now()
    if (stopped || !sectionIds) return
    const bySection = new Map<string, readonly Item[]>()
    let total = 0
    let reading: string | undefined
    for (const id of sectionIds) {
      const w = watches.get(id)
      // Once the plan was shown whole, a section added since shows as soon as its items are read.
      if (!w || w.slices[0]?.rows === undefined) {
        if (wasComplete) continue
        break
      }
      if (w.dirty) {
        const seen = new Set<string>()
        // A row moved from one slice to another can be in both for a moment: the first copy is kept.
        w.list = w.slices.flatMap((s) => s.rows ?? []).filter((row) => !seen.has(row.id) && Boolean(seen.add(row.id)))
        w.dirty = false
      }
      bySection.set(id, w.list)
      total += w.list.length
      const last = w.slices.at(-1)
      if (!wasComplete && (last?.rows === undefined || last.upTo !== null)) {
        reading = id
        break
      }
    }
    const complete = wasComplete || (reading === undefined && bySection.size === sectionIds.length)
    if (complete) {
      wasComplete = true
      onChange({ bySection, complete, total })
    } else if (counted) onChange({ bySection, complete, reading, counted, total: counted.total })
  }
  /** Changes arriving together (slices read in one go, a write touching two) are delivered once. */
  const schedule = () => {
    if (scheduled) return
    scheduled = true
    queueMicrotask(deliver)
  }

  /** Opens the next slice of the first section not fully watched yet, one at a time, in order. */
  const openNext = () => {
    if (stopped || !sectionIds) return
    for (const id of sectionIds) {
      let w = watches.get(id)
      if (!w) {
        w = { slices: [], list: [], dirty: true }
        watches.set(id, w)
      }
      const last = w.slices.at(-1)
      if (last && last.rows === undefined) return // still reading
      if (last && last.upTo === null) continue // read to its end
      const slice: Slice = { size: shownFirst ? SLICE : FIRST, after: last ? (last.upTo ?? null) : null, upTo: undefined, rows: undefined }
      w.slices.push(slice)
      const watch = w
      slice.sub = liveQuery(() => readCounted(id, slice)).subscribe({
        next: (rows) => {
          const first = slice.rows === undefined
          slice.rows = rows
          watch.dirty = true
          if (first) {
            loaded += rows.length
            // Once the first screen is shown, the reading resumes when the page is next idle: its rows
            // render first. Then slice after slice (waiting for idle each time starved the reading).
            void counting.then(() => {
              if (!shownFirst || resumed) return openNext()
              resumed = true
              whenIdle(openNext)
            })
          }
          // While the plan is read, it is shown once its first screen is (enough rows that what
          // follows is below it), then every SHOW_EVERY ms and once whole; a change to rows read is
          // shown at once.
          if (!first || fullyRead() || (shownFirst ? performance.now() - deliveredAt > SHOW_EVERY : loaded >= FIRST)) {
            shownFirst = true
            changed = true
            if (reads === 0) schedule()
          }
        },
        error: fail,
      })
      return
    }
  }
  const fullyRead = () => !!sectionIds?.every((id) => watches.get(id)?.slices.at(-1)?.upTo === null)

  // The plan's sections, live: a section added later is watched too, a removed one no longer.
  const sectionsSub = liveQuery(() => db.sections.where('planId').equals(planId).toArray()).subscribe({
    next: (sections) => {
      sectionIds = [...sections].sort(byOrder).map((s) => s.id)
      const keep = new Set(sectionIds)
      for (const [id, w] of watches) {
        if (keep.has(id)) continue
        for (const s of w.slices) s.sub?.unsubscribe()
        watches.delete(id)
      }
      openNext()
      // Only once shown (a first delivery waits for the first screen of items), or for a plan of no sections.
      if (shownFirst || fullyRead()) {
        shownFirst = true
        schedule()
      }
    },
    error: fail,
  })
  // The plan's progress is counted (index counts, no rows read) beside the first reads, for the
  // header while the rest is read. The slices after the first wait for it.
  const counting = planProgress(planId).then((p) => {
    counted = p
    if (shownFirst) schedule()
  }, fail)

  function stop() {
    stopped = true
    sectionsSub.unsubscribe()
    for (const w of watches.values()) for (const s of w.slices) s.sub?.unsubscribe()
    watches.clear()
  }
  return stop
}

/** Whether an item of this id is in this plan, read by its key alone: a link to it need not wait for the plan's other items. */
export async function isItemInPlan(planId: string, itemId: string): Promise<boolean> {
  return (await db.items.get(itemId))?.planId === planId
}
