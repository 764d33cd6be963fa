// Concentration through the supply chain ("fourth parties"): suppliers run on other suppliers or on
// providers outside the registers, so two "different" suppliers may share one provider. For each
// ultimate provider, which critical functions depend on it and through which suppliers. Pure; every
// walk keeps a visited set, so a circle of suppliers running on each other is reported, never looped on.
import { CONCENTRATION_MIN, findCycles, type DependencyAnalysis } from './dependencies'
import type { FunctionEntry, SupplierEntry } from './registers'

/** What the chain needs of a supplier: what it runs on. */
export interface ChainSupplier {
  id: string
  name: string
  /** Ids of the suppliers (in any register) it runs on. */
  runsOn: readonly string[]
  /** A provider outside the registers ("Microsoft Azure"), or ''. */
  platform: string
  /** Where it runs at that provider ("West Europe"), or ''. */
  region: string
}

/** What the chain needs of a business function. */
export interface ChainFunction {
  id: string
  critical: boolean
}

/** A function with every supplier it relies on (its own, and those of the functions it needs). */
export interface ChainUse<F> {
  fn: F
  supplierIds: readonly string[]
}

/** How one supplier a function names reaches a provider: the suppliers on the way, the entry first. */
export interface Route<S> {
  path: S[]
  /** Suppliers between the entry and the provider: 0 when the entry is the provider or sits on it. */
  between: number
}

export interface ProviderDependent<S, F> {
  fn: F
  /** The suppliers the function relies on whose chain reaches the provider, each by its shortest route. */
  routes: Route<S>[]
}

export interface ProviderConcentration<S, F> {
  /** 'platform:<normalised name>' or 'supplier:<id>'. */
  key: string
  kind: 'platform' | 'supplier'
  name: string
  /** The supplier row when the provider is one of the registers' suppliers. */
  supplier: S | null
  /** Regions named for it, as first written. */
  regions: string[]
  /** Every supplier whose chain reaches it (the provider itself excluded), nearest first. */
  suppliers: Route<S>[]
  functions: ProviderDependent<S, F>[]
  criticalFunctions: ProviderDependent<S, F>[]
  /** Suppliers named by critical functions that are the provider, or sit right on a platform. */
  directly: S[]
  /** Suppliers named by critical functions that reach it through others. */
  through: S[]
  concentration: boolean
}

export interface ChainAnalysis<S, F> {
  /** Providers at the end of a chain, most critical functions first. */
  providers: ProviderConcentration<S, F>[]
  /** Each circle of suppliers running on each other, in order (the first runs on the second…). */
  cycles: S[][]
}

/** A provider's name compared without case or extra spaces: "microsoft  AZURE " is "Microsoft Azure". */
export function providerKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase()
}

interface Reach {
  key: string
  /** From the supplier to the last supplier before a platform, or to the supplier that is the provider. */
  path: string[]
}

/**
 * The providers one supplier ends on, each by its shortest route (breadth first). A supplier that
 * runs on nothing known ends on itself; one in a circle with no way out ends nowhere.
 */
function reachOf(start: string, byId: ReadonlyMap<string, ChainSupplier>, edges: ReadonlyMap<string, readonly string[]>): Reach[] {
  const found = new Map<string, string[]>()
  const parent = new Map<string, string | null>([[start, null]])
  const pathTo = (id: string): string[] => {
    const out: string[] = []
    for (let at: string | null | undefined = id; at != null; at = parent.get(at)) out.push(at)
    return out.reverse()
  }
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string
    const s = byId.get(id)
    if (!s) continue
    const next = edges.get(id) ?? []
    const platform = providerKey(s.platform)
    if (platform !== '' && !found.has(`platform:${platform}`)) found.set(`platform:${platform}`, pathTo(id))
    if (platform === '' && next.length === 0 && !found.has(`supplier:${id}`)) found.set(`supplier:${id}`, pathTo(id))
    for (const n of next) {
      if (parent.has(n)) continue
      parent.set(n, id)
      queue.push(n)
    }
  }
  return [...found].map(([key, path]) => ({ key, path }))
}

const words = (list: readonly string[]): string => (list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}`)

/**
 * Follows every supplier's chain to the providers it ends on, and counts per provider the functions
 * relying on it. Only providers that carry another supplier, or are named as a platform, are listed:
 * a supplier that runs on nothing and carries nobody is already counted as itself elsewhere.
 */
export function analyseChains<S extends ChainSupplier, F extends ChainFunction>(
  suppliers: readonly S[],
  functions: readonly ChainUse<F>[],
): ChainAnalysis<S, F> {
  const byId = new Map(suppliers.map((s) => [s.id, s]))
  // Only links to suppliers that exist count; a supplier "running on itself" is a circle of one.
  const edges = new Map(suppliers.map((s) => [s.id, [...new Set(s.runsOn)].filter((id) => byId.has(id))]))
  const rows = (path: readonly string[]) => path.flatMap((id) => byId.get(id) ?? [])
  // Each supplier's routes, worked out once and shared by every function that names it.
  const reaches = new Map(
    suppliers.map((s) => [
      s.id,
      reachOf(s.id, byId, edges).map(({ key, path }) => {
        const kind: 'platform' | 'supplier' = key.startsWith('platform:') ? 'platform' : 'supplier'
        const route: Route<S> = { path: rows(path), between: kind === 'platform' ? path.length - 1 : Math.max(0, path.length - 2) }
        return { key, kind, route }
      }),
    ]),
  )

  interface Building {
    key: string
    kind: 'platform' | 'supplier'
    names: Map<string, number>
    regions: Map<string, string>
    supplier: S | null
    suppliers: Route<S>[]
    functions: ProviderDependent<S, F>[]
  }
  const providers = new Map<string, Building>()

  for (const s of suppliers) {
    for (const { key, kind, route } of reaches.get(s.id) ?? []) {
      let p = providers.get(key)
      if (!p) {
        p = { key, kind, names: new Map(), regions: new Map(), supplier: null, suppliers: [], functions: [] }
        providers.set(key, p)
      }
      const last = route.path[route.path.length - 1]
      if (kind === 'supplier') p.supplier = last ?? null
      else if (last && last.id === s.id) {
        // Each supplier naming the platform votes for its spelling and adds its region.
        const name = last.platform.trim().replace(/\s+/g, ' ')
        p.names.set(name, (p.names.get(name) ?? 0) + 1)
        const region = last.region.trim()
        if (region !== '' && !p.regions.has(providerKey(region))) p.regions.set(providerKey(region), region)
      }
      if (kind === 'platform' || route.path.length > 1) p.suppliers.push(route)
    }
  }

  for (const { fn, supplierIds } of functions) {
    const routes = new Map<string, Route<S>[]>()
    for (const sid of new Set(supplierIds)) {
      for (const { key, route } of reaches.get(sid) ?? []) {
        const list = routes.get(key)
        if (list) list.push(route)
        else routes.set(key, [route])
      }
    }
    for (const [key, list] of routes) providers.get(key)?.functions.push({ fn, routes: list })
  }

  const out: ProviderConcentration<S, F>[] = []
  for (const p of providers.values()) {
    // A supplier at the end of no one else's chain is not a fourth party: the supplier analysis covers it.
    if (p.kind === 'supplier' && p.suppliers.length === 0) continue
    // The spelling most suppliers use; on a tie, the first written.
    const spelling = [...p.names].sort((a, b) => b[1] - a[1])[0]?.[0]
    const criticalFunctions = p.functions.filter((d) => d.fn.critical)
    const directly = new Map<string, S>()
    const through = new Map<string, S>()
    for (const d of criticalFunctions)
      for (const r of d.routes) {
        const entry = r.path[0]
        // On a platform, sitting right on it is direct; on a supplier, only naming it is.
        const direct = p.kind === 'platform' ? r.between === 0 : r.path.length === 1
        if (entry) (direct ? directly : through).set(entry.id, entry)
      }
    for (const id of directly.keys()) through.delete(id)
    p.suppliers.sort((a, b) => a.between - b.between || (a.path[0]?.name ?? '').localeCompare(b.path[0]?.name ?? ''))
    out.push({
      key: p.key,
      kind: p.kind,
      name: p.supplier?.name ?? spelling ?? p.key,
      supplier: p.supplier,
      regions: [...p.regions.values()],
      suppliers: p.suppliers,
      functions: p.functions,
      criticalFunctions,
      directly: [...directly.values()],
      through: [...through.values()],
      concentration: criticalFunctions.length >= CONCENTRATION_MIN,
    })
  }
  out.sort(
    (a, b) =>
      Number(b.concentration) - Number(a.concentration) ||
      b.criticalFunctions.length - a.criticalFunctions.length ||
      b.functions.length - a.functions.length ||
      a.name.localeCompare(b.name),
  )

  const cycles = findCycles(
    suppliers.map((s) => s.id),
    edges,
  ).map(rows)
  return { providers: out, cycles }
}

/**
 * The provider's concentration in one sentence: "3 critical functions depend on Microsoft Azure —
 * directly through Microsoft 365, and through Web host Ltd and Payroll SaaS." `label` names a supplier
 * (with its plan where names repeat).
 */
export function providerSentence<S extends ChainSupplier, F extends ChainFunction>(
  p: ProviderConcentration<S, F>,
  label: (s: S) => string = (s) => s.name,
): string {
  const n = p.criticalFunctions.length
  const head = `${n} critical function${n === 1 ? ' depends' : 's depend'} on ${p.name}`
  const parts: string[] = []
  if (p.directly.length > 0) parts.push(p.kind === 'supplier' ? 'directly' : `directly through ${words(p.directly.map(label))}`)
  if (p.through.length > 0) parts.push(`through ${words(p.through.map(label))}`)
  return parts.length === 0 ? `${head}.` : `${head} — ${parts.join(', and ')}.`
}

/** A route written out: "Web host Ltd → Microsoft 365 → Microsoft Azure". */
export function routeWords<S extends ChainSupplier>(
  route: Route<S>,
  provider: { kind: 'platform' | 'supplier'; name: string },
  label = (s: S) => s.name,
): string {
  const names = route.path.map(label)
  return (provider.kind === 'platform' ? [...names, provider.name] : names).join(' → ')
}

/** The chains of the registers analysed: each function with its own suppliers and those it reaches through other functions. */
export function supplyChains(analysis: DependencyAnalysis): ChainAnalysis<SupplierEntry, FunctionEntry> {
  return analyseChains(
    analysis.suppliers.map((s) => s.supplier),
    analysis.functions.map((f) => ({ fn: f.fn, supplierIds: [...f.suppliers, ...f.indirectSuppliers].map((s) => s.id) })),
  )
}

/**
 * Places providers in a layer of their own beside the suppliers, each near the mean height of the
 * suppliers that end on it (so lines cross less), never closer than a row apart.
 */
export function layoutProviders<S extends ChainSupplier, F extends ChainFunction>(
  providers: readonly ProviderConcentration<S, F>[],
  supplierY: ReadonlyMap<string, number>,
  rowHeight: number,
  top: number,
): { key: string; y: number }[] {
  const keyed = providers.map((p, order) => {
    const ys = [...(p.supplier ? [p.supplier.id] : []), ...p.suppliers.map((r) => r.path[0]?.id ?? '')].flatMap((id) => supplierY.get(id) ?? [])
    return { key: p.key, centre: ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.POSITIVE_INFINITY, order }
  })
  keyed.sort((a, b) => a.centre - b.centre || a.order - b.order)
  let next = top + rowHeight / 2
  return keyed.map((k) => {
    const y = Number.isFinite(k.centre) ? Math.max(next, k.centre) : next
    next = y + rowHeight
    return { key: k.key, y }
  })
}
