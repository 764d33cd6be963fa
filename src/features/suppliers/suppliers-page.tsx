// The supplier register across every supplier review: filter and sort by criticality, review
// outcome, contract end and next review; contracts ending within 90 days, notice deadlines within 60
// and reviews past due flagged. What is needed on the day (status page, support line, contract
// reference, SLA) is one click or tap away.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useMemo, useState } from 'react'
import { Link } from 'wouter'
import { readSupplierReviews } from '../../db/dependency-queries'
import { formatDate, localDate } from '../../domain/dates'
import { formatMinutes } from '../../domain/duration'
import { dialable, webAddress } from '../../domain/fields'
import type { SupplierEntry } from '../../domain/registers'
import { NOTICE_WARNING_DAYS, noticeState } from '../../domain/supplier-reviews'
import {
  ALL_SUPPLIERS,
  CONTRACT_WARNING_DAYS,
  contractState,
  filterSuppliers,
  NOT_SET,
  sortSuppliers,
  type SupplierFilter,
  type SupplierSort,
} from '../../domain/supplier-view'
import { href } from '../../ui/routes'
import { useDelegatedLinks } from './delegated-links'
import './dependencies.css'

const LEVELS = ['Critical', 'High', 'Medium', 'Low']
const OUTCOMES = ['Blocker', 'Warning', 'OK']

/** Status page, support line and contract reference: what someone needs when the supplier is down. */
function OnTheDay({ s }: { s: SupplierEntry }) {
  const url = webAddress(s.statusPage.trim())
  // A tel: link only for a number found in the text: a register row may hold anything typed or imported.
  const number = dialable(s.supportLine)
  const tel = number ? 'tel:' + number : null
  const lines = [
    s.statusPage.trim() !== '' && <div key="status">{url ? <a href={url}>Status page</a> : <span>Status page: {s.statusPage}</span>}</div>,
    s.supportLine.trim() !== '' && <div key="support">Support: {tel ? <a href={tel}>{s.supportLine}</a> : s.supportLine}</div>,
    s.contractRef.trim() !== '' && <div key="ref">Ref. {s.contractRef}</div>,
  ].filter(Boolean)
  return lines.length ? <>{lines}</> : <span className="muted">—</span>
}

/** The service with its SLA, when one is recorded. */
function ServiceAndSla({ s }: { s: SupplierEntry }) {
  const sla = [
    s.slaAvailability.trim() && `${s.slaAvailability.trim()} availability`,
    s.slaResponse !== null && `response within ${formatMinutes(s.slaResponse)}`,
  ]
    .filter(Boolean)
    .join(', ')
  if (!s.service && !sla) return <span className="muted">—</span>
  return (
    <>
      {s.service}
      {sla && <div className="muted dep-plan">SLA: {sla}</div>}
    </>
  )
}

const COLUMNS: { key: SupplierSort; label: string }[] = [
  { key: 'name', label: 'Supplier' },
  { key: 'criticality', label: 'Criticality' },
  { key: 'outcome', label: 'Review outcome' },
  { key: 'contractEnd', label: 'Contract end' },
  { key: 'nextReview', label: 'Next review' },
]

export default function SuppliersPage() {
  const rows = useLiveQuery(() => readSupplierReviews())
  const follow = useDelegatedLinks()
  const [filter, setFilter] = useState<SupplierFilter>(ALL_SUPPLIERS)
  const [sort, setSort] = useState<{ by: SupplierSort; desc: boolean }>({ by: 'criticality', desc: false })
  const today = localDate(new Date())
  const shown = useMemo(() => (rows ? sortSuppliers(filterSuppliers(rows, filter, today), sort.by, sort.desc) : []), [rows, filter, sort, today])
  useEffect(() => {
    document.title = 'Suppliers — Continuity Kit'
  }, [])
  const set = (patch: Partial<SupplierFilter>) => setFilter((f) => ({ ...f, ...patch }))
  const sortBy = (by: SupplierSort) => setSort((s) => ({ by, desc: s.by === by ? !s.desc : false }))

  if (rows === undefined)
    return (
      <p className="muted" aria-busy="true">
        Reading your supplier registers…
      </p>
    )
  return (
    <section aria-labelledby="suppliers-heading" className="suppliers" onClick={follow}>
      <div className="page-head">
        <h1 id="suppliers-heading">Suppliers</h1>
        <Link href={href.dependencies()} className="no-print">
          Dependencies
        </Link>
      </div>
      {rows.length === 0 ? (
        <div className="empty">
          <h2>No suppliers yet</h2>
          <p>
            Create a <strong>Supplier dependency review</strong> from New plan and fill in its register: every supplier of every review shows here.
          </p>
        </div>
      ) : (
        <>
          <div className="sup-filters no-print" role="group" aria-label="Filter suppliers">
            <label className="field grow">
              <span className="field-label">Search</span>
              <input
                type="search"
                value={filter.query}
                onChange={(e) => set({ query: e.target.value })}
                placeholder="Name, service, plan, reference or provider"
              />
            </label>
            <label className="field">
              <span className="field-label">Criticality</span>
              <select value={filter.criticality} onChange={(e) => set({ criticality: e.target.value })}>
                <option value="">Any</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
                <option value={NOT_SET}>Not set</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Review outcome</span>
              <select value={filter.outcome} onChange={(e) => set({ outcome: e.target.value })}>
                <option value="">Any</option>
                {OUTCOMES.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
                <option value={NOT_SET}>Not set</option>
              </select>
            </label>
            <label className="field">
              <span className="field-label">Contract</span>
              <select value={filter.contract} onChange={(e) => set({ contract: e.target.value as SupplierFilter['contract'] })}>
                <option value="all">Any</option>
                <option value="ending">Ending within {CONTRACT_WARNING_DAYS} days</option>
                <option value="ended">Ended</option>
                <option value="notice">Notice due within {NOTICE_WARNING_DAYS} days, or passed</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={filter.needsReview} onChange={(e) => set({ needsReview: e.target.checked })} /> Needs review only
            </label>
          </div>
          <p className="sup-count muted" aria-live="polite">
            Showing {shown.length} of {rows.length} suppliers.
          </p>
          <table className="dep-table sup-table">
            <caption className="visually-hidden">Suppliers of every supplier review</caption>
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.by === c.key ? (sort.desc ? 'descending' : 'ascending') : undefined}>
                    <button type="button" onClick={() => sortBy(c.key)}>
                      {c.label}
                      <span aria-hidden="true">{sort.by === c.key ? (sort.desc ? ' ▴' : ' ▾') : ''}</span>
                    </button>
                  </th>
                ))}
                <th scope="col">Service and SLA</th>
                <th scope="col">On the day</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const s = r.supplier
                const contract = contractState(s.contractEnd, today)
                const notice = noticeState(r.noticeDeadline, today)
                return (
                  <tr key={s.id} data-testid="supplier-register-row">
                    <th scope="row">
                      <a href={href.item(s.planId, s.id)} data-app-link="">
                        {s.name}
                      </a>
                      <div className="muted dep-plan">{s.planTitle}</div>
                    </th>
                    <td data-label="Criticality">{s.criticality ?? <span className="muted">—</span>}</td>
                    <td data-label="Review outcome">{s.outcome ?? <span className="muted">—</span>}</td>
                    <td data-label="Contract end">
                      {s.contractEnd ? <time dateTime={s.contractEnd}>{formatDate(s.contractEnd)}</time> : <span className="muted">—</span>}
                      {contract === 'ending' && (
                        <span className="sup-flag">
                          <span aria-hidden="true">⚠ </span>Ends within {CONTRACT_WARNING_DAYS} days
                        </span>
                      )}
                      {contract === 'ended' && (
                        <span className="sup-flag">
                          <span aria-hidden="true">⚠ </span>Ended
                        </span>
                      )}
                      {r.noticeDeadline && s.noticePeriod !== null && contract !== 'ended' && (
                        <span className={notice === 'later' ? 'muted dep-plan sup-notice' : 'sup-flag sup-notice'} data-testid="notice-deadline">
                          {notice !== 'later' && <span aria-hidden="true">⚠ </span>}
                          {notice === 'passed' ? 'Notice deadline passed' : 'Give notice by'}{' '}
                          <time dateTime={r.noticeDeadline}>{formatDate(r.noticeDeadline)}</time> ({formatMinutes(s.noticePeriod)} notice
                          {notice === 'soon' ? `, within ${NOTICE_WARNING_DAYS} days` : ''})
                        </span>
                      )}
                    </td>
                    <td data-label="Next review">
                      <time dateTime={r.nextReview}>{formatDate(r.nextReview)}</time>
                      <span className="muted dep-plan"> every {r.interval} days</span>
                      {r.intervalProblem && (
                        <span className="sup-flag" data-testid="interval-problem">
                          <span aria-hidden="true">⚠ </span>Review interval: {r.intervalProblem}
                        </span>
                      )}
                      {r.needsReview && (
                        <span className="sup-flag">
                          <span aria-hidden="true">⚠ </span>Needs review
                        </span>
                      )}
                    </td>
                    <td data-label="Service and SLA">
                      <ServiceAndSla s={s} />
                    </td>
                    <td data-label="On the day">
                      <OnTheDay s={s} />
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          {shown.length === 0 && <p className="empty">No supplier matches these filters.</p>}
        </>
      )}
    </section>
  )
}
