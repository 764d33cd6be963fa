// Parts of a printed report shared by the drill's after-action report and the incident report: the
// table of actions made from the findings (status read live from the plans) and the timeline.
import { Link } from 'wouter'
import type { FindingActionRow } from '../../db/finding-repository'
import { formatClock } from '../../domain/drill-clock'
import type { timeline } from '../../domain/drill-findings'
import { formatDate } from '../../domain/dates'
import { LogTypeBadge } from '../../entities/drill'
import { ItemStatusBadge } from '../../entities/item'
import { href } from '../../ui/routes'

export function ActionsTable({ actions }: { actions: readonly FindingActionRow[] }) {
  return (
    <table className="report-table" data-scroll-hint="Scroll sideways for every column">
      <thead>
        <tr>
          <th scope="col">Action</th>
          <th scope="col">Plan and section</th>
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {actions.map(({ item, plan, section }) => (
          <tr key={item.id} data-testid="report-action">
            <td>{plan && !plan.deletedAt ? <Link href={href.item(plan.id, item.id)}>{item.text}</Link> : item.text}</td>
            <td>
              {plan ? <Link href={href.plan(plan.id)}>{plan.title}</Link> : 'a removed plan'}
              {plan?.deletedAt && ' (in the trash)'}
              {section && `, ${section.title}`}
            </td>
            <td>{item.owner || '—'}</td>
            <td>{item.due ? <time dateTime={item.due}>{formatDate(item.due)}</time> : '—'}</td>
            <td>
              <ItemStatusBadge status={item.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** Injects (a drill's) and log entries in clock order, each with the plan step it concerns. */
export function TimelineTable({
  entries,
  titles,
  clockLabel,
}: {
  entries: ReturnType<typeof timeline>
  titles: ReadonlyMap<string, string>
  clockLabel: string
}) {
  return (
    <table className="report-table timeline">
      <thead>
        <tr>
          <th scope="col">{clockLabel}</th>
          <th scope="col">What</th>
          <th scope="col">Entry</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) =>
          e.kind === 'inject' ? (
            <tr key={`i-${e.inject.id}`} className="timeline-inject" data-testid="timeline-row">
              <td>{formatClock(e.at)}</td>
              <td>
                <LogTypeBadge type="inject" />
                {e.early && <span className="muted"> (early)</span>}
              </td>
              <td>
                <strong>{e.inject.title}.</strong> {e.inject.playersTold}
              </td>
            </tr>
          ) : (
            <tr key={e.event.id} data-testid="timeline-row">
              <td>{formatClock(e.at)}</td>
              <td>
                <LogTypeBadge type={e.event.type} />
              </td>
              <td>
                {e.event.text}
                {e.event.itemId && titles.has(e.event.itemId) && <span className="muted"> (step: {titles.get(e.event.itemId)})</span>}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  )
}
