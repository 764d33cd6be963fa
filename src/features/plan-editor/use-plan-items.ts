// The plan's items, live: read once, then patched row by row as they change (see plan-items-watch).
import { startTransition, useEffect, useState } from 'react'
import { watchPlanItems, type PlanItems } from '../../db/plan-items-watch'

/** undefined while the first read runs; a failed read is thrown to the nearest error boundary. */
export function usePlanItems(planId: string): PlanItems | undefined {
  const [state, setState] = useState<{ planId: string; items?: PlanItems; error?: unknown }>({ planId })
  useEffect(
    () =>
      watchPlanItems(
        planId,
        // Rendered as a transition: React yields to the browser every few milliseconds while it
        // builds the rows, so a plan's first screen (or a big change) never freezes a tap or a scroll.
        // A checkbox answers at once anyway (its own state); this is the stored row taking over.
        (items) => startTransition(() => setState({ planId, items })),
        (error) => setState({ planId, error: error ?? new Error('Reading the items failed') }),
      ),
    [planId],
  )
  if (state.planId !== planId) return undefined
  if (state.error !== undefined) throw state.error
  return state.items
}
