// Live reads of one drill, its log and the steps of the plans it exercises, shared by its screens.
import { useLiveQuery } from 'dexie-react-hooks'
import { getDrill } from '../../db/drill-repository'
import { listDrillEvents } from '../../db/drill-log-repository'
import { listPlanSteps, type PlanSteps } from '../../db/plan-steps'
import type { Drill, DrillEvent } from '../../domain/drill-model'

/** undefined while loading, null when there is no such drill. */
export function useDrill(id: string): Drill | null | undefined {
  return useLiveQuery(async () => (await getDrill(id)) ?? null, [id])
}

export function useDrillEvents(id: string): DrillEvent[] | undefined {
  return useLiveQuery(() => listDrillEvents(id), [id])
}

/**
 * The steps of these plans; undefined until they are read. A live query keeps its last result while
 * a new one runs, so the result says which plans it is for: the steps of no plans, read while the
 * drill itself was loading, never pass for its plans' steps.
 */
export function usePlanSteps(planIds: readonly string[] | undefined): PlanSteps[] | undefined {
  const key = planIds?.join(',') ?? ''
  const read = useLiveQuery(async () => ({ key, steps: planIds ? await listPlanSteps(planIds) : [] }), [key])
  return read?.key === key ? read.steps : undefined
}
