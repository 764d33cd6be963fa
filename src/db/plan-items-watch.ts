// The items of one plan, kept live row by row. They are read once; after that, each change (made in
// this tab or another) re-reads only the rows it touched, by primary key. A liveQuery over the plan
// would re-read and re-sort every item of it on each toggle: at 50,000 items, seconds of work that
// also hold up the next write.
import { Dexie, type IntervalTree, type ObservabilitySet } from 'dexie'
import type { Item } from '../domain/model'
import type { Progress } from '../domain/progress'
import { db } from './database'
import { planProgress } from './plan-queries'

/** A plan's items by section id, each section's in their order. */
export interface PlanItems {
  /** Arrays are never changed: a section whose items changed gets a new one, the others keep theirs. */
  readonly bySection: ReadonlyMap<string, readonly Item[]>
  /**
   * false while only the first sections are read (a long plan shows its top at once): sections
   * missing from bySection are still being read, and `counted` holds the plan's progress.
   */
  readonly complete: boolean
  readonly counted?: Progress
  /** Items in the plan (counted while not complete). */
  readonly total: number
}

/** Enough items to fill the first screen many times over: the sections holding them are read first. */
const FIRST_ITEMS = 200
/**
 * Items per read. Each read's rows are decoded in one task on the main thread: pages of this size
 * keep those tasks short (about 25 ms on a slow phone), so a long plan never freezes the page.
 */
const PAGE = 1000

type Work = Set<string> | 'all'

/** The primary keys a change touched, or 'all' when it touched a range (a clear, a reopened database). */
function changedItemKeys(parts: ObservabilitySet): Work | null {
  const tree = parts[`idb://${db.name}/items/`]
  if (!tree) return null
  const keys = new Set<string>()
  // Walked by hand: from another tab the tree arrives as plain objects, without RangeSet's iterator.
  const stack: IntervalTree[] = [tree]
  while (stack.length) {
    const node = stack.pop()
    if (!node || !('from' in node)) continue
    if (node.from !== node.to || typeof node.from !== 'string') return 'all'
    keys.add(node.from)
    if (node.l) stack.push(node.l)
    if (node.r) stack.push(node.r)
  }
  return keys.size ? keys : null
}

/** Index of the first item ordered after `order` (equal orders keep their arrival order). */
function insertAt(list: readonly Item[], order: number): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((list[mid]?.order ?? 0) <= order) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Calls `onChange` with the plan's items once read, then after every change to them. Returns the
 * function that stops watching. A failed read goes to `onError`.
 */
export function watchPlanItems(planId: string, onChange: (items: PlanItems) => void, onError: (error: unknown) => void): () => void {
  const byId = new Map<string, Item>()
  let bySection = new Map<string, readonly Item[]>()
  let pending: Work | null = 'all'
  let running = false
  let stopped = false

  // One section, sorted by the [sectionId+order] index, a page at a time. Each page starts at the
  // last order read, inclusive: items sharing that order are skipped by id. Outside a transaction
  // each page is its own, so that a write (a toggle) waits for one page at most; a row moved between
  // two pages can then be read twice, and the later copy is kept (its change event re-reads it anyway).
  const readPages = async (sectionId: string) => {
    const out: Item[] = []
    let from = -Infinity
    let seen = new Set<string>()
    for (;;) {
      const limit = PAGE + seen.size
      const page = await db.items.where('[sectionId+order]').between([sectionId, from], [sectionId, Infinity], true, true).limit(limit).toArray()
      for (const row of page) if (!(row.order === from && seen.has(row.id))) out.push(row)
      const last = page.at(-1)
      if (page.length < limit || !last) break
      from = last.order
      seen = new Set(out.filter((row) => row.order === from).map((row) => row.id))
    }
    const at = new Map(out.map((row, i) => [row.id, i]))
    return at.size === out.length ? out : out.filter((row, i) => at.get(row.id) === i)
  }
  /** The sections shown first are read each in one transaction: fewer round trips before the first rows. */
  const sectionItems = (sectionId: string, first = false) => (first ? db.transaction('r', db.items, () => readPages(sectionId)) : readPages(sectionId))
  const take = (groups: Map<string, readonly Item[]>) => {
    byId.clear()
    for (const [sectionId, list] of groups) {
      for (const row of list) {
        // Sections are read in separate transactions: a row moved between two of them meanwhile
        // is read twice. The later read is the newer one; the change event re-reads it anyway.
        const twice = byId.get(row.id)
        if (twice && twice.sectionId !== sectionId)
          groups.set(
            twice.sectionId,
            (groups.get(twice.sectionId) ?? []).filter((r) => r.id !== row.id),
          )
        byId.set(row.id, row)
      }
    }
    bySection = groups
  }

  // Section by section, through the [sectionId+order] index: each comes sorted. The sections at the
  // top are shown as soon as they are read; the rest follow, then show all at once.
  const readAll = async () => {
    // The plan's progress is counted (index counts, no rows read) beside the first reads, not after them.
    const counting = planProgress(planId)
    counting.catch(() => undefined)
    const sections = await db.sections.where('[planId+order]').between([planId, -Infinity], [planId, Infinity]).toArray()
    const groups = new Map<string, readonly Item[]>()
    let first = 0
    for (let loaded = 0; first < sections.length && loaded < FIRST_ITEMS; first++) {
      const id = sections[first]?.id ?? ''
      const list = await sectionItems(id, true)
      groups.set(id, list)
      loaded += list.length
    }
    if (first < sections.length) {
      const counted = await counting
      if (stopped) return
      take(new Map(groups))
      onChange({ bySection, complete: false, counted, total: counted.total })
      // One section after another, so that a write made meanwhile (a toggle) waits for one section at most.
      for (const s of sections.slice(first)) {
        groups.set(s.id, await sectionItems(s.id))
        if (stopped) return
      }
    }
    take(groups)
  }

  const remove = (next: Map<string, readonly Item[]>, old: Item) => {
    const list = next.get(old.sectionId)
    if (!list) return
    const at = list.indexOf(old)
    if (at < 0) return
    next.set(old.sectionId, list.toSpliced(at, 1))
  }

  const readSome = async (keys: Set<string>) => {
    const ids = [...keys]
    const rows = await db.items.bulkGet(ids)
    const next = new Map(bySection)
    ids.forEach((id, i) => {
      const row = rows[i]
      const old = byId.get(id)
      if (old === row) return
      if (old) {
        remove(next, old)
        byId.delete(id)
      }
      if (row && row.planId === planId) {
        byId.set(id, row)
        const list = next.get(row.sectionId) ?? []
        next.set(row.sectionId, list.toSpliced(insertAt(list, row.order), 0, row))
      }
    })
    bySection = next
  }

  // One read at a time; changes that arrive meanwhile are gathered and read after it, so the rows
  // shown always end up as stored, whatever order the events and reads finish in.
  const run = async () => {
    if (running) return
    running = true
    try {
      while (pending && !stopped) {
        const work = pending
        pending = null
        if (work === 'all') await readAll()
        else await readSome(work)
        if (!stopped && !pending) onChange({ bySection, complete: true, total: byId.size })
      }
    } catch (error) {
      if (!stopped) onError(error)
    } finally {
      running = false
    }
  }

  const onMutated = (parts: ObservabilitySet) => {
    const keys = changedItemKeys(parts)
    if (!keys) return
    if (keys === 'all' || pending === 'all') pending = 'all'
    else if (pending) for (const k of keys) pending.add(k)
    else pending = keys
    void run()
  }

  Dexie.on('storagemutated', onMutated)
  void run()
  return () => {
    stopped = true
    Dexie.on.storagemutated.unsubscribe(onMutated)
  }
}
