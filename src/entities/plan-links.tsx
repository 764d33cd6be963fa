// Links to plans, as reports list them: apart from the plan badges, which the first page loads.
import { Link } from 'wouter'
import type { Plan } from '../domain/model'
import { href } from '../ui/routes'

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
