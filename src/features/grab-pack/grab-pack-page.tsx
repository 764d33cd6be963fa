// The grab pack: every plan's essentials on as few printed pages as possible. Narrow tables stay
// tables; wide ones (and every table on a phone) show each row as a block of labelled values, so
// no column is cut at the page edge and nothing scrolls sideways.
import { useLiveQuery } from 'dexie-react-hooks'
import { readLiveBundles } from '../../db/exchange-repository'
import { itemNames } from '../../db/link-queries'
import { buildGrabPack, type GrabTable } from '../../domain/grab-pack'
import { linkedIds } from '../../domain/link-names'
import { latest, PrintMasthead, useOrganisationName } from '../../ui/print-masthead'

/** More columns than this and a table reflows into blocks on paper too. */
const PAPER_MAX_COLUMNS = 6

function Table({ table }: { table: GrabTable }) {
  const wide = table.columns.length > PAPER_MAX_COLUMNS
  return (
    <div className="grab-block">
      <h3>
        {table.sectionTitle} <span className="muted">— {table.planTitle}</span>
      </h3>
      {table.rows.length === 0 ? (
        <p className="muted">Nothing filled in yet.</p>
      ) : (
        <table className={wide ? 'grab-table grab-wide' : 'grab-table'}>
          <thead>
            <tr>
              {table.columns.map((c, i) => (
                <th key={i} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} data-label={table.columns[j]}>
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

async function readPack() {
  const bundles = await readLiveBundles()
  const ids = linkedIds(
    bundles.flatMap((b) => b.sections),
    bundles.flatMap((b) => b.items),
  )
  const here = new Set(bundles.flatMap((b) => b.items.map((i) => i.id)))
  // Rows outside the live plans (a plan in the trash) are named too; only rows gone read "removed".
  const names = await itemNames(ids.filter((id) => !here.has(id)))
  const lastChange = latest(bundles.flatMap((b) => [b.plan.updatedAt, ...b.sections.map((s) => s.updatedAt), ...b.items.map((i) => i.updatedAt)]))
  return { pack: buildGrabPack(bundles, names), lastChange }
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
  const { pack, lastChange } = read
  const empty = !pack.contacts.length && !pack.steps.length && !pack.suppliers.length && !pack.targets.length
  return (
    <article className="grab-pack">
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
      <p className="muted no-print">Keep a printed copy where you can reach it when every screen is down; reprint after each review.</p>
      {empty && (
        <div className="empty">
          <p>
            Nothing to put in a grab pack yet. Create a business continuity plan (contact tree, impact analysis), an incident response procedure or a supplier
            review, and fill it in.
          </p>
        </div>
      )}
      {pack.contacts.length > 0 && (
        <section>
          <h2>Who to call</h2>
          {pack.contacts.map((t, i) => (
            <Table key={i} table={t} />
          ))}
        </section>
      )}
      {pack.steps.length > 0 && (
        <section>
          <h2>Incident response steps</h2>
          {pack.steps.map((plan, i) => (
            <div key={i} className="grab-block">
              <h3>{plan.planTitle}</h3>
              <div className="grab-columns">
                {plan.sections.map((s, j) => (
                  <div key={j} className="grab-steps">
                    <h4>{s.title}</h4>
                    <ol>
                      {s.steps.map((step, k) => (
                        <li key={k}>
                          <span aria-hidden="true">☐ </span>
                          {step.text}
                          {step.owner && <span className="muted"> — {step.owner}</span>}
                        </li>
                      ))}
                    </ol>
                  </div>
                ))}
              </div>
            </div>
          ))}
        </section>
      )}
      {pack.suppliers.length > 0 && (
        <section>
          <h2>Critical suppliers</h2>
          {pack.suppliers.map((t, i) => (
            <Table key={i} table={t} />
          ))}
        </section>
      )}
      {pack.targets.length > 0 && (
        <section>
          <h2>Recovery targets</h2>
          {pack.targets.map((t, i) => (
            <Table key={i} table={t} />
          ))}
        </section>
      )}
    </article>
  )
}
