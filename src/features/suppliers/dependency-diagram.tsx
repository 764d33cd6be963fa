// The dependency diagram: suppliers on the left, business functions on the right, a line for each
// "needs". Flagged suppliers carry an icon and a word; circles of functions are arcs on the right.
// Plain SVG, compact rows, scrolls when long; the tables below say the same in words.
import { memo, useMemo } from 'react'
import { formatDuration } from '../../domain/duration'
import { layoutDiagram, rankSuppliers, type DependencyAnalysis, type SupplierAnalysis } from '../../domain/dependencies'

const ROW = 22
const TOP = 30
const WIDTH = 960
const SUPPLIER_X = 450
const FUNCTION_X = 610
const ARC_X = 920

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

export function flagWords(s: SupplierAnalysis): string[] {
  const out: string[] = []
  if (s.concentration) out.push(`Concentration: ${s.criticalFunctions.length} critical functions`)
  if (s.singlePoint) out.push(`Single point of failure: ${s.gaps.join(', ')}`)
  return out
}

function shortFlags(s: SupplierAnalysis): string {
  const words = [s.concentration && 'Concentration', s.singlePoint && 'No fallback'].filter(Boolean)
  return words.length ? `⚠ ${words.join(', ')}` : ''
}

function summary(a: DependencyAnalysis): string {
  const conc = a.suppliers.filter((s) => s.concentration)
  const spof = a.suppliers.filter((s) => s.singlePoint)
  const names = (xs: SupplierAnalysis[]) => xs.slice(0, 5).map((s) => s.supplier.name).join(', ') + (xs.length > 5 ? ` and ${xs.length - 5} more` : '')
  const parts = [`Diagram of ${a.suppliers.length} suppliers and ${a.functions.length} business functions, with ${a.links.length} lines from a supplier to a function that needs it.`]
  if (conc.length) parts.push(`Concentration risk: ${names(conc)}.`)
  if (spof.length) parts.push(`Single points of failure: ${names(spof)}.`)
  if (a.cycles.length) parts.push(`${a.cycles.length} circle${a.cycles.length === 1 ? '' : 's'} of functions depending on each other.`)
  parts.push('The tables below list the same in words.')
  return parts.join(' ')
}

export const DependencyDiagram = memo(function DependencyDiagram({ analysis }: { analysis: DependencyAnalysis }) {
  const layout = useMemo(() => layoutDiagram(analysis, ROW, TOP), [analysis])
  const suppliers = useMemo(() => new Map(rankSuppliers(analysis.suppliers).map((s) => [s.supplier.id, s])), [analysis])
  const functions = useMemo(() => new Map(analysis.functions.map((f) => [f.fn.id, f])), [analysis])
  const sy = useMemo(() => new Map(layout.suppliers.map((r) => [r.id, r.y])), [layout])
  const fy = useMemo(() => new Map(layout.functions.map((r) => [r.id, r.y])), [layout])
  const mid = (SUPPLIER_X + FUNCTION_X) / 2

  return (
    <div className="dep-diagram-scroll">
      <svg className="dep-diagram" role="img" aria-label={summary(analysis)} width={WIDTH} height={layout.height} viewBox={`0 0 ${WIDTH} ${layout.height}`}>
        <text className="dep-col-head" x={8} y={18}>Suppliers</text>
        <text className="dep-col-head" x={FUNCTION_X + 12} y={18}>Business functions it supports</text>
        <g className="dep-links" aria-hidden="true">
          {analysis.links.map((l) => {
            const y1 = sy.get(l.supplierId)
            const y2 = fy.get(l.functionId)
            if (y1 === undefined || y2 === undefined) return null
            const s = suppliers.get(l.supplierId)
            const flagged = s !== undefined && (s.concentration || s.singlePoint)
            const critical = functions.get(l.functionId)?.fn.critical ?? false
            return (
              <path
                key={`${l.supplierId}>${l.functionId}`}
                className={`dep-link${flagged ? ' dep-link-flagged' : ''}${critical ? '' : ' dep-link-minor'}`}
                d={`M${SUPPLIER_X} ${y1} C${mid} ${y1} ${mid} ${y2} ${FUNCTION_X} ${y2}`}
              />
            )
          })}
          {analysis.functionLinks.map((l) => {
            const y1 = fy.get(l.from)
            const y2 = fy.get(l.to)
            if (y1 === undefined || y2 === undefined) return null
            const bulge = Math.min(30, 8 + Math.abs(y2 - y1) / 8)
            const cycle = (functions.get(l.from)?.inCycle ?? false) && (functions.get(l.to)?.inCycle ?? false)
            return (
              <path
                key={`${l.from}>${l.to}`}
                className={`dep-arc${cycle ? ' dep-arc-cycle' : ''}`}
                d={y1 === y2 ? `M${ARC_X} ${y1 - 4} c 14 -10 14 18 0 8` : `M${ARC_X} ${y1} C${ARC_X + bulge} ${y1} ${ARC_X + bulge} ${y2} ${ARC_X + 2} ${y2}`}
                markerEnd="url(#dep-arrow)"
              />
            )
          })}
        </g>
        <defs>
          <marker id="dep-arrow" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0 0 L6 3 L0 6 z" className="dep-arrow" />
          </marker>
        </defs>
        {layout.suppliers.map((r) => {
          const s = suppliers.get(r.id)
          if (!s) return null
          const flags = shortFlags(s)
          return (
            <g key={r.id} className={flags ? 'dep-node dep-flagged' : 'dep-node'}>
              <title>{[s.supplier.name, s.supplier.criticality ? `criticality ${s.supplier.criticality}` : '', ...flagWords(s)].filter(Boolean).join(' — ')}</title>
              {flags && <rect className="dep-flag-bg" x={2} y={r.y - ROW / 2 + 1} width={SUPPLIER_X - 2} height={ROW - 2} rx={3} />}
              <text x={8} y={r.y + 4} className="dep-name">{clip(s.supplier.name, 32)}</text>
              {flags && <text x={250} y={r.y + 4} className="dep-flag">{flags}</text>}
              <circle cx={SUPPLIER_X} cy={r.y} r={4} className="dep-dot" />
            </g>
          )
        })}
        {layout.functions.map((r) => {
          const f = functions.get(r.id)
          if (!f) return null
          return (
            <g key={r.id} className={f.fn.critical ? 'dep-node dep-critical' : 'dep-node'}>
              <title>{[f.fn.name, f.fn.impact ? `impact ${f.fn.impact}` : '', f.fn.rto !== null ? `RTO ${formatDuration(f.fn.rto)}` : ''].filter(Boolean).join(' — ')}</title>
              <circle cx={FUNCTION_X} cy={r.y} r={4} className="dep-dot" />
              <text x={FUNCTION_X + 12} y={r.y + 4} className="dep-name">
                {clip(f.fn.name, 30)}
                {f.fn.impact && <tspan className="dep-impact">{` · ${f.fn.impact}`}</tspan>}
                {f.inCycle && <tspan className="dep-flag">{' ↻'}</tspan>}
              </text>
            </g>
          )
        })}
      </svg>
    </div>
  )
})
