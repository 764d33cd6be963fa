// Incidents on the home page's dashboard: the open incident, the last one closed (with its report),
// and the actions from incidents still open in the plans. Nothing at all before the first incident.
import { useLiveQuery } from 'dexie-react-hooks'
import { Link } from 'wouter'
import { readIncidentSummary } from '../../db/incident-repository'
import { formatDate } from '../../domain/dates'
import { formatElapsedMs } from '../../domain/drill-clock'
import { formatWhen } from '../../entities/drill'
import { href } from '../../ui/routes'
import './incidents.css'

const SHOWN = 5

export default function IncidentSummary() {
  const summary = useLiveQuery(readIncidentSummary)
  if (!summary || (summary.open.length === 0 && summary.last === null && summary.openActions.length === 0)) return null
  const { open, last, openActions } = summary
  return (
    <section className="card incident-summary" aria-labelledby="incident-summary-h" data-testid="incident-summary">
      <h2 id="incident-summary-h">Incidents</h2>
      <ul className="plain-list">
        {open.map((i) => (
          <li key={i.id}>
            <strong className="incident-open-flag">
              <span aria-hidden="true">● </span>Open:
            </strong>{' '}
            <Link href={href.incident(i.id)}>{i.title}</Link>
            <span className="muted">
              {' '}
              — declared <time dateTime={i.startedAt}>{formatWhen(i.startedAt, true)}</time>, severity {i.incident.severityLabel || '—'}
            </span>
          </li>
        ))}
        {last && (
          <li>
            Last incident: <Link href={href.incidentReport(last.id)}>{last.title}</Link>
            <span className="muted">
              {' '}
              — <time dateTime={last.startedAt}>{formatWhen(last.startedAt)}</time>, lasted {formatElapsedMs(last.elapsedMs)}
              {last.incident.review.reviewDate && (
                <>
                  , review <time dateTime={last.incident.review.reviewDate}>{formatDate(last.incident.review.reviewDate)}</time>
                </>
              )}
            </span>
          </li>
        )}
      </ul>
      {openActions.length > 0 && (
        <>
          <h3>
            {openActions.length} open action{openActions.length === 1 ? '' : 's'} from incidents
          </h3>
          <ul data-testid="incident-open-actions">
            {openActions.slice(0, SHOWN).map(({ item, planTitle }) => (
              <li key={item.id}>
                <Link href={href.item(item.planId, item.id)}>{item.text}</Link>
                <span className="muted">
                  {' '}
                  — {planTitle}
                  {item.owner && `, owner ${item.owner}`}
                  {item.due && (
                    <>
                      , due <time dateTime={item.due}>{formatDate(item.due)}</time>
                    </>
                  )}
                </span>
              </li>
            ))}
            {openActions.length > SHOWN && <li className="muted">… and {openActions.length - SHOWN} more in the plans</li>}
          </ul>
        </>
      )}
    </section>
  )
}
