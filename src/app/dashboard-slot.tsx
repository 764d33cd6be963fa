// The readiness dashboard's place above the plan list. Its code and figures arrive after the first
// paint, and its height depends on them (the lists to act on, the supplier warnings), so no room kept
// for it could be exact. Instead what follows the slot (the plan list) is laid out but kept invisible
// (styles.css) until the dashboard is in: the list then shows where it stays, and never jumps. With
// no plans there is no dashboard and nothing waits; a dashboard slower than HOLD_MS waits no more.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import { planSummaries } from '../db/plan-queries'
import { useSharedQuery } from '../ui/use-shared-query'

/** The longest the plan list waits for the dashboard: a list that moves beats a list not shown. */
const HOLD_MS = 3000

export function DashboardSlot({ children }: { children: ReactNode }) {
  // The same shared read as the plan list and the dashboard: no extra IndexedDB work.
  const plans = useSharedQuery(planSummaries)?.length
  const ref = useRef<HTMLDivElement>(null)
  const [holding, setHolding] = useState(true)
  // Before paint: released as soon as the dashboard renders its first element, or there are no plans to show one for.
  useLayoutEffect(() => {
    const slot = ref.current
    if (!slot || !holding) return
    const check = () => {
      if (plans === 0 || slot.firstElementChild) setHolding(false)
    }
    const observer = new MutationObserver(check)
    observer.observe(slot, { childList: true })
    check()
    return () => observer.disconnect()
  }, [holding, plans])
  useEffect(() => {
    const timer = setTimeout(() => setHolding(false), HOLD_MS)
    return () => clearTimeout(timer)
  }, [])
  // flow-root: the dashboard's bottom margin counts in the slot's height.
  return (
    <div ref={ref} className="dashboard-slot" data-holding={holding ? '' : undefined} style={{ display: 'flow-root' }}>
      {children}
    </div>
  )
}
