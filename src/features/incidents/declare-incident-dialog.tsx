// Start incident: a title, what is happening, a severity (each level with what it means and how
// often updates are due), the plans that apply (the incident procedure and continuity plans ticked
// until the user picks), and who leads and who keeps the log, offered from the plans' roles and
// contacts. One press declares it and opens the incident screen.
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { useLocation } from 'wouter'
import { Link } from 'wouter'
import { declareIncident, getSeverities, listOpenIncidents, listPeople } from '../../db/incident-repository'
import { listPlans } from '../../db/plan-queries'
import { LIMITS } from '../../domain/limits'
import { KIND_LABELS, type PlanKind } from '../../domain/vocabulary'
import { formatWhen } from '../../entities/drill'
import { attempt } from '../../ui/errors'
import { href } from '../../ui/routes'
import { useModal } from '../../ui/use-modal'
import './incidents.css'

const APPLIES: readonly PlanKind[] = ['incident-response', 'continuity']

export default function DeclareIncidentDialog({ onClose }: { onClose: () => void }) {
  const ref = useModal(true)
  const id = useId()
  const [, navigate] = useLocation()
  const plans = useLiveQuery(listPlans)
  const levels = useLiveQuery(getSeverities)
  const open = useLiveQuery(listOpenIncidents)
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [severity, setSeverity] = useState<string | null>(null)
  const [chosen, setChosen] = useState<Set<string> | null>(null)
  const [lead, setLead] = useState('')
  const [logKeeper, setLogKeeper] = useState('')
  const [busy, setBusy] = useState(false)
  const planIds = chosen ?? new Set((plans ?? []).filter((p) => APPLIES.includes(p.kind)).map((p) => p.id))
  const planKey = [...planIds].sort().join(',')
  const people = useLiveQuery(() => listPeople([...planIds]), [planKey])

  const toggle = (planId: string) => {
    const next = new Set(planIds)
    if (next.has(planId)) next.delete(planId)
    else next.add(planId)
    setChosen(next)
  }

  const submit = async () => {
    if (busy) return
    setBusy(true)
    // Until a level is picked, the most severe one: declaring fast matters more than grading it.
    // Two clicks must be enough on the day: with no title, the time of the declaration names it.
    const named = title.trim() || `Incident declared ${formatWhen(new Date().toISOString(), true)}`
    const incidentId = await attempt(() =>
      declareIncident({ title: named, description, severity: severity ?? levels?.[0]?.id ?? '', planIds: [...planIds], lead, logKeeper }),
    )
    setBusy(false)
    if (!incidentId) return
    onClose()
    navigate(href.incident(incidentId))
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      className="declare-incident"
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
        <h2 id={`${id}-title`}>Start incident</h2>
        {open && open.length > 0 && (
          <p className="notice" role="status">
            Already open:{' '}
            {open.map((i, n) => (
              <span key={i.id}>
                {n > 0 && ', '}
                <Link href={href.incident(i.id)} onClick={onClose}>
                  {i.title}
                </Link>
              </span>
            ))}
            . Declare another only for a separate incident.
          </p>
        )}
        <label className="field">
          <span className="field-label">Title</span>
          <input value={title} maxLength={LIMITS.title} placeholder="e.g. Hosting provider down" onChange={(e) => setTitle(e.target.value)} autoFocus />
        </label>
        <label className="field">
          <span className="field-label">What is happening</span>
          <textarea
            value={description}
            rows={3}
            maxLength={LIMITS.longText}
            placeholder="What people see, since when, what is known"
            onChange={(e) => setDescription(e.target.value)}
          />
        </label>
        <fieldset className="severity-choices">
          <legend>Severity</legend>
          {(levels ?? []).map((level, i) => (
            <label key={level.id} className={`check severity-choice${(severity ?? levels?.[0]?.id) === level.id ? ' chosen' : ''}`}>
              <input type="radio" name={`${id}-severity`} checked={(severity ?? levels?.[0]?.id) === level.id} onChange={() => setSeverity(level.id)} />
              <span>
                <strong>
                  {i + 1} {level.name}
                </strong>{' '}
                <span className="muted">— updates every {level.updateEveryMinutes} min</span>
                {level.definition && <span className="severity-definition">{level.definition}</span>}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Plans that apply</legend>
          {plans === undefined ? (
            <p className="muted">Loading plans…</p>
          ) : plans.length === 0 ? (
            <p className="muted">No plans yet: the incident runs with its log and clock, and its actions need a plan later.</p>
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
        <div className="form-grid">
          <label className="field">
            <span className="field-label">Incident lead</span>
            <input value={lead} maxLength={LIMITS.name} list={`${id}-people`} onChange={(e) => setLead(e.target.value)} placeholder="Who leads" />
          </label>
          <label className="field">
            <span className="field-label">Log keeper</span>
            <input
              value={logKeeper}
              maxLength={LIMITS.name}
              list={`${id}-people`}
              onChange={(e) => setLogKeeper(e.target.value)}
              placeholder="Who keeps the log"
            />
          </label>
          <datalist id={`${id}-people`}>
            {(people ?? []).map((p) => (
              <option key={p.name} value={p.name}>
                {p.role && p.role !== p.name ? p.role : undefined}
              </option>
            ))}
          </datalist>
        </div>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary danger-primary" disabled={busy}>
            Declare incident
          </button>
        </div>
      </form>
    </dialog>
  )
}
