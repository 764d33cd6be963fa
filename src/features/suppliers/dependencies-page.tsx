// Dependencies: which functions rely on which suppliers and on each other; concentration risk,
// single points of failure and circles flagged; a diagram, and tables saying the same in words.
import { useLiveQuery } from 'dexie-react-hooks'
import { useDeferredValue, useEffect, type ReactNode } from 'react'
import { Link } from 'wouter'
import { readDependencyAnalysis } from '../../db/dependency-queries'
import { CONCENTRATION_MIN, rankSuppliers, type DependencyAnalysis, type FunctionEntry, type SupplierEntry } from '../../domain/dependencies'
import { formatDuration } from '../../domain/duration'
import { useDelegatedLinks } from './delegated-links'
import { DependencyDiagram } from './dependency-diagram'
import './dependencies.css'

/** A plain link (see useDelegatedLinks): hundreds of them must stay cheap. */
const planLink = (row: { planId: string; name: string }, children?: ReactNode) => <a href={`/plans/${row.planId}`} data-app-link="">{children ?? row.name}</a>
const FLAGS_MAX = 8

function names(list: readonly (SupplierEntry | FunctionEntry)[]): ReactNode {
  if (list.length === 0) return <span className="muted">—</span>
  return list.map((x, i) => <span key={x.id}>{i > 0 && ', '}{planLink(x)}</span>)
}

function Flags({ analysis }: { analysis: DependencyAnalysis }) {
  const fnName = new Map(analysis.functions.map((f) => [f.fn.id, f.fn]))
  const concentration = rankSuppliers(analysis.suppliers.filter((s) => s.concentration))
  const single = rankSuppliers(analysis.suppliers.filter((s) => s.singlePoint))
  const more = (n: number, what: string) => n > FLAGS_MAX && <li className="muted">… and {n - FLAGS_MAX} more {what}: see the supplier table below.</li>
  if (!concentration.length && !single.length && !analysis.cycles.length) {
    return <p className="dep-all-clear">✓ No concentration risk, single point of failure or circular dependency found among the links recorded.</p>
  }
  return (
    <ul className="dep-flags" aria-label="Flags">
      {concentration.slice(0, FLAGS_MAX).map((s) => (
        <li key={`c-${s.supplier.id}`} data-testid="flag-concentration">
          <span className="badge badge-overdue"><span aria-hidden="true">⚠ </span>Concentration</span>{' '}
          {planLink(s.supplier)} is behind {s.criticalFunctions.length} critical functions: {names(s.criticalFunctions)}.
        </li>
      ))}
      {more(concentration.length, 'concentrations')}
      {single.slice(0, FLAGS_MAX).map((s) => (
        <li key={`s-${s.supplier.id}`} data-testid="flag-single-point">
          <span className="badge badge-blocked"><span aria-hidden="true">⚠ </span>Single point of failure</span>{' '}
          {planLink(s.supplier)} has {s.gaps.join(' and ')}, and {names(s.criticalFunctions)} {s.criticalFunctions.length === 1 ? 'relies' : 'rely'} on it.
        </li>
      ))}
      {more(single.length, 'single points of failure')}
      {analysis.cycles.map((c) => {
        const first = c[0] ?? ''
        const path = [...c, first].map((id) => fnName.get(id)?.name ?? 'a removed function')
        return (
          <li key={`y-${c.join('>')}`} data-testid="flag-cycle">
            <span className="badge badge-overdue"><span aria-hidden="true">↻ </span>Circular dependency</span>{' '}
            {c.length === 1 ? `${path[0]} depends on itself.` : `${path.join(' → ')}: each needs the next, so none can be recovered first.`}
          </li>
        )
      })}
    </ul>
  )
}

function SupplierTable({ analysis }: { analysis: DependencyAnalysis }) {
  return (
    <table className="dep-table">
      <caption>Suppliers and the functions that rely on them</caption>
      <thead>
        <tr><th scope="col">Supplier</th><th scope="col">Criticality</th><th scope="col">Functions relying on it</th><th scope="col">Tightest RTO</th><th scope="col">Flags</th></tr>
      </thead>
      <tbody>
        {rankSuppliers(analysis.suppliers).map((s) => (
          <tr key={s.supplier.id} data-testid="supplier-row">
            <th scope="row">{planLink(s.supplier)}<div className="muted dep-plan">{s.supplier.planTitle}</div></th>
            <td>{s.supplier.criticality ?? <span className="muted">—</span>}</td>
            <td>
              {names(s.direct)}
              {s.indirect.length > 0 && <div className="muted">Through other functions: {names(s.indirect)}</div>}
            </td>
            <td>{s.tightestRto === null ? <span className="muted">—</span> : formatDuration(s.tightestRto)}</td>
            <td>
              {s.concentration && <div><span aria-hidden="true">⚠ </span>Concentration ({s.criticalFunctions.length} critical)</div>}
              {s.singlePoint && <div><span aria-hidden="true">⚠ </span>Single point of failure: {s.gaps.join(', ')}</div>}
              {!s.singlePoint && s.gaps.length > 0 && <div className="muted">{s.gaps.join(', ')}</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function FunctionTable({ analysis }: { analysis: DependencyAnalysis }) {
  return (
    <table className="dep-table">
      <caption>Business functions and what they need</caption>
      <thead>
        <tr><th scope="col">Function</th><th scope="col">Impact</th><th scope="col">RTO</th><th scope="col">Suppliers it needs</th><th scope="col">Functions it needs</th><th scope="col">Flags</th></tr>
      </thead>
      <tbody>
        {analysis.functions.map((f) => (
          <tr key={f.fn.id} data-testid="function-row">
            <th scope="row">{planLink(f.fn)}<div className="muted dep-plan">{f.fn.planTitle}</div></th>
            <td>{f.fn.impact ?? <span className="muted">—</span>}</td>
            <td>{f.fn.rto === null ? <span className="muted">—</span> : formatDuration(f.fn.rto)}</td>
            <td>
              {names(f.suppliers)}
              {f.indirectSuppliers.length > 0 && <div className="muted">Through other functions: {names(f.indirectSuppliers)}</div>}
            </td>
            <td>{names(f.functions)}</td>
            <td>
              {f.singlePoints.length > 0 && <div><span aria-hidden="true">⚠ </span>No fallback for {f.singlePoints.map((s) => s.name).join(', ')}</div>}
              {f.noRto && <div><span aria-hidden="true">⚠ </span>Critical, no RTO</div>}
              {f.noWorkaround && <div><span aria-hidden="true">⚠ </span>Critical, no workaround</div>}
              {f.inCycle && <div><span aria-hidden="true">↻ </span>In a circle</div>}
              {f.missingLinks > 0 && <div className="muted">{f.missingLinks} link{f.missingLinks === 1 ? '' : 's'} to removed rows</div>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export default function DependenciesPage() {
  const analysis = useLiveQuery(readDependencyAnalysis)
  const follow = useDelegatedLinks()
  // The tables render just after the flags and the diagram, in the background, so the page answers at once.
  const forTables = useDeferredValue(analysis, undefined)
  useEffect(() => {
    document.title = 'Dependencies — Continuity Kit'
  }, [])
  if (analysis === undefined) return <p className="muted" aria-busy="true">Reading your registers…</p>
  const empty = analysis.suppliers.length === 0 && analysis.functions.length === 0
  return (
    <section aria-labelledby="dependencies-heading" className="dependencies" onClick={follow}>
      <div className="page-head">
        <h1 id="dependencies-heading">Dependencies</h1>
        <Link href="/suppliers" className="no-print">Supplier register</Link>
      </div>
      {empty ? (
        <div className="empty">
          <h2>Nothing to map yet</h2>
          <p>
            List your suppliers in the register of a <strong>Supplier dependency review</strong>, and your business functions in the
            impact analysis of a <strong>Business continuity plan</strong>. Then open a function and tick the suppliers and other
            functions it needs: this page shows who relies on whom and flags the risks.
          </p>
        </div>
      ) : (
        <>
          <p className="dep-summary">
            {analysis.suppliers.length} suppliers, {analysis.functions.length} business functions, {analysis.links.length} links.
            A supplier behind {CONCENTRATION_MIN} or more critical functions (impact High or Critical) is a concentration risk; one with no
            alternative or no exit plan that a critical function relies on is a single point of failure.
          </p>
          <Flags analysis={analysis} />
          {analysis.links.length === 0 && analysis.functionLinks.length === 0 ? (
            <p className="empty">
              No links yet. Open a business function in your impact analysis and tick the suppliers (<em>Suppliers it needs</em>) and
              functions (<em>Functions it needs</em>) it relies on.
            </p>
          ) : (
            <figure className="dep-figure">
              <DependencyDiagram analysis={analysis} />
              <figcaption className="muted">Lines join each supplier to the functions that need it; arcs on the right join functions that need other functions. Flagged suppliers carry ⚠ and the reason.</figcaption>
            </figure>
          )}
          {forTables === undefined ? (
            <p className="muted" aria-busy="true">Preparing the tables…</p>
          ) : (
            <>
              <div className="dep-block"><SupplierTable analysis={forTables} /></div>
              <div className="dep-block"><FunctionTable analysis={forTables} /></div>
            </>
          )}
        </>
      )}
    </section>
  )
}
