// What an outage stops, read from the dependency map: the suppliers marked down, every supplier that
// runs on one of them (or on a named provider marked down), through the chain; the business
// functions that need any of those, and the functions that depend on a stopped one. Pure; every
// lookup is through a Map.
import { providerKey } from './concentration'

interface ImpactSupplier {
  id: string
  name: string
  /** Suppliers of ours this one runs on. */
  runsOn: readonly string[]
  /** A provider outside the registers it runs on ("Microsoft Azure"), or ''. */
  platform: string
}

export interface ImpactFunction {
  id: string
  name: string
  /** RTO in minutes, or null when none is recorded. */
  rto: number | null
  supplierIds: readonly string[]
  dependsOn: readonly string[]
}

export interface StoppedFunction<F extends ImpactFunction> {
  fn: F
  /** What stops it, in words: the suppliers down it needs, or the stopped functions it depends on. */
  because: string[]
}

// Provider names compare as the Dependencies page compares them (case and spacing aside).
const same = (a: string, b: string) => providerKey(a) === providerKey(b)

/** Named providers the suppliers run on, for the "which provider is down" choice (first spelling kept). */
export function namedProviders(suppliers: readonly ImpactSupplier[]): string[] {
  const out: string[] = []
  for (const s of suppliers) if (s.platform.trim() && !out.some((p) => same(p, s.platform))) out.push(s.platform.trim())
  return out.sort((a, b) => a.localeCompare(b))
}

/**
 * The ids of every supplier that is down: those marked, those on a provider marked, and those that
 * run on a supplier that is down, however deep the chain (circles are safe).
 */
export function suppliersDown(suppliers: readonly ImpactSupplier[], markedIds: readonly string[], providers: readonly string[]): Set<string> {
  const down = new Set(markedIds)
  for (const s of suppliers) if (s.platform.trim() && providers.some((p) => same(p, s.platform))) down.add(s.id)
  // Who runs on whom, reversed: from a supplier to the suppliers that run on it.
  const users = new Map<string, string[]>()
  for (const s of suppliers) for (const under of s.runsOn) users.set(under, [...(users.get(under) ?? []), s.id])
  const queue = [...down]
  for (let i = 0; i < queue.length; i++) {
    for (const user of users.get(queue[i] as string) ?? []) {
      if (!down.has(user)) {
        down.add(user)
        queue.push(user)
      }
    }
  }
  return down
}

/**
 * The functions that stop, tightest RTO first (those without one last), each with what stops it.
 * A function stops when it needs a supplier that is down, or depends on a function that stops.
 */
export function stoppedFunctions<F extends ImpactFunction>(
  suppliers: readonly ImpactSupplier[],
  functions: readonly F[],
  markedIds: readonly string[],
  providers: readonly string[],
): StoppedFunction<F>[] {
  const down = suppliersDown(suppliers, markedIds, providers)
  const supplierName = new Map(suppliers.map((s) => [s.id, s.name]))
  const byId = new Map(functions.map((f) => [f.id, f]))
  const stopped = new Map<string, string[]>()
  for (const f of functions) {
    const because = f.supplierIds.filter((id) => down.has(id)).map((id) => supplierName.get(id) ?? 'a supplier')
    if (because.length > 0) stopped.set(f.id, because)
  }
  // Then through "depends on", until nothing more stops.
  const dependants = new Map<string, string[]>()
  for (const f of functions) for (const on of f.dependsOn) dependants.set(on, [...(dependants.get(on) ?? []), f.id])
  const queue = [...stopped.keys()]
  for (let i = 0; i < queue.length; i++) {
    const cause = byId.get(queue[i] as string)
    for (const id of dependants.get(queue[i] as string) ?? []) {
      const why = `depends on ${cause?.name ?? 'a stopped function'}`
      const had = stopped.get(id)
      if (had) {
        if (!had.includes(why)) had.push(why)
        continue
      }
      stopped.set(id, [why])
      queue.push(id)
    }
  }
  return [...stopped]
    .flatMap(([id, because]) => {
      const fn = byId.get(id)
      return fn ? [{ fn, because }] : []
    })
    .sort((a, b) => (a.fn.rto ?? Infinity) - (b.fn.rto ?? Infinity) || a.fn.name.localeCompare(b.fn.name))
}

// ------------------------------------------------------------------ reading the registers' rows

/** A supplier as the incident screen shows it: how to reach it and what it runs on. */
export interface SupplierInfo extends ImpactSupplier {
  planId: string
  service: string
  alternative: string
  supportLine: string
  statusPage: string
}

/** A business function as the incident screen shows it. */
export interface FunctionInfo extends ImpactFunction {
  planId: string
  impact: string
  workaround: string
}

interface Row {
  id: string
  sectionId: string
  planId: string
  text: string
  status: string
  values: Record<string, unknown>
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [])
const minutes = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null)

/**
 * Suppliers and functions from the rows of supplier registers and impact analyses (sections given
 * by role), their fields read by id. Rows marked not applicable are left out.
 */
export function readImpactRows(
  sections: readonly { id: string; role: string }[],
  rows: readonly Row[],
): { suppliers: SupplierInfo[]; functions: FunctionInfo[] } {
  const role = new Map(sections.map((s) => [s.id, s.role]))
  const live = rows.filter((r) => r.status !== 'not-applicable')
  const suppliers = live
    .filter((r) => role.get(r.sectionId) === 'supplier-register')
    .map((r) => ({
      id: r.id,
      planId: r.planId,
      name: r.text,
      service: str(r.values.service),
      alternative: str(r.values.alternative),
      runsOn: ids(r.values.runsOn),
      platform: str(r.values.platform),
      supportLine: str(r.values.supportLine),
      statusPage: str(r.values.statusPage),
    }))
  const functions = live
    .filter((r) => role.get(r.sectionId) === 'impact-analysis')
    .map((r) => ({
      id: r.id,
      planId: r.planId,
      name: r.text,
      impact: str(r.values.impact),
      rto: minutes(r.values.rto),
      workaround: str(r.values.workaround),
      supplierIds: ids(r.values.suppliers),
      dependsOn: ids(r.values.dependsOn),
    }))
  return { suppliers, functions }
}
