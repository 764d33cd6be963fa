// Flattens sections and items into the rows the plan page shows, after filters and collapsing.
import { matchesFilter, type ItemFilter } from '../../domain/item-filter'
import type { Item, Section } from '../../domain/model'
import { progressOf, type Progress } from '../../domain/progress'

export type ChecklistRow =
  | { kind: 'section'; key: string; section: Section; progress: Progress; isFirst: boolean; isLast: boolean }
  /** `reviewDue`: for a supplier past its review date, the date it fell due. */
  | { kind: 'item'; key: string; item: Item; section: Section; isFirst: boolean; isLast: boolean; reviewDue: string | null }
  | { kind: 'add-item'; key: string; section: Section }
  | { kind: 'empty-section'; key: string; section: Section }

export function buildRows(
  sections: readonly Section[],
  items: readonly Item[],
  filter: ItemFilter,
  collapsed: ReadonlySet<string>,
  filtering: boolean,
  now: Date,
  reviewDue: ReadonlyMap<string, string> = new Map(),
): { rows: ChecklistRow[]; shown: number } {
  const bySection = new Map<string, Item[]>()
  for (const item of items) {
    const list = bySection.get(item.sectionId)
    if (list) list.push(item)
    else bySection.set(item.sectionId, [item])
  }
  const rows: ChecklistRow[] = []
  let shown = 0
  sections.forEach((section, si) => {
    const all = (bySection.get(section.id) ?? []).sort((a, b) => a.order - b.order)
    const visible = filtering ? all.filter((i) => matchesFilter(i, filter, now)) : all
    if (filtering && visible.length === 0) return
    shown += visible.length
    rows.push({ kind: 'section', key: `s:${section.id}`, section, progress: progressOf(all), isFirst: si === 0, isLast: si === sections.length - 1 })
    if (collapsed.has(section.id)) return
    // Moving is only offered when the whole section is shown, so "up" means up among its items.
    visible.forEach((item, ii) => {
      rows.push({ kind: 'item', key: `i:${item.id}`, item, section, isFirst: filtering || ii === 0, isLast: filtering || ii === visible.length - 1, reviewDue: reviewDue.get(item.id) ?? null })
    })
    if (!filtering && all.length === 0) rows.push({ kind: 'empty-section', key: `e:${section.id}`, section })
    if (!filtering) rows.push({ kind: 'add-item', key: `a:${section.id}`, section })
  })
  return { rows, shown }
}
