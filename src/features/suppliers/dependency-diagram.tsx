// The dependency diagram: the providers suppliers run on in a layer of their own on the left (when any
// is recorded), then suppliers, then business functions, a line for each "runs on" and "needs".
// Flagged providers and suppliers carry an icon and a word; circles of functions are arcs on the right.
// Plain SVG, compact rows, scrolls when long; only the rows in view (and a margin) are drawn, all of
// them when printing. The tables below say the same in words.
import { memo, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { usePrinting } from '../../ui/use-printing'
import { formatMinutes } from '../../domain/duration'
import { layoutDiagram, type DependencyAnalysis, type DiagramLayout, type FunctionAnalysis, type SupplierAnalysis } from '../../domain/dependencies'
import { layoutProviders, type ChainAnalysis, type ProviderConcentration } from '../../domain/concentration'
import type { FunctionEntry, SupplierEntry } from '../../domain/registers'

type Chains = ChainAnalysis<SupplierEntry, FunctionEntry>
type Provider = ProviderConcentration<SupplierEntry, FunctionEntry>

const ROW = 22
const TOP = 30
/** Where the supplier and function columns are drawn. */
interface Geometry {
  width: number
  supplierX: number
  functionX: number
  arcX: number
  flagX: number
  nameChars: number
}
const PLAIN: Geometry = { width: 960, supplierX: 450, functionX: 610, arcX: 920, flagX: 250, nameChars: 32 }
/** Beside the providers' layer the columns close up, so the whole still fits a laptop screen. */
const LAYERED: Geometry = { width: 870, supplierX: 380, functionX: 530, arcX: 840, flagX: 215, nameChars: 28 }
/** Width of the providers' layer; the rest of the diagram moves right by it when there are providers. */
const LAYER = 196
const PROVIDER_X = 170

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

function flagWords(s: SupplierAnalysis): string[] {
  const out: string[] = []
  if (s.concentration) out.push(`Concentration: ${s.criticalFunctions.length} critical functions`)
  if (s.singlePoint) out.push(`Single point of failure: ${s.gaps.join(', ')}`)
  return out
}

function shortFlags(s: SupplierAnalysis): string {
  const words = [s.concentration && 'Concentration', s.singlePoint && 'No fallback'].filter(Boolean)
  return words.length ? `⚠ ${words.join(', ')}` : ''
}

function summary(a: DependencyAnalysis, chains: Chains): string {
  const conc = a.suppliers.filter((s) => s.concentration)
  const spof = a.suppliers.filter((s) => s.singlePoint)
  const names = (xs: SupplierAnalysis[]) =>
    xs
      .slice(0, 5)
      .map((s) => s.supplier.name)
      .join(', ') + (xs.length > 5 ? ` and ${xs.length - 5} more` : '')
  const parts = [
    `Diagram of ${a.suppliers.length} suppliers and ${a.functions.length} business functions, with ${a.links.length} lines from a supplier to a function that needs it.`,
  ]
  if (conc.length) parts.push(`Concentration risk: ${names(conc)}.`)
  if (spof.length) parts.push(`Single points of failure: ${names(spof)}.`)
  if (chains.providers.length) {
    const shared = chains.providers.filter((p) => p.concentration).map((p) => p.name)
    parts.push(`${chains.providers.length} provider${chains.providers.length === 1 ? '' : 's'} at the end of the supply chain, on the left.`)
    if (shared.length) parts.push(`Concentration on a provider: ${shared.slice(0, 5).join(', ')}${shared.length > 5 ? ` and ${shared.length - 5} more` : ''}.`)
  }
  if (a.cycles.length) parts.push(`${a.cycles.length} circle${a.cycles.length === 1 ? '' : 's'} of functions depending on each other.`)
  parts.push('The tables below list the same in words.')
  return parts.join(' ')
}

interface Line {
  key: string
  top: number
  bottom: number
  className: string
  d: string
}
/** Every supplier-to-function line of one look, drawn as one path: hundreds of lines, a few elements. */
interface LineGroup {
  className: string
  d: string
  count: number
}

/** Rows drawn beyond the visible part of the scroll box, above and below, so scrolling shows no gaps. */
const OVERSCAN = 400
/** The drawn band moves in steps of this many pixels, so scrolling re-renders seldom. */
const STEP = 400

/**
 * The visible band of the diagram, in its own pixels: only rows and lines in it (and a margin) are
 * drawn, so a register of hundreds stays quick. The scroll box is at most 75vh tall, so a window's
 * height always covers it, and nothing is measured (no forced layout) to know what to draw.
 */
function useVisibleBand(scroller: RefObject<HTMLDivElement | null>): { from: number; to: number } {
  const windowHeight = () => (typeof window === 'undefined' ? 1000 : window.innerHeight)
  const [view, setView] = useState(() => ({ top: 0, height: windowHeight() }))
  useEffect(() => {
    const el = scroller.current
    if (!el) return
    let frame = 0
    const read = () => {
      frame = 0
      const top = Math.floor(el.scrollTop / STEP) * STEP
      const height = windowHeight()
      setView((v) => (v.top === top && v.height === height ? v : { top, height }))
    }
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(read)
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    window.addEventListener('resize', onScroll)
    return () => {
      el.removeEventListener('scroll', onScroll)
      window.removeEventListener('resize', onScroll)
      if (frame) cancelAnimationFrame(frame)
    }
  }, [scroller])
  return { from: view.top - OVERSCAN, to: view.top + STEP + view.height + OVERSCAN }
}

export const DependencyDiagram = memo(function DependencyDiagram({ analysis, chains }: { analysis: DependencyAnalysis; chains: Chains }) {
  const layout = useMemo(() => layoutDiagram(analysis, ROW, TOP), [analysis])
  const suppliers = useMemo(() => new Map(analysis.suppliers.map((s) => [s.supplier.id, s])), [analysis])
  const functions = useMemo(() => new Map(analysis.functions.map((f) => [f.fn.id, f])), [analysis])
  const g = chains.providers.length > 0 ? LAYERED : PLAIN
  const { groups, arcs } = useMemo(() => diagramLines(analysis, layout, suppliers, functions, g), [analysis, layout, suppliers, functions, g])
  const layer = useMemo(() => providerLayer(chains, layout), [chains, layout])
  const scroller = useRef<HTMLDivElement>(null)
  const band = useVisibleBand(scroller)
  const all = usePrinting()
  const shown = (y: number) => all || (y >= band.from && y <= band.to)
  const crosses = (l: Line) => all || (l.bottom >= band.from && l.top <= band.to)
  const dx = chains.providers.length > 0 ? LAYER : 0
  const height = Math.max(layout.height, layer.bottom)

  return (
    <div className="dep-diagram-scroll" ref={scroller} data-scroll-hint="Scroll to see the whole diagram">
      <svg
        className="dep-diagram"
        role="img"
        aria-label={summary(analysis, chains)}
        width={g.width + dx}
        height={height}
        viewBox={`0 0 ${g.width + dx} ${height}`}
      >
        {dx > 0 && (
          <g className="dep-provider-layer" data-testid="dep-provider-layer">
            <text className="dep-col-head" x={8} y={18}>
              Providers they run on
            </text>
            <g className="dep-links" aria-hidden="true">
              {layer.groups.map((g) => (
                <path key={g.className} className={g.className} d={g.d} data-lines={g.count} />
              ))}
            </g>
            {layer.rows.map((r) => (
              <ProviderNode key={r.p.key} p={r.p} y={r.y} />
            ))}
          </g>
        )}
        <g transform={dx > 0 ? `translate(${dx} 0)` : undefined}>
          <text className="dep-col-head" x={8} y={18}>
            Suppliers
          </text>
          <text className="dep-col-head" x={g.functionX + 12} y={18}>
            Business functions it supports
          </text>
          <g className="dep-links" aria-hidden="true">
            {groups.map((g) => (
              <path key={g.className} className={g.className} d={g.d} data-lines={g.count} />
            ))}
            {arcs.map((l) => crosses(l) && <path key={l.key} className={l.className} d={l.d} markerEnd="url(#dep-arrow)" />)}
          </g>
          <defs>
            <marker id="dep-arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
              <path d="M0 0 L6 3 L0 6 z" className="dep-arrow" />
            </marker>
          </defs>
          {layout.suppliers.map((r) => {
            const s = suppliers.get(r.id)
            return s && shown(r.y) && <SupplierNode key={r.id} s={s} y={r.y} g={g} />
          })}
          {layout.functions.map((r) => {
            const f = functions.get(r.id)
            return f && shown(r.y) && <FunctionNode key={r.id} f={f} y={r.y} g={g} />
          })}
        </g>
      </svg>
    </div>
  )
})

/**
 * The providers' layer: each provider beside the suppliers that end on it, and a line from each of
 * those suppliers (solid when it sits right on the provider, faint when through other suppliers).
 */
function providerLayer(chains: Chains, layout: DiagramLayout): { rows: { p: Provider; y: number }[]; groups: LineGroup[]; bottom: number } {
  const sy = new Map(layout.suppliers.map((r) => [r.id, r.y]))
  const byKey = new Map(chains.providers.map((p) => [p.key, p]))
  const rows = layoutProviders(chains.providers, sy, ROW, TOP).flatMap((r) => {
    const p = byKey.get(r.key)
    return p ? [{ p, y: r.y }] : []
  })
  const byLook = new Map<string, string[]>()
  const mid = (PROVIDER_X + LAYER) / 2
  for (const { p, y } of rows) {
    const ends = [...(p.supplier ? [{ id: p.supplier.id, between: 0 }] : []), ...p.suppliers.map((r) => ({ id: r.path[0]?.id ?? '', between: r.between }))]
    for (const e of ends) {
      const y2 = sy.get(e.id)
      if (y2 === undefined) continue
      const look = `dep-link dep-chain${p.concentration ? ' dep-link-flagged' : ''}${e.between > 0 ? ' dep-link-minor' : ''}`
      const d = `M${PROVIDER_X} ${y} C${mid} ${y} ${mid} ${y2} ${LAYER + 2} ${y2}`
      const same = byLook.get(look)
      if (same) same.push(d)
      else byLook.set(look, [d])
    }
  }
  const groups = [...byLook].map(([className, ds]) => ({ className, d: ds.join(' '), count: ds.length }))
  groups.sort((a, b) => Number(a.className.includes('flagged')) - Number(b.className.includes('flagged')))
  return { rows, groups, bottom: (rows.at(-1)?.y ?? 0) + ROW }
}

const ProviderNode = memo(function ProviderNode({ p, y }: { p: Provider; y: number }) {
  const n = p.criticalFunctions.length
  return (
    <g className={p.concentration ? 'dep-node dep-provider dep-flagged' : 'dep-node dep-provider'} data-testid="dep-provider">
      <title>
        {[p.name, p.regions.join(', '), `${n} critical function${n === 1 ? '' : 's'} depend${n === 1 ? 's' : ''} on it`, p.concentration ? 'Concentration' : '']
          .filter(Boolean)
          .join(' — ')}
      </title>
      {p.concentration && <rect className="dep-flag-bg" x={2} y={y - ROW / 2 + 1} width={PROVIDER_X - 2} height={ROW - 2} rx={3} />}
      <text x={8} y={y + 4} className="dep-name">
        {clip(p.name, p.concentration ? 17 : 22)}
      </text>
      {p.concentration && (
        <text x={PROVIDER_X - 8} y={y + 4} className="dep-flag" textAnchor="end">
          ⚠ {n}
        </text>
      )}
      <circle cx={PROVIDER_X} cy={y} r={4} className="dep-dot" />
    </g>
  )
})

/** Every line of the diagram with where it is and how it looks, worked out once per analysis. */
function diagramLines(
  analysis: DependencyAnalysis,
  layout: DiagramLayout,
  suppliers: ReadonlyMap<string, SupplierAnalysis>,
  functions: ReadonlyMap<string, FunctionAnalysis>,
  { supplierX, functionX, arcX }: Geometry,
): { groups: LineGroup[]; arcs: Line[] } {
  const sy = new Map(layout.suppliers.map((r) => [r.id, r.y]))
  const fy = new Map(layout.functions.map((r) => [r.id, r.y]))
  const mid = (supplierX + functionX) / 2
  const byLook = new Map<string, string[]>()
  const arcs: Line[] = []
  for (const l of analysis.links) {
    const y1 = sy.get(l.supplierId)
    const y2 = fy.get(l.functionId)
    if (y1 === undefined || y2 === undefined) continue
    const s = suppliers.get(l.supplierId)
    const flagged = s !== undefined && (s.concentration || s.singlePoint)
    const critical = functions.get(l.functionId)?.fn.critical ?? false
    const look = `dep-link${flagged ? ' dep-link-flagged' : ''}${critical ? '' : ' dep-link-minor'}`
    const d = `M${supplierX} ${y1} C${mid} ${y1} ${mid} ${y2} ${functionX} ${y2}`
    const same = byLook.get(look)
    if (same) same.push(d)
    else byLook.set(look, [d])
  }
  for (const l of analysis.functionLinks) {
    const y1 = fy.get(l.from)
    const y2 = fy.get(l.to)
    if (y1 === undefined || y2 === undefined) continue
    const bulge = Math.min(30, 8 + Math.abs(y2 - y1) / 8)
    const cycle = (functions.get(l.from)?.inCycle ?? false) && (functions.get(l.to)?.inCycle ?? false)
    arcs.push({
      key: `${l.from}>${l.to}`,
      top: Math.min(y1, y2) - ROW,
      bottom: Math.max(y1, y2) + ROW,
      className: `dep-arc${cycle ? ' dep-arc-cycle' : ''}`,
      d: y1 === y2 ? `M${arcX} ${y1 - 4} c 14 -10 14 18 0 8` : `M${arcX} ${y1} C${arcX + bulge} ${y1} ${arcX + bulge} ${y2} ${arcX + 2} ${y2}`,
    })
  }
  // Flagged lines last, so they are drawn over the others.
  const groups = [...byLook].map(([className, ds]) => ({ className, d: ds.join(' '), count: ds.length }))
  groups.sort((a, b) => Number(a.className.includes('flagged')) - Number(b.className.includes('flagged')))
  return { groups, arcs }
}

const SupplierNode = memo(function SupplierNode({ s, y, g }: { s: SupplierAnalysis; y: number; g: Geometry }) {
  const flags = shortFlags(s)
  return (
    <g className={flags ? 'dep-node dep-flagged' : 'dep-node'}>
      <title>{[s.supplier.name, s.supplier.criticality ? `criticality ${s.supplier.criticality}` : '', ...flagWords(s)].filter(Boolean).join(' — ')}</title>
      {flags && <rect className="dep-flag-bg" x={2} y={y - ROW / 2 + 1} width={g.supplierX - 2} height={ROW - 2} rx={3} />}
      <text x={8} y={y + 4} className="dep-name">
        {clip(s.supplier.name, g.nameChars)}
      </text>
      {flags && (
        <text x={g.flagX} y={y + 4} className="dep-flag">
          {flags}
        </text>
      )}
      <circle cx={g.supplierX} cy={y} r={4} className="dep-dot" />
    </g>
  )
})

const FunctionNode = memo(function FunctionNode({ f, y, g }: { f: FunctionAnalysis; y: number; g: Geometry }) {
  return (
    <g className={f.fn.critical ? 'dep-node dep-critical' : 'dep-node'}>
      <title>
        {[f.fn.name, f.fn.impact ? `impact ${f.fn.impact}` : '', f.fn.rto !== null ? `RTO ${formatMinutes(f.fn.rto)}` : ''].filter(Boolean).join(' — ')}
      </title>
      <circle cx={g.functionX} cy={y} r={4} className="dep-dot" />
      <text x={g.functionX + 12} y={y + 4} className="dep-name">
        {clip(f.fn.name, 30)}
        {f.fn.impact && <tspan className="dep-impact">{` · ${f.fn.impact}`}</tspan>}
        {f.inCycle && <tspan className="dep-flag">{' ↻'}</tspan>}
      </text>
    </g>
  )
})
