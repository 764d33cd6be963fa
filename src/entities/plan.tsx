// A plan as people see it: its kind, its status in words, the "needs review" warning, its link.
import { KIND_LABELS, type PlanKind } from '../domain/vocabulary'

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
