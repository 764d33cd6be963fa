// The plan's sections and items. Long plans render only the rows on screen, so a plan of
// thousands of items opens and scrolls as fast as a short one (printing uses PrintPlan).
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ChecklistRow } from './checklist-rows'
import { AddForm } from './add-form'
import { ItemRow } from './item-row'
import { SectionHeader } from './section-header'
import { focusItemWhenShown } from './reveal-item'

/** An item to bring into view (see reveal-item.ts), and what to call once that is done; the items changed on two devices. */
interface Reveal {
  reveal?: string | null
  onRevealed?: () => void
  conflicted?: ReadonlySet<string>
}

const NO_CONFLICTS: ReadonlySet<string> = new Set()

/** Below this many rows (a plan made from a template has about 60) everything is rendered: simpler for
 * assistive tech. Above it, rendering every row made the first paint wait (Lighthouse: 2 s of blocking at 100 items). */
const VIRTUALIZE_FROM = 100

/** Rows rendered beyond each edge of the screen: enough for a fast scroll, few enough that a plan's first screen renders at once. */
const OVERSCAN = 5

function Row({ row, conflicted }: { row: ChecklistRow; conflicted: ReadonlySet<string> }) {
  switch (row.kind) {
    case 'section':
      return <SectionHeader section={row.section} progress={row.progress} isFirst={row.isFirst} isLast={row.isLast} />
    case 'item':
      return (
        <ItemRow
          item={row.item}
          fields={row.section.fields}
          isFirst={row.isFirst}
          isLast={row.isLast}
          reviewDue={row.reviewDue}
          supplierRow={row.section.role === 'supplier-register'}
          role={row.section.role}
          conflicted={conflicted.has(row.item.id)}
        />
      )
    case 'empty-section':
      return <p className="muted empty-section">No items in this section yet. Add the first one below.</p>
    case 'add-item':
      return <AddForm label={`New item in ${row.section.title}`} button="Add item" newItemIn={row.section.id} />
  }
}

function AllRows({ rows, reveal, onRevealed, conflicted = NO_CONFLICTS }: { rows: ChecklistRow[] } & Reveal) {
  useEffect(() => {
    if (!reveal || !rows.some((r) => r.kind === 'item' && r.item.id === reveal)) return
    return focusItemWhenShown(reveal, () => onRevealed?.())
  }, [reveal, rows, onRevealed])
  return (
    <div className="checklist">
      {rows.map((row) => (
        <div key={row.key} className={`row row-${row.kind}`}>
          <Row row={row} conflicted={conflicted} />
        </div>
      ))}
    </div>
  )
}

function VirtualRows({ rows, reveal, onRevealed, conflicted = NO_CONFLICTS }: { rows: ChecklistRow[] } & Reveal) {
  const listRef = useRef<HTMLDivElement>(null)
  const [offset, setOffset] = useState(0)
  // What sits above the list (header, description, filters) can change height at any time: keep
  // the offset the rows are placed from in step with it.
  useLayoutEffect(() => {
    const list = listRef.current
    if (!list) return
    const measure = () => setOffset(list.offsetTop)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    // Every element laid out before the list, at each level up to the page.
    for (let node: Element | null = list; node && node !== document.body; node = node.parentElement) {
      for (let above = node.previousElementSibling; above; above = above.previousElementSibling) observer.observe(above)
    }
    return () => observer.disconnect()
  }, [])
  // Stable while the rows are: a new getItemKey makes the virtualiser lay out every row again,
  // and it renders on every scroll (50,000 rows: milliseconds each frame).
  const estimateSize = useCallback((i: number) => (rows[i]?.kind === 'section' ? 64 : 52), [rows])
  const getItemKey = useCallback((i: number) => rows[i]?.key ?? i, [rows])
  const virtualizer = useWindowVirtualizer({ count: rows.length, estimateSize, overscan: OVERSCAN, scrollMargin: offset, getItemKey })
  useEffect(() => {
    const index = reveal ? rows.findIndex((r) => r.kind === 'item' && r.item.id === reveal) : -1
    if (!reveal || index < 0) return
    // Rendered only near the screen: scroll there first, then the row exists to focus.
    virtualizer.scrollToIndex(index, { align: 'center' })
    return focusItemWhenShown(reveal, () => onRevealed?.())
  }, [reveal, rows, onRevealed, virtualizer])
  return (
    <div ref={listRef} className="checklist" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
      {virtualizer.getVirtualItems().map((v) => {
        const row = rows[v.index]
        if (!row) return null
        return (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className={`row row-${row.kind}`}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%', transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)` }}
          >
            <Row row={row} conflicted={conflicted} />
          </div>
        )
      })}
    </div>
  )
}

export function ChecklistView({ rows, reveal, onRevealed, conflicted }: { rows: ChecklistRow[] } & Reveal) {
  return rows.length < VIRTUALIZE_FROM ? (
    <AllRows rows={rows} reveal={reveal} onRevealed={onRevealed} conflicted={conflicted} />
  ) : (
    <VirtualRows rows={rows} reveal={reveal} onRevealed={onRevealed} conflicted={conflicted} />
  )
}
