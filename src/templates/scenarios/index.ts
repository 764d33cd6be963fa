// The built-in drill scenarios, in the order the drills page lists them.
import type { Scenario } from '../../domain/drill-model'
import { cloudDdosScenario } from './cloud-ddos'
import { ransomwareScenario } from './ransomware'
import { saasOutageScenario } from './saas-outage'
import { securityUpdateScenario } from './security-update'

export const BUILTIN_SCENARIOS: readonly Scenario[] = [cloudDdosScenario, securityUpdateScenario, saasOutageScenario, ransomwareScenario]

export function findBuiltinScenario(id: string): Scenario | undefined {
  return BUILTIN_SCENARIOS.find((s) => s.id === id)
}
