// What is down and what it stops: from the dependency map, the functions that stop (first, as what
// matters most on the day), each counting down to its RTO from the declaration, with its workaround;
// then the suppliers and named providers marked down (one tick each), and the suppliers down with
// them through what they run on, with their support line and status page. A function past its RTO
// is flagged in words, not colour alone.
import { useId, useState } from 'react'
import { setProviderDown, setSupplierDown } from '../../db/incident-repository'
import { dialable, webAddress } from '../../domain/fields'
import { describeCountdown, rtoCountdown } from '../../domain/incident-clock'
import type { IncidentRun } from '../../domain/incident'
import type { SupplierInfo } from '../../domain/incident-impact'
import { LIMITS } from '../../domain/limits'
import { attempt } from '../../ui/errors'
import type { Impact } from './use-incident'

function SupplierContact({ supplier }: { supplier: SupplierInfo }) {
  // Only a web address becomes a link, and only a number a tel: link: a register row may hold anything typed or imported.
  const page = webAddress(supplier.statusPage)
  const number = dialable(supplier.supportLine)
  const tel = number ? 'tel:' + number : null
  return (
    <span className="supplier-contact">
      {supplier.supportLine.trim() && <>Support: {tel ? <a href={tel}>{supplier.supportLine.trim()}</a> : supplier.supportLine.trim()}</>}
      {page && (
        <>
          {supplier.supportLine.trim() && ' · '}
          <a href={page} target="_blank" rel="noreferrer">
            Status page
          </a>
        </>
      )}
      {!supplier.supportLine.trim() && !page && <span className="muted">No support line or status page recorded</span>}
    </span>
  )
}

export function AffectedPanel({ incident, impact, now, readOnly = false }: { incident: IncidentRun; impact: Impact; now: number; readOnly?: boolean }) {
  const id = useId()
  const [other, setOther] = useState('')
  const { affectedSupplierIds, affectedProviders } = incident.incident
  const providers = [...impact.providers, ...affectedProviders.filter((p) => !impact.providers.some((q) => q.toLowerCase() === p.toLowerCase()))]
  const byId = new Map(impact.suppliers.map((s) => [s.id, s]))
  const downWith = (s: SupplierInfo) =>
    s.runsOn
      .filter((u) => impact.down.has(u))
      .map((u) => byId.get(u)?.name ?? '')
      .filter(Boolean)
  const addOther = async () => {
    const name = other.trim()
    if (!name) return
    if (await attempt(() => setProviderDown(incident.id, name, true))) setOther('')
  }

  return (
    <section className="card affected" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>What is down</h2>
      <h3>Functions stopped</h3>
      {impact.stopped.length === 0 ? (
        <p className="muted" data-testid="no-functions-stopped">
          {affectedSupplierIds.length + affectedProviders.length === 0
            ? 'Mark below what is down to see which business functions stop and how long until each reaches its RTO.'
            : 'No business function in your impact analyses needs what is down.'}
        </p>
      ) : (
        <ul className="stopped-functions" aria-label="Functions stopped">
          {impact.stopped.map(({ fn, because }) => {
            const countdown = rtoCountdown(fn.rto, incident.startedAt, incident.endedAt ? Date.parse(incident.endedAt) : now)
            return (
              <li key={fn.id} className={countdown?.past ? 'stopped past-rto' : 'stopped'} data-testid="stopped-function">
                <span className="stopped-name">{fn.name}</span>
                <span className={countdown?.past ? 'countdown countdown-past' : 'countdown'}>
                  {countdown?.past && <span aria-hidden="true">⚠ </span>}
                  {describeCountdown(countdown)}
                </span>
                <span className="muted stopped-why">Stopped: {because.join('; ')}</span>
                <span className="stopped-workaround">
                  <strong>Workaround:</strong> {fn.workaround.trim() || <span className="muted">none recorded</span>}
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <h3>Suppliers and providers down</h3>
      {impact.suppliers.length === 0 && providers.length === 0 ? (
        <p className="muted">No supplier register yet: add your suppliers (and what they run on) in a supplier review to see what an outage stops.</p>
      ) : (
        <div className="down-choices">
          {impact.suppliers.length > 0 && (
            <fieldset disabled={readOnly}>
              <legend>Suppliers</legend>
              <ul className="plain-list">
                {impact.suppliers.map((s) => {
                  const marked = affectedSupplierIds.includes(s.id)
                  const via = marked ? [] : downWith(s)
                  return (
                    <li key={s.id} className={impact.down.has(s.id) ? 'supplier-down' : undefined}>
                      <label className="check">
                        <input type="checkbox" checked={marked} onChange={(e) => void attempt(() => setSupplierDown(incident.id, s.id, e.target.checked))} />
                        {s.name}
                      </label>
                      {s.service && <span className="muted supplier-service">{s.service}</span>}
                      {via.length > 0 && (
                        <span className="down-note">
                          <span aria-hidden="true">▼ </span>Down: runs on {via.join(', ')}
                        </span>
                      )}
                      {impact.down.has(s.id) && <SupplierContact supplier={s} />}
                    </li>
                  )
                })}
              </ul>
            </fieldset>
          )}
          <fieldset disabled={readOnly}>
            <legend>Providers outside your registers</legend>
            {providers.length > 0 && (
              <ul className="plain-list">
                {providers.map((p) => (
                  <li key={p}>
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={affectedProviders.some((q) => q.toLowerCase() === p.toLowerCase())}
                        onChange={(e) => void attempt(() => setProviderDown(incident.id, p, e.target.checked))}
                      />
                      {p}
                    </label>
                  </li>
                ))}
              </ul>
            )}
            {!readOnly && (
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault()
                  void addOther()
                }}
              >
                <label className="visually-hidden" htmlFor={`${id}-other`}>
                  Another provider down
                </label>
                <input
                  id={`${id}-other`}
                  value={other}
                  maxLength={LIMITS.name}
                  placeholder="Another provider, e.g. Microsoft Azure"
                  onChange={(e) => setOther(e.target.value)}
                />
                <button type="submit">Mark down</button>
              </form>
            )}
          </fieldset>
        </div>
      )}
    </section>
  )
}
