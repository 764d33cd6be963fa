// Live reads for the incident screens: the incident, what its outage stops (from the registers),
// and who is ticking steps on this device.
import { useLiveQuery } from 'dexie-react-hooks'
import { readIncidentRegisters } from '../../db/incident-repository'
import { getSetting, SETTING_USER_NAME } from '../../db/settings-repository'
import type { Drill } from '../../domain/drill-model'
import { namedProviders, stoppedFunctions, suppliersDown, type FunctionInfo, type StoppedFunction, type SupplierInfo } from '../../domain/incident-impact'
import type { IncidentRun } from '../../domain/incident'

export interface Impact {
  suppliers: SupplierInfo[]
  providers: string[]
  /** Ids of the suppliers down, marked or through what they run on. */
  down: Set<string>
  stopped: StoppedFunction<FunctionInfo>[]
}

/** What the incident's outage stops, re-read whenever the registers or the incident change. */
export function useImpact(incident: IncidentRun | Drill | null | undefined): Impact | undefined {
  const registers = useLiveQuery(readIncidentRegisters)
  if (!registers || !incident?.incident) return undefined
  const { affectedSupplierIds, affectedProviders } = incident.incident
  return {
    suppliers: registers.suppliers,
    providers: namedProviders(registers.suppliers),
    down: suppliersDown(registers.suppliers, affectedSupplierIds, affectedProviders),
    stopped: stoppedFunctions(registers.suppliers, registers.functions, affectedSupplierIds, affectedProviders),
  }
}

/** Who ticks a step on this device: the name in Settings, else the incident's log keeper. */
export function useWho(incident: IncidentRun): string {
  const name = useLiveQuery(() => getSetting(SETTING_USER_NAME), [])
  return (name ?? '').trim() || incident.incident.logKeeper
}
