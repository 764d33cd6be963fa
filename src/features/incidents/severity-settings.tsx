// Settings: the incident severity levels, each with a name, what it means and how often a status
// update is due. Edited here as a whole and saved with one press; a list that breaks a rule is
// refused with what is wrong, and what was typed stays in the form.
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { getSeverities, saveSeverities } from '../../db/incident-repository'
import { DEFAULT_SEVERITIES, type SeverityLevel } from '../../domain/incident-severity'
import { LIMITS } from '../../domain/limits'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import './incidents.css'

type Draft = Omit<SeverityLevel, 'updateEveryMinutes'> & { updateEveryMinutes: string }

const toDraft = (levels: readonly SeverityLevel[]): Draft[] => levels.map((l) => ({ ...l, updateEveryMinutes: String(l.updateEveryMinutes) }))

function Editor({ stored }: { stored: SeverityLevel[] }) {
  const [levels, setLevels] = useState<Draft[]>(() => toDraft(stored))
  const [busy, setBusy] = useState(false)
  const set = (i: number, patch: Partial<Draft>) => setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)))
  const changed = JSON.stringify(levels) !== JSON.stringify(toDraft(stored))

  const save = async () => {
    setBusy(true)
    const saved = await attempt(async () => {
      await saveSeverities(levels.map((l) => ({ ...l, updateEveryMinutes: Number(l.updateEveryMinutes.trim() || Number.NaN) })))
      return true
    })
    setBusy(false)
    if (saved) showToast({ tone: 'info', text: 'Severity levels saved. New incidents use them; open ones keep the level they were given.' })
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <ol className="severity-levels">
        {levels.map((l, i) => (
          <li key={l.id} className="severity-level" data-testid="severity-level">
            <fieldset>
              <legend>Level {i + 1}</legend>
              <div className="form-grid">
                <label className="field">
                  <span className="field-label">Name</span>
                  <input value={l.name} maxLength={LIMITS.name} onChange={(e) => set(i, { name: e.target.value })} />
                </label>
                <label className="field">
                  <span className="field-label">Update every (minutes)</span>
                  <input
                    type="number"
                    min={5}
                    max={1440}
                    step={5}
                    value={l.updateEveryMinutes}
                    onChange={(e) => set(i, { updateEveryMinutes: e.target.value })}
                  />
                </label>
              </div>
              <label className="field review-field">
                <span className="field-label">What it means</span>
                <textarea rows={2} value={l.definition} maxLength={LIMITS.shortText} onChange={(e) => set(i, { definition: e.target.value })} />
              </label>
              {levels.length > 1 && (
                <button type="button" className="ghost danger" onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
                  Remove level {i + 1}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      <div className="button-row">
        {levels.length < 9 && (
          <button type="button" onClick={() => setLevels((ls) => [...ls, { id: crypto.randomUUID(), name: '', definition: '', updateEveryMinutes: '60' }])}>
            Add level
          </button>
        )}
        <button type="button" onClick={() => setLevels(toDraft(DEFAULT_SEVERITIES))}>
          Use the default levels
        </button>
        <button type="submit" className="primary" disabled={busy || !changed}>
          Save levels
        </button>
      </div>
    </form>
  )
}

export default function SeveritySettings() {
  const stored = useLiveQuery(getSeverities)
  return (
    <div className="card">
      <h2>Incident severity levels</h2>
      <p className="muted">Chosen when an incident is declared; each sets how often a status update is due. Level 1 is the most severe.</p>
      {stored && <Editor key={JSON.stringify(stored)} stored={stored} />}
    </div>
  )
}
