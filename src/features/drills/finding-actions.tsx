// One finding at the hot wash (or an incident's review): its actions so far (with their live status
// in the plans), and a form that turns it into a new action: text, owner, due date, and the plan and
// section it belongs to. The same form adds an incident's review actions.
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { Link } from 'wouter'
import { listSections } from '../../db/checklist-repository'
import { createFindingAction, type FindingActionRow } from '../../db/finding-repository'
import type { FindingAction } from '../../domain/drill-findings'
import { formatClock } from '../../domain/drill-clock'
import { suggestSection } from '../../domain/drill-findings'
import type { DrillEvent } from '../../domain/drill-model'
import { formatDate } from '../../domain/dates'
import { LIMITS } from '../../domain/limits'
import type { Plan } from '../../domain/model'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { href } from '../../ui/routes'
import { LogTypeBadge } from '../../entities/drill'
import { ItemStatusBadge } from '../../entities/item'

interface ActionFormProps {
  /** The form's accessible name. */
  label: string
  plans: readonly Plan[]
  defaultPlanId: string | null
  create: (action: FindingAction) => Promise<string>
}

export function ActionForm({ label, plans, defaultPlanId, create }: ActionFormProps) {
  const id = useId()
  const [text, setText] = useState('')
  const [owner, setOwner] = useState('')
  const [due, setDue] = useState('')
  // Until the user picks, the plan is the drill's first plan (or the first plan there is).
  const [planChoice, setPlanChoice] = useState<string | null>(null)
  const planId = planChoice ?? defaultPlanId ?? plans[0]?.id ?? ''
  const [sectionChoice, setSectionChoice] = useState<string | null>(null)
  const sections = useLiveQuery(() => (planId ? listSections(planId) : Promise.resolve([])), [planId])
  const sectionId = sectionChoice ?? (sections ? suggestSection(sections) : null) ?? ''
  const [busy, setBusy] = useState(false)

  if (plans.length === 0) return <p className="muted">Create a plan first; actions become tasks in a plan.</p>

  const submit = async () => {
    if (busy || !text.trim() || !planId || !sectionId) return
    setBusy(true)
    const created = await attempt(() => create({ text, owner, due: due || null, planId, sectionId }))
    setBusy(false)
    if (created) {
      setText('')
      setOwner('')
      setDue('')
      showToast({ tone: 'info', text: `Action added to ${plans.find((p) => p.id === planId)?.title ?? 'the plan'}` })
    }
  }

  return (
    <form
      className="action-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label className="field action-text">
        <span className="field-label">Action</span>
        <input value={text} required maxLength={LIMITS.shortText} placeholder="What will be done" onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Owner</span>
        <input value={owner} maxLength={LIMITS.name} onChange={(e) => setOwner(e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">Due</span>
        <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </label>
      <span className="field">
        <label className="field-label" htmlFor={`${id}-plan`}>
          Plan
        </label>
        <select
          id={`${id}-plan`}
          value={planId}
          onChange={(e) => {
            setPlanChoice(e.target.value)
            setSectionChoice(null)
          }}
        >
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </span>
      <span className="field">
        <label className="field-label" htmlFor={`${id}-section`}>
          Section
        </label>
        <select id={`${id}-section`} value={sectionId} onChange={(e) => setSectionChoice(e.target.value)}>
          {(sections ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </span>
      <button type="submit" className="primary" disabled={busy || !text.trim() || !sectionId}>
        Add action
      </button>
    </form>
  )
}

interface Props {
  event: DrillEvent
  actions: readonly FindingActionRow[]
  plans: readonly Plan[]
  defaultPlanId: string | null
}

/** An action's line: the task, its status in the plan, the plan and section, owner and due date. */
export function ActionLine({ action: { item, plan, section } }: { action: FindingActionRow }) {
  return (
    <>
      <ItemStatusBadge status={item.status} /> {plan && !plan.deletedAt ? <Link href={href.item(plan.id, item.id)}>{item.text}</Link> : item.text}
      <span className="muted">
        {' '}
        — {plan ? <Link href={href.plan(plan.id)}>{plan.title}</Link> : 'a removed plan'}
        {section ? `, ${section.title}` : ''}
        {item.owner && `, owner ${item.owner}`}
        {item.due && (
          <>
            , due <time dateTime={item.due}>{formatDate(item.due)}</time>
          </>
        )}
      </span>
    </>
  )
}

export function FindingCard({ event, actions, plans, defaultPlanId }: Props) {
  return (
    <li className="finding card" data-testid="finding" id={`finding-${event.id}`}>
      <p className="finding-head">
        <LogTypeBadge type={event.type} /> <time className="log-at">{formatClock(event.at)}</time> <span className="finding-text">{event.text}</span>
      </p>
      {actions.length > 0 && (
        <ul className="finding-actions" aria-label="Actions">
          {actions.map((a) => (
            <li key={a.item.id}>
              <ActionLine action={a} />
            </li>
          ))}
        </ul>
      )}
      <ActionForm
        label={`New action for: ${event.text}`}
        plans={plans}
        defaultPlanId={defaultPlanId}
        create={(action) => createFindingAction(event.id, action)}
      />
    </li>
  )
}
