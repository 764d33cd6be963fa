// A plan as people see it: its kind, its status in words, the "needs review" warning, its link.
import { Link } from 'wouter'
import type { Plan } from '../domain/model'
import { KIND_LABELS, type PlanKind } from '../domain/vocabulary'
import { href } from '../ui/routes'

export function KindBadge({ kind }: { kind: PlanKind }) {
  return <span className="badge badge-kind">{KIND_LABELS[kind]}</span>
}

/** A warning in words with its icon, as "Needs review" or "Never exercised". */
export function WarningBadge({ children, strong = false }: { children: string; strong?: boolean }) {
  const content = (
    <>
      <span aria-hidden="true">⚠ </span>
      {children}
    </>
  )
  return strong ? <strong className="badge badge-overdue">{content}</strong> : <span className="badge badge-overdue">{content}</span>
}

/** The plans a drill or an incident ran, each a link to it; a dash when there are none. */
export function PlanLinkList({ plans }: { plans: readonly Pick<Plan, 'id' | 'title'>[] }) {
  if (plans.length === 0) return <>—</>
  return (
    <ul className="plain-list">
      {plans.map((p) => (
        <li key={p.id}>
          <Link href={href.plan(p.id)}>{p.title}</Link>
        </li>
      ))}
    </ul>
  )
}
