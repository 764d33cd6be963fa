// Dependencies: which functions rely on which suppliers and on each other, and which providers the
// suppliers run on; concentration risk (on a supplier, and on a provider down the chain), single
// points of failure and circles flagged; a diagram, and tables saying the same in words. Where names
// repeat (an imported copy of a plan), rows say which plan they come from.
import { useLiveQuery } from 'dexie-react-hooks'
import { memo, useDeferredValue, useEffect, useMemo, type ReactNode } from 'react'
import { Link } from 'wouter'
import { readDependencyAnalysis } from '../../db/dependency-queries'
import { CONCENTRATION_MIN, rankSuppliers, rowNamer, type DependencyAnalysis, type FunctionAnalysis, type SupplierAnalysis } from '../../domain/dependencies'
import { providerSentence, routeWords, supplyChains, type ChainAnalysis, type ProviderConcentration } from '../../domain/concentration'
import type { FunctionEntry, SupplierEntry } from '../../domain/registers'
import { formatMinutes } from '../../domain/duration'
import { href } from '../../ui/routes'
import { useDelegatedLinks } from './delegated-links'
import { DependencyDiagram } from './dependency-diagram'
import './dependencies.css'

type Chains = ChainAnalysis<SupplierEntry, FunctionEntry>
type Provider = ProviderConcentration<SupplierEntry, FunctionEntry>

/** How rows are named on this page: with their plan where two suppliers, or two functions, share a name. */
interface Names {
  repeats(row: { id: string }): boolean
  label(row: SupplierEntry | FunctionEntry): string
}
function namesOf(a: DependencyAnalysis): Names {
  const repeated = new Set<string>()
  for (const rows of [a.suppliers.map((s) => s.supplier), a.functions.map((f) => f.fn)]) {
    const namer = rowNamer(rows)
    for (const r of rows) if (namer.repeats(r)) repeated.add(r.id)
  }
  const repeats = (row: { id: string }) => repeated.has(row.id)
  return { repeats, label: (row) => (repeats(row) ? `${row.name} (${row.planTitle})` : row.name) }
}

/** A plain link to the row in its register (see useDelegatedLinks): hundreds of them must stay cheap. */
const itemLink = (row: SupplierEntry | FunctionEntry, names?: Names) => (
  <a key={row.id} href={href.item(row.planId, row.id)} data-app-link="">
    {names ? names.label(row) : row.name}
  </a>
)
/** Flags of each kind shown at the top; the tables list them all. */
const FLAGS_MAX = 5

/** An empty cell: the CSS shows a dash in it, so the thousands of cells of a large register stay one element each. */
const NONE = null

/** Names as links, comma-separated, for the few rows of the flags. */
function linkedNames(list: readonly (SupplierEntry | FunctionEntry)[], names: Names): ReactNode {
  const out: ReactNode[] = []
  for (const x of list) {
    if (out.length > 0) out.push(', ')
    out.push(itemLink(x, names))
  }
  return out
}

/**
 * Names as one run of text, for the table cells: the tables hold thousands of names, and each row's
 * own name already links to it.
 */
function plainNames(list: readonly (SupplierEntry | FunctionEntry)[], names: Names): ReactNode {
  return list.length === 0 ? NONE : list.map(names.label).join(', ')
}

/** One kind of flag: a heading with the count, the worst few, and where the rest are listed. */
function FlagGroup({
  id,
  tone,
  icon,
  title,
  total,
  rest,
  children,
}: {
  id: string
  tone: 'warn' | 'danger'
  icon: string
  title: string
  total: number
  rest: string
  children: ReactNode
}) {
  return (
    <section className={`dep-flag-group dep-flag-${tone}`} aria-labelledby={id}>
      <h2 id={id}>
        <span aria-hidden="true">{icon} </span>
        {title} <span className="dep-flag-count">({total})</span>
      </h2>
      <ul>{children}</ul>
      {total > FLAGS_MAX && (
        <p className="muted">
          … and {total - FLAGS_MAX} more: {rest}.
        </p>
      )}
    </section>
  )
}

const Flags = memo(function Flags({ analysis, chains, names }: { analysis: DependencyAnalysis; chains: Chains; names: Names }) {
  const fnName = new Map(analysis.functions.map((f) => [f.fn.id, f.fn]))
  const concentration = rankSuppliers(analysis.suppliers.filter((s) => s.concentration))
  const single = rankSuppliers(analysis.suppliers.filter((s) => s.singlePoint))
  const shared = chains.providers.filter((p) => p.concentration)
  const { cycles } = analysis
  if (!concentration.length && !single.length && !cycles.length && !shared.length && !chains.cycles.length) {
    return <p className="dep-all-clear">✓ No concentration risk, single point of failure or circular dependency found among the links recorded.</p>
  }
  const supplierLabel = (s: SupplierEntry) => names.label(s)
  return (
    <div className="dep-flags">
      {shared.length > 0 && (
        <FlagGroup id="flags-provider" tone="warn" icon="⚠" title="Concentration on a provider" total={shared.length} rest="see the provider table below">
          {shared.slice(0, FLAGS_MAX).map((p) => (
            <li key={p.key} data-testid="flag-provider">
              {providerSentence(p, supplierLabel)}{' '}
              <span className="muted">
                (
                {linkedNames(
                  p.criticalFunctions.map((d) => d.fn),
                  names,
                )}
                {p.regions.length > 0 && `; ${p.regions.join(', ')}`})
              </span>
            </li>
          ))}
        </FlagGroup>
      )}
      {concentration.length > 0 && (
        <FlagGroup id="flags-concentration" tone="warn" icon="⚠" title="Concentration risk" total={concentration.length} rest="see the supplier table below">
          {concentration.slice(0, FLAGS_MAX).map((s) => (
            <li key={s.supplier.id} data-testid="flag-concentration">
              {itemLink(s.supplier, names)} is behind {s.criticalFunctions.length} critical functions: {linkedNames(s.criticalFunctions, names)}.
            </li>
          ))}
        </FlagGroup>
      )}
      {single.length > 0 && (
        <FlagGroup id="flags-single-point" tone="danger" icon="⚠" title="Single points of failure" total={single.length} rest="see the supplier table below">
          {single.slice(0, FLAGS_MAX).map((s) => (
            <li key={s.supplier.id} data-testid="flag-single-point">
              {itemLink(s.supplier, names)} has {s.gaps.join(' and ')}, and {linkedNames(s.criticalFunctions, names)}{' '}
              {s.criticalFunctions.length === 1 ? 'relies' : 'rely'} on it.
            </li>
          ))}
        </FlagGroup>
      )}
      {cycles.length > 0 && (
        <FlagGroup
          id="flags-cycle"
          tone="danger"
          icon="↻"
          title="Circular dependencies"
          total={cycles.length}
          rest={'see "In a circle" in the function table below'}
        >
          {cycles.slice(0, FLAGS_MAX).map((c) => {
            const first = c[0] ?? ''
            const path = [...c, first].map((id) => {
              const f = fnName.get(id)
              return f ? names.label(f) : 'a removed function'
            })
            return (
              <li key={c.join('>')} data-testid="flag-cycle">
                {c.length === 1 ? `${path[0]} depends on itself.` : `${path.join(' → ')}: each needs the next, so none can be recovered first.`}
              </li>
            )
          })}
        </FlagGroup>
      )}
      {chains.cycles.length > 0 && (
        <FlagGroup
          id="flags-supplier-cycle"
          tone="danger"
          icon="↻"
          title="Suppliers running on each other"
          total={chains.cycles.length}
          rest="check what each supplier runs on"
        >
          {chains.cycles.slice(0, FLAGS_MAX).map((c) => {
            const path = [...c, ...c.slice(0, 1)].map(supplierLabel)
            return (
              <li key={c.map((s) => s.id).join('>')} data-testid="flag-supplier-cycle">
                {c.length === 1
                  ? `${path[0]} is recorded as running on itself.`
                  : `${path.join(' → ')}: each is recorded as running on the next; check which one really carries the others.`}
              </li>
            )
          })}
        </FlagGroup>
      )}
    </div>
  )
})

/** Rows per <tbody>: each is laid out and painted only near the screen (content-visibility in the CSS). */
const CHUNK = 20
function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK))
  return out
}

const SupplierRow = memo(function SupplierRow({ s, names }: { s: SupplierAnalysis; names: Names }) {
  return (
    <tr role="row" data-testid="supplier-row">
      <th scope="row" role="rowheader">
        {itemLink(s.supplier)}
        {names.repeats(s.supplier) && <div className="muted dep-plan">{s.supplier.planTitle}</div>}
      </th>
      <td role="cell">{s.supplier.criticality ?? NONE}</td>
      <td role="cell">
        {plainNames(s.direct, names)}
        {s.indirect.length > 0 && <div className="muted">Through other functions: {plainNames(s.indirect, names)}</div>}
      </td>
      <td role="cell">{s.tightestRto === null ? NONE : formatMinutes(s.tightestRto)}</td>
      <td role="cell">
        {s.concentration && <div className="dep-warn">Concentration ({s.criticalFunctions.length} critical)</div>}
        {s.singlePoint && <div className="dep-warn">Single point of failure: {s.gaps.join(', ')}</div>}
        {!s.singlePoint && s.gaps.length > 0 && <div className="muted">{s.gaps.join(', ')}</div>}
      </td>
    </tr>
  )
})

const SupplierTable = memo(function SupplierTable({ analysis, names }: { analysis: DependencyAnalysis; names: Names }) {
  const ranked = useMemo(() => rankSuppliers(analysis.suppliers), [analysis])
  return (
    <table className="dep-table dep-suppliers" role="table" data-scroll-hint="Scroll sideways for every column">
      <caption>Suppliers and the functions that rely on them</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Supplier
          </th>
          <th scope="col" role="columnheader">
            Criticality
          </th>
          <th scope="col" role="columnheader">
            Functions relying on it
          </th>
          <th scope="col" role="columnheader">
            Tightest RTO
          </th>
          <th scope="col" role="columnheader">
            Flags
          </th>
        </tr>
      </thead>
      {chunks(ranked).map((part) => (
        <tbody key={part[0]?.supplier.id} role="rowgroup" className="dep-rows">
          {part.map((s) => (
            <SupplierRow key={s.supplier.id} s={s} names={names} />
          ))}
        </tbody>
      ))}
    </table>
  )
})

const FunctionRow = memo(function FunctionRow({ f, names }: { f: FunctionAnalysis; names: Names }) {
  return (
    <tr role="row" data-testid="function-row">
      <th scope="row" role="rowheader">
        {itemLink(f.fn)}
        {names.repeats(f.fn) && <div className="muted dep-plan">{f.fn.planTitle}</div>}
      </th>
      <td role="cell">{f.fn.impact ?? NONE}</td>
      <td role="cell">{f.fn.rto === null ? NONE : formatMinutes(f.fn.rto)}</td>
      <td role="cell">
        {plainNames(f.suppliers, names)}
        {f.indirectSuppliers.length > 0 && <div className="muted">Through other functions: {plainNames(f.indirectSuppliers, names)}</div>}
      </td>
      <td role="cell">{plainNames(f.functions, names)}</td>
      <td role="cell">
        {f.singlePoints.length > 0 && <div className="dep-warn">No fallback for {f.singlePoints.map((s) => s.name).join(', ')}</div>}
        {f.noRto && <div className="dep-warn">Critical, no RTO</div>}
        {f.noWorkaround && <div className="dep-warn">Critical, no workaround</div>}
        {f.inCycle && <div className="dep-circle">In a circle</div>}
        {f.missingLinks > 0 && (
          <div className="muted">
            {f.missingLinks} link{f.missingLinks === 1 ? '' : 's'} to removed rows
          </div>
        )}
      </td>
    </tr>
  )
})

const FunctionTable = memo(function FunctionTable({ analysis, names }: { analysis: DependencyAnalysis; names: Names }) {
  return (
    <table className="dep-table dep-functions" role="table" data-scroll-hint="Scroll sideways for every column">
      <caption>Business functions and what they need</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Function
          </th>
          <th scope="col" role="columnheader">
            Impact
          </th>
          <th scope="col" role="columnheader">
            RTO
          </th>
          <th scope="col" role="columnheader">
            Suppliers it needs
          </th>
          <th scope="col" role="columnheader">
            Functions it needs
          </th>
          <th scope="col" role="columnheader">
            Flags
          </th>
        </tr>
      </thead>
      {chunks(analysis.functions).map((part) => (
        <tbody key={part[0]?.fn.id} role="rowgroup" className="dep-rows">
          {part.map((f) => (
            <FunctionRow key={f.fn.id} f={f} names={names} />
          ))}
        </tbody>
      ))}
    </table>
  )
})

const ProviderTable = memo(function ProviderTable({ chains, names }: { chains: Chains; names: Names }) {
  const supplierLabel = (s: SupplierEntry) => names.label(s)
  return (
    <table className="dep-table dep-providers" role="table" data-scroll-hint="Scroll sideways for every column">
      <caption>Providers your suppliers run on</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Provider
          </th>
          <th scope="col" role="columnheader">
            Critical functions on it
          </th>
          <th scope="col" role="columnheader">
            Suppliers on it
          </th>
          <th scope="col" role="columnheader">
            Flags
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {chains.providers.map((p: Provider) => (
          <tr key={p.key} role="row" data-testid="provider-row">
            <th scope="row" role="rowheader">
              {p.supplier ? itemLink(p.supplier, names) : p.name}
              {p.regions.length > 0 && <div className="muted dep-plan">{p.regions.join(', ')}</div>}
              {!p.supplier && <div className="muted dep-plan">Not in your registers</div>}
            </th>
            <td role="cell">
              {plainNames(
                p.criticalFunctions.map((d) => d.fn),
                names,
              )}
            </td>
            <td role="cell">{p.suppliers.length === 0 ? NONE : p.suppliers.map((r) => <div key={r.path[0]?.id}>{routeWords(r, p, supplierLabel)}</div>)}</td>
            <td role="cell">{p.concentration ? <div className="dep-warn">Concentration ({p.criticalFunctions.length} critical)</div> : NONE}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
})

export default function DependenciesPage() {
  const analysis = useLiveQuery(readDependencyAnalysis)
  const follow = useDelegatedLinks()
  // The tables render just after the flags and the diagram, in the background, so the page answers at once.
  const forTables = useDeferredValue(analysis, undefined)
  const chains = useMemo(() => (analysis ? supplyChains(analysis) : undefined), [analysis])
  const names = useMemo(() => (analysis ? namesOf(analysis) : undefined), [analysis])
  const tableNames = useMemo(() => (forTables ? namesOf(forTables) : undefined), [forTables])
  useEffect(() => {
    document.title = 'Dependencies — Continuity Kit'
  }, [])
  if (analysis === undefined || chains === undefined || names === undefined)
    return (
      <p className="muted" aria-busy="true">
        Reading your registers…
      </p>
    )
  const empty = analysis.suppliers.length === 0 && analysis.functions.length === 0
  return (
    <section aria-labelledby="dependencies-heading" className="dependencies" onClick={follow}>
      <div className="page-head">
        <h1 id="dependencies-heading">Dependencies</h1>
        <Link href={href.suppliers()} className="no-print">
          Supplier register
        </Link>
      </div>
      {empty ? (
        <div className="empty">
          <h2>Nothing to map yet</h2>
          <p>
            List your suppliers in the register of a <strong>Supplier dependency review</strong>, and your business functions in the impact analysis of a{' '}
            <strong>Business continuity plan</strong>. Then open a function and tick the suppliers and other functions it needs: this page shows who relies on
            whom and flags the risks.
          </p>
        </div>
      ) : (
        <>
          <p className="dep-summary">
            {analysis.suppliers.length} suppliers, {analysis.functions.length} business functions, {analysis.links.length} links. A supplier behind{' '}
            {CONCENTRATION_MIN} or more critical functions (impact High or Critical) is a concentration risk; one with no alternative or no exit plan that a
            critical function relies on is a single point of failure. The suppliers&apos; own suppliers count too: record what each runs on (<em>Runs on</em>)
            to see the providers they share.
          </p>
          <Flags analysis={analysis} chains={chains} names={names} />
          {analysis.links.length === 0 && analysis.functionLinks.length === 0 ? (
            <p className="empty">
              No links yet. Open a business function in your impact analysis and tick the suppliers (<em>Suppliers it needs</em>) and functions (
              <em>Functions it needs</em>) it relies on.
            </p>
          ) : (
            <figure className="dep-figure">
              <DependencyDiagram analysis={analysis} chains={chains} />
              <figcaption className="muted">
                {chains.providers.length > 0 && 'On the left, the providers your suppliers run on, joined to each supplier that ends on them. '}
                Lines join each supplier to the functions that need it; arcs on the right join functions that need other functions. Flagged providers and
                suppliers carry ⚠ and the reason.
              </figcaption>
            </figure>
          )}
          {forTables === undefined || tableNames === undefined ? (
            <p className="muted" aria-busy="true">
              Preparing the tables…
            </p>
          ) : (
            <>
              {chains.providers.length > 0 && (
                <div className="dep-block">
                  <ProviderTable chains={chains} names={names} />
                </div>
              )}
              <div className="dep-block">
                <SupplierTable analysis={forTables} names={tableNames} />
              </div>
              <div className="dep-block">
                <FunctionTable analysis={forTables} names={tableNames} />
              </div>
            </>
          )}
        </>
      )}
    </section>
  )
}
