// Dependency analysis: which business functions rely on which suppliers (and on each other),
// concentration risk, single points of failure and circular function dependencies. Pure and
// linear-ish: every lookup goes through a Map, never a scan of all rows per row.
import { saysNone, type FunctionEntry, type Registers, type SupplierEntry } from './registers'

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase()

interface RowNamer {
  /** Whether another row carries the same name (an imported copy of a plan, say). */
  repeats(row: { name: string }): boolean
  /** The row's name, with its plan when the name repeats: "Customer portal (Business continuity plan)". */
  label(row: { name: string; planTitle: string }): string
}

/** Names rows so that two with one name can be told apart, and the others stay short. */
export function rowNamer(rows: readonly { name: string }[]): RowNamer {
  const seen = new Map<string, number>()
  for (const r of rows) seen.set(nameKey(r.name), (seen.get(nameKey(r.name)) ?? 0) + 1)
  const repeats = (row: { name: string }) => (seen.get(nameKey(row.name)) ?? 0) > 1
  return { repeats, label: (row) => (repeats(row) ? `${row.name} (${row.planTitle})` : row.name) }
}

// ------------------------------------------------------------------------------------ analysis

/** One supplier behind this many critical functions (directly or through other functions) is a concentration. */
export const CONCENTRATION_MIN = 2

export type FallbackGap = 'no alternative' | 'no exit plan'

export interface SupplierAnalysis {
  supplier: SupplierEntry
  /** Functions that name this supplier. */
  direct: FunctionEntry[]
  /** Functions that rely on it through another function they depend on. */
  indirect: FunctionEntry[]
  /** Critical functions among direct and indirect. */
  criticalFunctions: FunctionEntry[]
  /** The shortest RTO among the functions that rely on it, directly or not. */
  tightestRto: number | null
  concentration: boolean
  /** What the supplier lacks as a fallback (empty when it has both an alternative and an exit plan). */
  gaps: FallbackGap[]
  /** A critical function relies on it and it has no alternative or no exit plan. */
  singlePoint: boolean
}

export interface FunctionAnalysis {
  fn: FunctionEntry
  suppliers: SupplierEntry[]
  functions: FunctionEntry[]
  /** Suppliers reached only through the functions it depends on. */
  indirectSuppliers: SupplierEntry[]
  /** Links to rows that are gone (removed, trashed, or marked not applicable). */
  missingLinks: number
  /** For a critical function: the suppliers it relies on that have no fallback. */
  singlePoints: SupplierEntry[]
  noRto: boolean
  noWorkaround: boolean
  inCycle: boolean
}

export interface DependencyAnalysis {
  suppliers: SupplierAnalysis[]
  functions: FunctionAnalysis[]
  /** Each circle of function dependencies, as function ids in order (the first depends on the second…, the last on the first). */
  cycles: string[][]
  /** Every supplier -> function link (direct only), for the diagram. */
  links: { supplierId: string; functionId: string }[]
  /** Every function -> function link, for the diagram. */
  functionLinks: { from: string; to: string }[]
}

/** What a supplier lacks as a fallback. */
export function fallbackGaps(s: Pick<SupplierEntry, 'alternative' | 'exitPlan'>): FallbackGap[] {
  const gaps: FallbackGap[] = []
  if (saysNone(s.alternative)) gaps.push('no alternative')
  if (saysNone(s.exitPlan)) gaps.push('no exit plan')
  return gaps
}

/**
 * Circles in the "depends on" graph of functions, found with Tarjan's strongly connected
 * components (iterative, so a long chain cannot overflow the stack). Each circle is reported once,
 * as one closed path through its component; a function naming itself is a circle of one.
 */
export function findCycles(nodes: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const onStack = new Set<string>()
  const stack: string[] = []
  const cycles: string[][] = []
  let counter = 0
  for (const root of nodes) {
    if (index.has(root)) continue
    const work: { node: string; next: number }[] = [{ node: root, next: 0 }]
    index.set(root, counter)
    low.set(root, counter++)
    stack.push(root)
    onStack.add(root)
    while (work.length > 0) {
      const top = work[work.length - 1]
      if (!top) break
      const out = edges.get(top.node) ?? []
      if (top.next < out.length) {
        const to = out[top.next++] as string
        if (!index.has(to)) {
          index.set(to, counter)
          low.set(to, counter++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, next: 0 })
        } else if (onStack.has(to)) {
          low.set(top.node, Math.min(low.get(top.node) ?? 0, index.get(to) ?? 0))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(top.node) ?? 0))
      if (low.get(top.node) === index.get(top.node)) {
        const component = new Set<string>()
        for (;;) {
          const n = stack.pop()
          if (n === undefined) break
          onStack.delete(n)
          component.add(n)
          if (n === top.node) break
        }
        const selfLoop = (edges.get(top.node) ?? []).includes(top.node)
        if (component.size > 1 || selfLoop) cycles.push(pathThrough(top.node, component, edges))
      }
    }
  }
  return cycles
}

/** A closed path inside a strongly connected component, starting from `start`. */
function pathThrough(start: string, component: ReadonlySet<string>, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Map<string, number>()
  const path: string[] = []
  let at: string | undefined = start
  while (at !== undefined && !seen.has(at)) {
    seen.set(at, path.length)
    path.push(at)
    at = (edges.get(at) ?? []).find((n) => component.has(n))
  }
  return at === undefined ? path : path.slice(seen.get(at) ?? 0)
}

/** Ids reachable from `from` through `edges`, without `from` itself; safe with circles. */
function reachable(from: string, edges: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>([from])
  const out: string[] = []
  const queue = [...(edges.get(from) ?? [])]
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i] as string
    if (seen.has(n)) continue
    seen.add(n)
    out.push(n)
    for (const m of edges.get(n) ?? []) if (!seen.has(m)) queue.push(m)
  }
  return out
}

const minRto = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b))

/** The whole analysis of the registers: per supplier, per function, circles, and the links to draw. */
export function analyseDependencies({ suppliers, functions }: Registers): DependencyAnalysis {
  const supplierById = new Map(suppliers.map((s) => [s.id, s]))
  const functionById = new Map(functions.map((f) => [f.id, f]))
  // Only links to functions that exist form the graph; the rest count as missing.
  const edges = new Map<string, string[]>()
  for (const f of functions)
    edges.set(
      f.id,
      f.dependsOn.filter((id) => functionById.has(id)),
    )
  const cycles = findCycles(
    functions.map((f) => f.id),
    edges,
  )
  const inCycle = new Set(cycles.flat())

  const direct = new Map<string, FunctionEntry[]>()
  const indirect = new Map<string, Set<string>>()
  const links: DependencyAnalysis['links'] = []
  const functionLinks: DependencyAnalysis['functionLinks'] = []
  const perFunction: FunctionAnalysis[] = []
  const gapsOf = new Map(suppliers.map((s) => [s.id, fallbackGaps(s)]))

  for (const fn of functions) {
    const own = fn.supplierIds.flatMap((id) => supplierById.get(id) ?? [])
    const needs = (edges.get(fn.id) ?? []).flatMap((id) => functionById.get(id) ?? [])
    for (const s of own) {
      links.push({ supplierId: s.id, functionId: fn.id })
      const list = direct.get(s.id)
      if (list) list.push(fn)
      else direct.set(s.id, [fn])
    }
    for (const n of needs) functionLinks.push({ from: fn.id, to: n.id })
    const ownIds = new Set(own.map((s) => s.id))
    const indirectSuppliers: SupplierEntry[] = []
    const viaIds = new Set<string>()
    for (const other of reachable(fn.id, edges)) {
      for (const sid of functionById.get(other)?.supplierIds ?? []) {
        const s = supplierById.get(sid)
        if (!s || ownIds.has(sid) || viaIds.has(sid)) continue
        viaIds.add(sid)
        indirectSuppliers.push(s)
        const set = indirect.get(sid)
        if (set) set.add(fn.id)
        else indirect.set(sid, new Set([fn.id]))
      }
    }
    const all = [...own, ...indirectSuppliers]
    perFunction.push({
      fn,
      suppliers: own,
      functions: needs,
      indirectSuppliers,
      missingLinks: fn.supplierIds.length - own.length + fn.dependsOn.length - needs.length,
      singlePoints: fn.critical ? all.filter((s) => (gapsOf.get(s.id)?.length ?? 0) > 0) : [],
      noRto: fn.critical && fn.rto === null,
      noWorkaround: fn.critical && saysNone(fn.workaround),
      inCycle: inCycle.has(fn.id),
    })
  }

  const perSupplier = suppliers.map((supplier): SupplierAnalysis => {
    const d = direct.get(supplier.id) ?? []
    const i = [...(indirect.get(supplier.id) ?? [])].flatMap((id) => functionById.get(id) ?? [])
    const criticalFunctions = [...d, ...i].filter((f) => f.critical)
    const gaps = gapsOf.get(supplier.id) ?? []
    let tightestRto: number | null = null
    for (const f of d) tightestRto = minRto(tightestRto, f.rto)
    for (const f of i) tightestRto = minRto(tightestRto, f.rto)
    return {
      supplier,
      direct: d,
      indirect: i,
      criticalFunctions,
      tightestRto,
      concentration: criticalFunctions.length >= CONCENTRATION_MIN,
      gaps,
      singlePoint: criticalFunctions.length > 0 && gaps.length > 0,
    }
  })
  return { suppliers: perSupplier, functions: perFunction, cycles, links, functionLinks }
}

/** Suppliers worth a look first: flagged, then by critical functions, then by name. */
export function rankSuppliers(list: readonly SupplierAnalysis[]): SupplierAnalysis[] {
  const weight = (s: SupplierAnalysis) => (s.concentration ? 2 : 0) + (s.singlePoint ? 1 : 0)
  return [...list].sort(
    (a, b) =>
      weight(b) - weight(a) ||
      b.criticalFunctions.length - a.criticalFunctions.length ||
      b.direct.length - a.direct.length ||
      a.supplier.name.localeCompare(b.supplier.name),
  )
}

// ------------------------------------------------------------------------------------ diagram

export interface DiagramRow {
  id: string
  y: number
}

export interface DiagramLayout {
  /** Suppliers top to bottom. */
  suppliers: DiagramRow[]
  /** Functions top to bottom, placed near the suppliers they use to limit crossing lines. */
  functions: DiagramRow[]
  height: number
}

/**
 * Places suppliers (ranked) in the left column and functions in the right, each function at the
 * mean position of its suppliers (the barycentre heuristic), so that lines cross less.
 */
export function layoutDiagram(analysis: DependencyAnalysis, rowHeight: number, top: number): DiagramLayout {
  const ranked = rankSuppliers(analysis.suppliers)
  const pos = new Map(ranked.map((s, i) => [s.supplier.id, i]))
  const keyed = analysis.functions.map((f, order) => {
    const ps = f.suppliers.flatMap((s) => pos.get(s.id) ?? [])
    const centre = ps.length ? ps.reduce((a, b) => a + b, 0) / ps.length : Number.POSITIVE_INFINITY
    return { id: f.fn.id, centre, critical: f.fn.critical, order }
  })
  keyed.sort((a, b) => a.centre - b.centre || Number(b.critical) - Number(a.critical) || a.order - b.order)
  const rows = Math.max(ranked.length, keyed.length, 1)
  return {
    suppliers: ranked.map((s, i) => ({ id: s.supplier.id, y: top + i * rowHeight + rowHeight / 2 })),
    functions: keyed.map((f, i) => ({ id: f.id, y: top + i * rowHeight + rowHeight / 2 })),
    height: top + rows * rowHeight + 8,
  }
}
