// Start drill: who facilitates, who takes part (names and roles), which plans it exercises, and
// whether it starts now or is booked for a date.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useId, useRef, useState } from 'react'
import { useLocation } from 'wouter'
import { createDrill } from '../../db/drill-repository'
import { listPlans } from '../../db/plan-queries'
import type { Participant, Scenario } from '../../domain/drill-model'
import { LIMITS } from '../../domain/limits'
import { KIND_LABELS } from '../../domain/vocabulary'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { href } from '../../ui/routes'

interface Props {
  scenario: Scenario
  onClose: () => void
}

export function StartDrillDialog({ scenario, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const plans = useLiveQuery(listPlans)
  const [, navigate] = useLocation()
  const [title, setTitle] = useState(scenario.title)
  const [facilitator, setFacilitator] = useState('')
  const [people, setPeople] = useState<Participant[]>([{ name: '', role: '' }])
  const [chosen, setChosen] = useState<Set<string> | null>(null)
  const [when, setWhen] = useState<'now' | 'later'>('now')
  const [date, setDate] = useState('')
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    const d = ref.current
    if (d && !d.open) d.showModal?.()
  }, [])

  // Until the user picks, the plans of the kinds the scenario exercises are ticked.
  const planIds = chosen ?? new Set((plans ?? []).filter((p) => scenario.planKinds.includes(p.kind)).map((p) => p.id))
  const toggle = (id: string) => {
    const next = new Set(planIds)
    if (next.has(id)) next.delete(id)
    else next.add(id)
    setChosen(next)
  }
  const setPerson = (index: number, patch: Partial<Participant>) => setPeople((ps) => ps.map((p, i) => (i === index ? { ...p, ...patch } : p)))

  const submit = async () => {
    if (busy) return
    if (when === 'later' && !date) {
      showToast({ tone: 'error', text: 'Choose the date the drill is planned for.' })
      return
    }
    setBusy(true)
    const id = await attempt(() =>
      createDrill({
        scenario,
        title,
        planIds: [...planIds],
        facilitator,
        participants: people,
        plannedFor: when === 'later' ? new Date(`${date}T09:00:00`).toISOString() : undefined,
      }),
    )
    setBusy(false)
    if (!id) return
    onClose()
    if (when === 'now') navigate(href.drill(id))
    else showToast({ tone: 'info', text: `Drill planned: ${title}` })
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      className="start-drill"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void submit()
        }}
      >
        <h2 id={titleId}>Start drill</h2>
        <p className="muted">Scenario: {scenario.title}</p>
        <div className="form-grid">
          <label className="field">
            <span className="field-label">Drill title</span>
            <input value={title} maxLength={LIMITS.title} required onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span className="field-label">Facilitator</span>
            <input value={facilitator} maxLength={LIMITS.name} onChange={(e) => setFacilitator(e.target.value)} placeholder="Who runs the drill" />
          </label>
        </div>
        <fieldset>
          <legend>Participants</legend>
          <ul className="people">
            {people.map((p, i) => (
              <li key={i} className="person">
                <input
                  aria-label={`Participant ${i + 1} name`}
                  placeholder="Name"
                  value={p.name}
                  maxLength={LIMITS.name}
                  onChange={(e) => setPerson(i, { name: e.target.value })}
                />
                <input
                  aria-label={`Participant ${i + 1} role`}
                  placeholder="Role, e.g. Incident lead"
                  value={p.role}
                  maxLength={LIMITS.name}
                  onChange={(e) => setPerson(i, { role: e.target.value })}
                />
                <button
                  type="button"
                  className="icon"
                  aria-label={`Remove participant ${i + 1}`}
                  onClick={() => setPeople((ps) => ps.filter((_, j) => j !== i))}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setPeople((ps) => [...ps, { name: '', role: '' }])}>
            Add participant
          </button>
        </fieldset>
        <fieldset>
          <legend>Plans it exercises</legend>
          {plans === undefined ? (
            <p className="muted">Loading plans…</p>
          ) : plans.length === 0 ? (
            <p className="muted">No plans yet. You can run the drill without one, but its findings need a plan to become tasks.</p>
          ) : (
            <div className="plan-choices">
              {plans.map((p) => (
                <label key={p.id} className="check">
                  <input type="checkbox" checked={planIds.has(p.id)} onChange={() => toggle(p.id)} />
                  {p.title} <span className="muted">({KIND_LABELS[p.kind]})</span>
                </label>
              ))}
            </div>
          )}
        </fieldset>
        <fieldset>
          <legend>When</legend>
          <label className="check">
            <input type="radio" name="when" checked={when === 'now'} onChange={() => setWhen('now')} /> Start now
          </label>{' '}
          <label className="check">
            <input type="radio" name="when" checked={when === 'later'} onChange={() => setWhen('later')} /> Plan for a date
          </label>
          {when === 'later' && (
            <label className="field">
              <span className="field-label">Planned date</span>
              <input type="date" value={date} required onChange={(e) => setDate(e.target.value)} />
            </label>
          )}
        </fieldset>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {when === 'now' ? 'Start drill' : 'Plan drill'}
          </button>
        </div>
      </form>
    </dialog>
  )
}
