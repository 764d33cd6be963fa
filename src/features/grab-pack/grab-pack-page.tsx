// The grab pack: the runbook for the day, on paper and on a phone. Who may invoke and how, the first
// hour by role and the call list come first (page 1 on paper); then each critical function with its
// RTO, workaround and the suppliers it needs; the later steps; and where the plans and copies are.
// Every part is cards, so nothing scrolls sideways at 360 px and nothing is cut at the page edge.
import { useLiveQuery } from 'dexie-react-hooks'
import { Link } from 'wouter'
import { getSetting } from '../../db/settings-repository'
import { dateOf, formatDate } from '../../domain/dates'
import { buildGrabPack, isEmptyPack, type PlanCopy, type RecordCopy } from '../../domain/grab-pack'
import { quickCardLinks } from '../../domain/quick-cards'
import { PHASE_LABELS } from '../../domain/vocabulary'
import { BUILTIN_SCENARIOS } from '../../templates/scenarios'
import { PrintMasthead, useOrganisationName } from '../../ui/print-masthead'
import { href } from '../../ui/routes'
import { CallCard, FunctionCardView, RoleCard, StepDetails } from './runbook-parts'
import { readNamedBundles } from './read-plans'
import './grab-pack.css'

async function readPack() {
  const { bundles, names, lastChange } = await readNamedBundles()
  return { pack: buildGrabPack(bundles, names), lastChange, lastExport: await getSetting('lastExportAll') }
}

const day = (timestamp: string) => formatDate(dateOf(timestamp))

function Records({ records }: { records: RecordCopy[] }) {
  return (
    <div className="rb-grid">
      {records.map((r) => (
        <section key={r.id} className="rb-card" aria-label={r.name}>
          <h3>{r.name}</h3>
          <dl className="rb-lines">
            <dt>Master copy</dt>
            <dd>{r.masterCopy || '— not recorded'}</dd>
            <dt>Backups</dt>
            <dd>{r.backupCopy || '— not recorded'}</dd>
            <dt>Reaching them</dt>
            <dd>{r.access || '— not recorded'}</dd>
            {r.lastRestoreTest && (
              <>
                <dt>Restore last tested</dt>
                <dd>{formatDate(r.lastRestoreTest)}</dd>
              </>
            )}
          </dl>
        </section>
      ))}
    </div>
  )
}

function Copies({ plans, records, lastExport }: { plans: PlanCopy[]; records: RecordCopy[]; lastExport: string }) {
  return (
    <section aria-labelledby="rb-copies">
      <h2 id="rb-copies">Where the backups and the plans' copies are</h2>
      {records.length > 0 ? (
        <Records records={records} />
      ) : (
        <p className="muted rb-small">
          No records section yet: in a plan, set a section to "Records and backups" (the continuity template has one) to list where each record and its backups
          are.
        </p>
      )}
      <ul className="rb-where">
        {plans.map((p) => (
          <li key={p.id}>
            <strong>{p.title}</strong> — last changed {day(p.lastChange)}
          </li>
        ))}
      </ul>
      <p>
        The plans live in Continuity Kit in this browser, which works with no network.{' '}
        {lastExport ? (
          <>The last backup file of everything (Settings → Export all) was made on {day(lastExport)}.</>
        ) : (
          <>No backup file of everything has been made yet: Settings → Export all makes one.</>
        )}
      </p>
    </section>
  )
}

export default function GrabPackPage() {
  const read = useLiveQuery(readPack)
  const organisation = useOrganisationName()
  if (!read)
    return (
      <p className="muted" aria-busy="true">
        Gathering your plans…
      </p>
    )
  const { pack, lastChange, lastExport } = read
  return (
    <article className="runbook">
      <PrintMasthead
        facts={{ organisation: organisation ?? '', title: 'Grab pack', lastChange, printedAt: new Date() }}
        version={__APP_VERSION__}
        kind="Grab pack"
      />
      <div className="page-head">
        <h1>Grab pack</h1>
        <button type="button" className="primary no-print" onClick={() => window.print()}>
          Print grab pack
        </button>
      </div>
      <p className="muted no-print">
        What to do on the day, from your plans' response steps, roles and registers. Keep a printed copy where you can reach it when every screen is down;
        reprint after each review.
      </p>
      <nav className="rb-quick no-print" aria-label="Quick cards">
        <span className="muted">Quick cards, one page each:</span>
        <ul>
          {quickCardLinks(BUILTIN_SCENARIOS).map((c) => (
            <li key={c.scenarioId}>
              <Link href={href.quickCard(c.scenarioId)}>{c.name}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {isEmptyPack(pack) ? (
        <div className="empty">
          <p>
            Nothing to put in a grab pack yet. Create an incident response procedure or a business continuity plan: their response steps, roles and contact tree
            make the runbook. A business impact analysis and a supplier review add each critical function with whom to call.
          </p>
        </div>
      ) : (
        <>
          <section aria-labelledby="rb-invoke">
            <h2 id="rb-invoke">Who may invoke, and how</h2>
            {pack.invoke.length === 0 ? (
              <p className="muted">No response step is for deciding to invoke. Give your plans' first steps the phase “{PHASE_LABELS.invoke}”.</p>
            ) : (
              <div className="rb-grid">
                {pack.invoke.map((g) => (
                  <RoleCard key={g.role} group={g} details />
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="rb-first-hour">
            <h2 id="rb-first-hour">The first hour, by role</h2>
            {pack.firstHour.length === 0 ? (
              <p className="muted">No response step is for the first hour.</p>
            ) : (
              <div className="rb-grid">
                {pack.firstHour.map((g) => (
                  <RoleCard key={g.role} group={g} />
                ))}
              </div>
            )}
          </section>
          <section aria-labelledby="rb-calls">
            <h2 id="rb-calls">Call list</h2>
            {pack.callList.length === 0 ? (
              <p className="muted">No roles or contact tree in the plans yet.</p>
            ) : (
              <div className="rb-grid rb-grid-narrow">
                {pack.callList.map((h) => (
                  <CallCard key={h.id} h={h} />
                ))}
              </div>
            )}
          </section>
          <StepDetails
            phases={[
              { label: PHASE_LABELS.invoke, groups: pack.invoke },
              { label: PHASE_LABELS['first-hour'], groups: pack.firstHour },
              ...pack.later.map((p) => ({ label: PHASE_LABELS[p.phase], groups: p.roles })),
            ]}
          />
          <section aria-labelledby="rb-functions" className="rb-new-page">
            <h2 id="rb-functions">Critical functions: how long they can stop, what to do instead, whom to call</h2>
            {pack.functions.length === 0 ? (
              <p className="muted">No business function is rated High or Critical in a business impact analysis.</p>
            ) : (
              <div className="rb-grid">
                {pack.functions.map((f) => (
                  <FunctionCardView key={f.id} fn={f} />
                ))}
              </div>
            )}
            {pack.otherFunctions > 0 && (
              <p className="muted rb-small">
                {pack.otherFunctions === 1 ? 'One other business function is' : `${pack.otherFunctions} other business functions are`} rated below High or not
                rated: see the business impact analysis.
              </p>
            )}
          </section>
          {pack.later.map((p) => (
            <section key={p.phase} aria-labelledby={`rb-${p.phase}`}>
              <h2 id={`rb-${p.phase}`}>{PHASE_LABELS[p.phase]}</h2>
              <div className="rb-grid">
                {p.roles.map((g) => (
                  <RoleCard key={g.role} group={g} />
                ))}
              </div>
            </section>
          ))}
          <Copies plans={pack.plans} records={pack.records} lastExport={lastExport} />
        </>
      )}
    </article>
  )
}
