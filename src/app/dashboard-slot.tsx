// The room the readiness dashboard takes above the plan list, kept while its code and figures load,
// so the first paint need not wait for them and the list below does not jump when they arrive. The
// height is the one the dashboard had last time at this window width (kept in localStorage, as a
// layout hint, not data), or an estimate from the number of plans.
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { planSummaries } from '../db/plan-queries'
import { useSharedQuery } from '../ui/use-shared-query'

const KEY = 'ck:dashboard-height'
const REM = 15 // px: the root font size (styles.css)

function remembered(): number | null {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as { width?: unknown; height?: unknown } | null
    return saved && saved.width === innerWidth && typeof saved.height === 'number' ? saved.height : null
  } catch {
    return null
  }
}

/** Heading, figures (one row wide, three narrow), the per-plan table and the card's padding and margin. */
function estimate(plans: number): number {
  const narrow = innerWidth <= 600
  return Math.round(REM * (2.6 + (narrow ? 12.6 : 4.3) + 2.9 + 1.75 * plans + 3.1))
}

function save(height: number) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ width: innerWidth, height }))
  } catch {
    // No storage for hints (private mode, full): the next visit estimates instead.
  }
}

export function DashboardSlot({ children }: { children: ReactNode }) {
  // The same shared read as the plan list and the dashboard: no extra IndexedDB work.
  const plans = useSharedQuery(planSummaries)?.length
  const ref = useRef<HTMLDivElement>(null)
  const [reserve] = useState(() => remembered())
  const [shown, setShown] = useState(false)
  // The dashboard renders nothing until its figures are read: the room is kept until it does.
  useLayoutEffect(() => {
    const slot = ref.current
    if (!slot || shown) return
    const check = () => {
      if (slot.firstElementChild) setShown(true)
    }
    const observer = new MutationObserver(check)
    observer.observe(slot, { childList: true })
    check()
    return () => observer.disconnect()
  }, [shown])
  useLayoutEffect(() => {
    const slot = ref.current
    if (!shown || !slot || typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => save(slot.offsetHeight))
    observer.observe(slot)
    return () => observer.disconnect()
  }, [shown])
  // No plans, no dashboard: no room either. Once the dashboard is there it takes its own height.
  const minHeight = shown || plans === 0 ? undefined : (reserve ?? (plans === undefined ? undefined : estimate(plans)))
  // flow-root: the dashboard's bottom margin counts in the slot's height, with or without the reserve.
  return (
    <div ref={ref} className="dashboard-slot" style={{ display: 'flow-root', minHeight }}>
      {children}
    </div>
  )
}
