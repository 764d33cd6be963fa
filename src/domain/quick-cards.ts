// Quick cards: one page per built-in scenario, "if this happens". What is down; which business
// functions stop (from the dependency map, through the chain of what suppliers run on), with their
// RTO and workaround; the first steps by role from the plans the scenario exercises; whom to call.
import { analyseChains, providerKey } from './concentration'
import type { Scenario } from './drill-model'
import type { PlanBundle } from './export-format'
import { byRole, byRto, readRunbook, type FunctionCard, type Holder, type RoleSteps, type SupplierLine } from './grab-pack'
import { stoppedFunctions, suppliersDown } from './incident-impact'
import { NO_NAMES, type ItemNames } from './link-names'
import { isCriticalLevel } from './registers'

/** How far a scenario reaches into the dependency map. */
type Reach =
  /** The provider most critical functions end on, through what suppliers run on. */
  | 'main-provider'
  /** Any Critical or High supplier. */
  | 'key-suppliers'
  /** Every business function: staff devices or files are gone, whichever supplier the function uses. */
  | 'everything'

interface CardSpec {
  /** Short enough for a link. */
  name: string
  reach: Reach
  /** What is down, when the registers name nothing more precise. */
  down: string
}

const SPECS: Readonly<Record<string, CardSpec>> = {
  'scenario-cloud-ddos': { name: 'Cloud provider down', reach: 'main-provider', down: 'Your main cloud provider' },
  'scenario-saas-outage': { name: 'Online service down', reach: 'key-suppliers', down: 'A key online service' },
  'scenario-security-update': {
    name: 'Laptops stopped by an update',
    reach: 'everything',
    down: 'Staff laptops: a faulty update stops them at start-up, and each must be fixed by hand',
  },
  'scenario-ransomware': { name: 'Ransomware', reach: 'everything', down: 'Files and systems encrypted by ransomware; data may have been copied' },
}

export interface StoppedCard {
  fn: FunctionCard
  /** Why it stops, in words ("Cloud hosting provider", "depends on Take customer orders"); empty when everything stops. */
  because: string[]
}

export interface QuickCard {
  scenarioId: string
  name: string
  summary: string
  /** What is down, in words. */
  down: string
  /** Whether every business function stops (devices or files are down), not only those that need what is down. */
  everything: boolean
  /** The functions that stop: critical ones first, each tightest RTO first. */
  stops: StoppedCard[]
  /** The first steps (invoking, then the first hour) of the plans the scenario exercises, by role. */
  steps: RoleSteps[]
  /** Everyone holding a role those steps name. */
  call: Holder[]
  /** The suppliers that are down, with their support line and status page. */
  suppliers: SupplierLine[]
}

/** The scenarios that have a quick card, in the order given, with the card's short name. */
export function quickCardLinks(scenarios: readonly Scenario[]): { scenarioId: string; name: string }[] {
  return scenarios.flatMap((s) => {
    const spec = SPECS[s.id]
    return spec ? [{ scenarioId: s.id, name: spec.name }] : []
  })
}

/** The quick card of a built-in scenario drawn from these plans, or null for a scenario without one. */
export function buildQuickCard(scenario: Scenario, bundles: readonly PlanBundle[], linked: ItemNames = NO_NAMES): QuickCard | null {
  const spec = SPECS[scenario.id]
  if (!spec) return null
  const book = readRunbook(bundles, linked)
  const kinds = new Set(scenario.planKinds)
  const mine = book.steps.filter((s) => kinds.has(s.planKind))
  const steps = byRole([...mine.filter((s) => s.phase === 'invoke'), ...mine.filter((s) => s.phase === 'first-hour')], book.holders)
  const call = [...new Map(steps.flatMap((g) => g.holders).map((h) => [h.id, h])).values()]

  const { suppliers, functions } = book.registers
  let down = spec.down
  let marked: string[] = []
  let providers: string[] = []
  if (spec.reach === 'main-provider') {
    // Every supplier a function relies on counts, its own and those of the functions it needs.
    const uses = book.functions.map((fn) => ({ fn, supplierIds: fn.suppliers.filter((s) => s.known).map((s) => s.id) }))
    const top = analyseChains(suppliers, uses).providers[0]
    if (top) {
      down = `${top.name}${top.regions.length ? ` (${top.regions.join(', ')})` : ''}, which ${top.criticalFunctions.length} critical function${top.criticalFunctions.length === 1 ? '' : 's'} rely on`
      if (top.kind === 'supplier' && top.supplier) marked = [top.supplier.id]
      // Every spelling of the platform, as the suppliers wrote it ("Microsoft  Azure" is Microsoft Azure too).
      else providers = [...new Set(suppliers.filter((s) => providerKey(s.platform) === providerKey(top.name)).map((s) => s.platform))]
    }
  } else if (spec.reach === 'key-suppliers') {
    const key = suppliers.filter((s) => isCriticalLevel(s.criticality))
    marked = key.map((s) => s.id)
    if (key.length) down = `${spec.down}: any of ${key.map((s) => s.name).join(', ')}`
  }
  const cards = new Map(book.functions.map((f) => [f.id, f]))
  const stops: StoppedCard[] =
    spec.reach === 'everything'
      ? // Devices or files are what is down, not a supplier: the card keeps to what to do instead.
        book.functions.map((fn) => ({ fn: { ...fn, suppliers: [] }, because: [] }))
      : stoppedFunctions(suppliers, functions, marked, providers).flatMap(({ fn, because }) => {
          const card = cards.get(fn.id)
          return card ? [{ fn: card, because }] : []
        })
  const downIds = spec.reach === 'everything' ? [] : [...suppliersDown(suppliers, marked, providers)]
  return {
    scenarioId: scenario.id,
    name: spec.name,
    summary: scenario.summary,
    down,
    everything: spec.reach === 'everything',
    stops: stops.sort((a, b) => Number(b.fn.critical) - Number(a.fn.critical) || byRto(a.fn, b.fn)),
    steps,
    call,
    suppliers: downIds.flatMap((id) => book.supplierLine(id) ?? []),
  }
}
