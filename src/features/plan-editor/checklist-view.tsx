// The plan's sections and items. Long plans render only the rows on screen, so a plan of
// thousands of items opens and scrolls as fast as a short one (printing uses PrintPlan).
import { measureElement, useWindowVirtualizer, windowScroll, type Rect, type Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefCallback } from 'react'
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

/** Lists whose first screen has been painted. */
const painted = new WeakSet<Virtualizer<Window, Element>>()

/**
 * A row's height. The first screen's rows keep their estimate as they mount, and their observer
 * reports their real height once the page is laid out, before it is painted: measuring each as it
 * mounted forced a layout of the page in the middle of the first render. Rows mounted later (a
 * scroll, a link to an item far down) are measured as they mount, so that the virtualiser has placed
 * them before anything looks for them: a row placed a frame later could leave the rendered range for
 * a moment and lose the focus a link gave it.
 */
function measureRow(row: Element, entry: ResizeObserverEntry | undefined, virtualizer: Virtualizer<Window, Element>): number {
  if (entry || painted.has(virtualizer)) return measureElement(row, entry, virtualizer)
  const index = virtualizer.indexFromElement(row)
  return virtualizer.itemSizeCache.get(virtualizer.options.getItemKey(index)) ?? virtualizer.options.estimateSize(index)
}

/**
 * The window scrolling the virtualiser asks for, less its first request: on starting it scrolls the
 * window to where it already is, which forces a layout of the page in the middle of the first render.
 */
function scrollerSkippingTheFirst(): typeof windowScroll {
  let started = false
  return (offset, options, virtualizer) => {
    if (started) windowScroll(offset, options, virtualizer)
    started = true
  }
}

/**
 * The window's size for the virtualiser, kept from the last resize (or from when this module loaded):
 * the virtualiser read it as the list mounted, and reading it then forces a layout of the page.
 */
let windowSize: Rect = { width: window.innerWidth, height: window.innerHeight }
const readWindowSize = () => {
  windowSize = { width: window.innerWidth, height: window.innerHeight }
}
// Kept while no list is shown too, so that the next one starts from the size the window has then.
window.addEventListener('resize', readWindowSize, { passive: true })
function observeWindowSize(_virtualizer: Virtualizer<Window, Element>, report: (rect: Rect) => void): () => void {
  const onResize = () => {
    readWindowSize()
    report(windowSize)
  }
  report(windowSize)
  window.addEventListener('resize', onResize, { passive: true })
  return () => window.removeEventListener('resize', onResize)
}

function VirtualRows({ rows, reveal, onRevealed, conflicted = NO_CONFLICTS }: { rows: ChecklistRow[] } & Reveal) {
  const listRef = useRef<HTMLDivElement>(null)
  const [offset, setOffset] = useState(0)
  // What sits above the list (header, description, filters) can change height at any time: keep
  // the offset the rows are placed from in step with it.
  // Read as the list mounts, although that forces a layout: a list placed from a wrong offset for a
  // frame renders the wrong rows, and a row a link had just focused could leave the page and lose it.
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
  const [scrollToFn] = useState(scrollerSkippingTheFirst)
  // The virtualiser places the rows and sizes the list itself, in the DOM: a row measured, or a
  // scroll within the rows already rendered, then costs no render.
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize,
    overscan: OVERSCAN,
    scrollMargin: offset,
    getItemKey,
    measureElement: measureRow,
    scrollToFn,
    observeElementRect: observeWindowSize,
    directDomUpdates: true,
  })
  useEffect(() => {
    const frame = requestAnimationFrame(() => painted.add(virtualizer))
    return () => cancelAnimationFrame(frame)
  }, [virtualizer])
  const containerRef = virtualizer.containerRef
  const listRefs: RefCallback<HTMLDivElement> = useCallback(
    (node) => {
      listRef.current = node
      containerRef(node)
    },
    [containerRef],
  )
  useEffect(() => {
    const index = reveal ? rows.findIndex((r) => r.kind === 'item' && r.item.id === reveal) : -1
    if (!reveal || index < 0) return
    // Rendered only near the screen: scroll there first, then the row exists to focus.
    virtualizer.scrollToIndex(index, { align: 'center' })
    return focusItemWhenShown(reveal, () => onRevealed?.())
  }, [reveal, rows, onRevealed, virtualizer])
  return (
    <div ref={listRefs} className="checklist" style={{ position: 'relative' }}>
      {virtualizer.getVirtualItems().map((v) => {
        const row = rows[v.index]
        if (!row) return null
        return (
          <div
            key={v.key}
            data-index={v.index}
            ref={virtualizer.measureElement}
            className={`row row-${row.kind}`}
            style={{ position: 'absolute', top: 0, left: 0, width: '100%' }}
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
