// A quick card: one page for one built-in scenario, "if this happens": what is down, the business
// functions that stop with their RTO and workaround, the first steps by role, and whom to call.
import { useLiveQuery } from 'dexie-react-hooks'
import { Link } from 'wouter'
import { buildQuickCard } from '../../domain/quick-cards'
import { findBuiltinScenario } from '../../templates/scenarios'
import { PrintMasthead, useOrganisationName } from '../../ui/print-masthead'
import { href } from '../../ui/routes'
import { readNamedBundles } from './read-plans'
import { FunctionCardView, HolderLine, RoleCard, SupplierItem } from './runbook-parts'
import './grab-pack.css'

export default function QuickCardPage({ scenarioId }: { scenarioId: string }) {
  const read = useLiveQuery(readNamedBundles)
  const organisation = useOrganisationName()
  if (!read)
    return (
      <p className="muted" aria-busy="true">
        Gathering your plans…
      </p>
    )
  const scenario = findBuiltinScenario(scenarioId)
  const card = scenario ? buildQuickCard(scenario, read.bundles, read.names) : null
  if (!card)
    return (
      <div className="empty">
        <h1>No quick card here</h1>
        <p>
          Quick cards are made for the built-in scenarios only. <Link href={href.grabPack()}>Back to the grab pack</Link>
        </p>
      </div>
    )
  const named = card.call.filter((h) => h.name.trim() !== '')
  // Roles waiting for a name, each once: a gap to see, not a card to read.
  const unnamed = [...new Set(card.call.filter((h) => h.name.trim() === '').map((h) => h.role))]
  return (
    <article className="runbook quick-card">
      <PrintMasthead
        facts={{ organisation: organisation ?? '', title: `Quick card: ${card.name}`, lastChange: read.lastChange, printedAt: new Date() }}
        version={__APP_VERSION__}
        kind="Quick card"
      />
      <p className="no-print">
        <Link href={href.grabPack()}>← Grab pack</Link>
      </p>
      <div className="page-head">
        <h1>If this happens: {card.name}</h1>
        <button type="button" className="primary no-print" onClick={() => window.print()}>
          Print quick card
        </button>
      </div>
      <p className="rb-small">{card.summary}</p>
      <p>
        <span className="rb-label">What is down:</span> {card.down}
      </p>
      <section aria-labelledby="qc-steps">
        <h2 id="qc-steps">First steps, by role</h2>
        {card.steps.length === 0 ? (
          <p className="muted">The plans this scenario exercises have no response steps for invoking or the first hour.</p>
        ) : (
          <div className="rb-grid">
            {card.steps.map((g) => (
              <RoleCard key={g.role} group={g} people={false} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="qc-stops">
        <h2 id="qc-stops">What stops, and what to do instead</h2>
        {card.stops.length === 0 ? (
          <p className="muted">
            {card.everything
              ? 'No business impact analysis lists your business functions yet.'
              : 'No business function of your impact analyses relies on what is down. Link functions to the suppliers they need.'}
          </p>
        ) : (
          <div className="rb-grid">
            {card.stops.map((s) => (
              <FunctionCardView key={s.fn.id} fn={s.fn} because={s.because} />
            ))}
          </div>
        )}
      </section>
      <section aria-labelledby="qc-call">
        <h2 id="qc-call">Whom to call</h2>
        {card.suppliers.length > 0 && (
          <ul className="rb-suppliers rb-card">
            {card.suppliers.map((s) => (
              <SupplierItem key={s.id} s={s} />
            ))}
          </ul>
        )}
        {card.call.length === 0 ? (
          <p className="muted">Nobody holds the roles these steps name yet.</p>
        ) : (
          <ul className="rb-holders rb-card rb-people">
            {named.map((h) => (
              <HolderLine key={h.id} h={h} withRole />
            ))}
            {unnamed.length > 0 && <li className="muted">No one named yet for: {unnamed.join(', ')}</li>}
          </ul>
        )}
      </section>
    </article>
  )
}
