// A supplier as other screens show it: the functions that rely on it (on its register row in the
// plan editor, editable there: ticking one writes that function's "Suppliers it needs", so both
// sides show one link), and the dashboard's supplier warnings (providers down the supply chain that
// several critical functions share; notice deadlines coming up, or passed while the contract runs).
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useMemo } from 'react'
import { Link } from 'wouter'
import { readFunctionsFor, setFunctionRelies } from '../db/supplier-functions'
import { providerSentence, supplyChains } from '../domain/concentration'
import { formatDate } from '../domain/dates'
import { analyseDependencies, rowNamer } from '../domain/dependencies'
import type { Registers } from '../domain/registers'
import { NOTICE_WARNING_DAYS, noticeState, type SupplierReview } from '../domain/supplier-reviews'
import { noticeDue } from '../domain/supplier-view'
import { attempt } from '../ui/errors'
import { href } from '../ui/routes'

export function RelyingFunctions({ supplierId }: { supplierId: string }) {
  const id = useId()
  const functions = useLiveQuery(() => readFunctionsFor(supplierId), [supplierId])
  if (functions === undefined) return null
  const toggle = (functionId: string, on: boolean) => {
    void attempt(() => setFunctionRelies(functionId, supplierId, on))
  }
  return (
    <fieldset className="field links-input" aria-describedby={`${id}-hint`} data-testid="relying-functions">
      <legend className="field-label">Functions that rely on it</legend>
      {functions.length === 0 ? (
        <p id={`${id}-hint`} className="muted">
          No business functions yet: list them in the impact analysis of a business continuity plan.
        </p>
      ) : (
        <div className="links-options" id={`${id}-hint`}>
          {functions.map((f) => (
            <label key={f.id} className="check">
              <input type="checkbox" checked={f.relies} onChange={(e) => toggle(f.id, e.target.checked)} />
              <span>
                {f.name} <span className="muted">({f.planTitle})</span>
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}

const LIST_MAX = 8

export function SupplierWarnings({ registers, suppliers, today }: { registers: Registers; suppliers: readonly SupplierReview[]; today: string }) {
  const shared = useMemo(() => supplyChains(analyseDependencies(registers)).providers.filter((p) => p.concentration), [registers])
  const notices = useMemo(
    () =>
      suppliers
        .flatMap((r) => {
          const state = noticeState(r.noticeDeadline, today)
          return r.noticeDeadline !== null && noticeDue(r.supplier.contractEnd, r.noticeDeadline, today) ? [{ r, deadline: r.noticeDeadline, state }] : []
        })
        .sort((a, b) => a.deadline.localeCompare(b.deadline)),
    [suppliers, today],
  )
  const names = useMemo(() => rowNamer(registers.suppliers), [registers])
  if (shared.length === 0 && notices.length === 0) return null
  return (
    <div className="rd-lists" data-testid="rd-supplier-warnings">
      {shared.length > 0 && (
        <div>
          <h3>
            <span aria-hidden="true">⚠ </span>Concentration on a provider
          </h3>
          <ul data-testid="rd-provider-concentration">
            {shared.slice(0, LIST_MAX).map((p) => (
              <li key={p.key}>
                {providerSentence(p, names.label)} <Link href={href.dependencies()}>See the dependencies</Link>
              </li>
            ))}
            {shared.length > LIST_MAX && <li className="muted">… and {shared.length - LIST_MAX} more on the Dependencies page</li>}
          </ul>
        </div>
      )}
      {notices.length > 0 && (
        <div>
          <h3>
            <span aria-hidden="true">⚠ </span>Notice deadlines (next {NOTICE_WARNING_DAYS} days, or passed)
          </h3>
          <ul data-testid="rd-notice-deadlines">
            {notices.slice(0, LIST_MAX).map(({ r, deadline, state }) => (
              <li key={r.supplier.id}>
                <Link href={href.item(r.supplier.planId, r.supplier.id)}>{names.label(r.supplier)}</Link>{' '}
                <span className={state === 'passed' ? 'rd-bad' : undefined}>
                  — {state === 'passed' ? 'notice deadline passed on' : 'give notice by'} <time dateTime={deadline}>{formatDate(deadline)}</time>
                </span>
                <span className="muted">
                  {' '}
                  (contract ends <time dateTime={r.supplier.contractEnd ?? ''}>{formatDate(r.supplier.contractEnd ?? deadline)}</time>)
                </span>
              </li>
            ))}
            {notices.length > LIST_MAX && (
              <li className="muted">
                … and {notices.length - LIST_MAX} more <Link href={href.suppliers()}>in the supplier register</Link>
              </li>
            )}
          </ul>
        </div>
      )}
    </div>
  )
}
