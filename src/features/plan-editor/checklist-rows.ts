// Flattens sections and items into the rows the plan page shows, after filters and collapsing.
// Item arrays are never changed in place (see plan-items-watch), so what is derived from one
// section's items is kept by array and reused: after a toggle only that section's rows are rebuilt,
// and the other rows stay the same objects (their memoised components do not render again).
import { matchesFilter, type ItemFilter } from '../../domain/item-filter'
import type { Item, Section } from '../../domain/model'
import { progressOf, type Progress } from '../../domain/progress'

export type ChecklistRow =
  /** `progress`: null while the section is read only in part. */
  | { kind: 'section'; key: string; section: Section; progress: Progress | null; isFirst: boolean; isLast: boolean }
  /** `reviewDue`: for a supplier past its review date, the date it fell due. */
  | { kind: 'item'; key: string; item: Item; section: Section; isFirst: boolean; isLast: boolean; reviewDue: string | null }
  | { kind: 'add-item'; key: string; section: Section }
  | { kind: 'empty-section'; key: string; section: Section }

type ItemRowData = Extract<ChecklistRow, { kind: 'item' }>

const NONE: readonly Item[] = []
const NO_DUES: ReadonlyMap<string, string> = new Map()

const progressCache = new WeakMap<readonly Item[], Progress>()
/** Progress of one section's items, counted once per version of the section. */
function sectionProgress(items: readonly Item[]): Progress {
  let p = progressCache.get(items)
  if (!p) {
    p = progressOf(items)
    progressCache.set(items, p)
  }
  return p
}

/** Progress of the whole plan: the sum of its sections'. */
export function planProgress(bySection: ReadonlyMap<string, readonly Item[]>): Progress {
  const total: Progress = { done: 0, applicable: 0, blocked: 0, total: 0 }
  for (const list of bySection.values()) {
    const p = sectionProgress(list)
    total.done += p.done
    total.applicable += p.applicable
    total.blocked += p.blocked
    total.total += p.total
  }
  return total
}

const ownersCache = new WeakMap<readonly Item[], readonly string[]>()
/** Everyone named as an owner in the plan, sorted. */
export function planOwners(bySection: ReadonlyMap<string, readonly Item[]>): string[] {
  const all = new Set<string>()
  for (const list of bySection.values()) {
    let owners = ownersCache.get(list)
    if (!owners) {
      owners = [...new Set(list.map((i) => i.owner).filter((o) => o !== ''))]
      ownersCache.set(list, owners)
    }
    for (const o of owners) all.add(o)
  }
  return [...all].sort((a, b) => a.localeCompare(b))
}

/** Every item of the plan in one array, section by section (for print and the register reads). */
export function allItems(bySection: ReadonlyMap<string, readonly Item[]>): Item[] {
  return [...bySection.values()].flat()
}

/** Finds one item of the plan by id. */
export function findItem(bySection: ReadonlyMap<string, readonly Item[]>, id: string): Item | undefined {
  for (const list of bySection.values()) {
    const item = list.find((i) => i.id === id)
    if (item) return item
  }
  return undefined
}

const rowsCache = new WeakMap<readonly Item[], { section: Section; reviewDue: ReadonlyMap<string, string>; rows: ItemRowData[] }>()
/** The unfiltered item rows of one section, reused while its items, the section and the review dates stay the same. */
function sectionRows(section: Section, items: readonly Item[], reviewDue: ReadonlyMap<string, string>): ItemRowData[] {
  const hit = rowsCache.get(items)
  if (hit && hit.section === section && hit.reviewDue === reviewDue) return hit.rows
  const last = items.length - 1
  const rows = items.map((item, ii): ItemRowData => ({
    kind: 'item',
    key: `i:${item.id}`,
    item,
    section,
    isFirst: ii === 0,
    isLast: ii === last,
    reviewDue: reviewDue.get(item.id) ?? null,
  }))
  rowsCache.set(items, { section, reviewDue, rows })
  return rows
}

export function buildRows(
  sections: readonly Section[],
  bySection: ReadonlyMap<string, readonly Item[]>,
  filter: ItemFilter,
  collapsed: ReadonlySet<string>,
  filtering: boolean,
  now: Date,
  reviewDue: ReadonlyMap<string, string> = NO_DUES,
  /**
   * false while the plan is still being read: the sections not read yet are left out, not shown
   * empty, and the last one shown (maybe read only in part) gets no "add item" form until it is.
   */
  complete = true,
): { rows: ChecklistRow[]; shown: number } {
  const rows: ChecklistRow[] = []
  let shown = 0
  for (const [si, section] of sections.entries()) {
    if (!complete && !bySection.has(section.id)) break
    const partial = !complete && !bySection.has(sections[si + 1]?.id ?? '')
    const all = bySection.get(section.id) ?? NONE
    const visible = filtering ? all.filter((i) => matchesFilter(i, filter, now)) : all
    if (filtering && visible.length === 0) continue
    shown += visible.length
    rows.push({
      kind: 'section',
      key: `s:${section.id}`,
      section,
      progress: partial ? null : sectionProgress(all),
      isFirst: si === 0,
      isLast: si === sections.length - 1,
    })
    if (collapsed.has(section.id)) continue
    if (filtering) {
      // Moving is only offered when the whole section is shown, so "up" means up among its items.
      for (const item of visible)
        rows.push({ kind: 'item', key: `i:${item.id}`, item, section, isFirst: true, isLast: true, reviewDue: reviewDue.get(item.id) ?? null })
      continue
    }
    for (const row of sectionRows(section, all, reviewDue)) rows.push(row)
    if (partial) break
    if (all.length === 0) rows.push({ kind: 'empty-section', key: `e:${section.id}`, section })
    rows.push({ kind: 'add-item', key: `a:${section.id}`, section })
  }
  return { rows, shown }
}
