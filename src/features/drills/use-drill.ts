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

export function usePlanSteps(planIds: readonly string[] | undefined): PlanSteps[] | undefined {
  const key = planIds?.join(',') ?? ''
  return useLiveQuery(() => (planIds ? listPlanSteps(planIds) : Promise.resolve([])), [key])
}
