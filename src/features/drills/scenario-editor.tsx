// The scenario editor: title, summary, objectives, the kinds of plan it exercises, injects (time,
// what happens, what the players are told, questions, expected plan steps) and hot-wash questions.
// A built-in scenario shows the same form read-only. Lists are written one entry per line. Edits
// are saved a moment after typing stops, as everywhere else; a draft that is not valid yet says why.
import { useEffect, useId, useRef, useState } from 'react'
import { scenarioSchema, type Inject, type Scenario } from '../../domain/drill-model'
import { LIMITS } from '../../domain/limits'
import { issueMessages } from '../../domain/validation'
import { KIND_LABELS, PLAN_KINDS, type PlanKind } from '../../domain/vocabulary'

interface InjectDraft {
  id: string
  offsetMinutes: string
  title: string
  happens: string
  playersTold: string
  questions: string
  expectedSteps: string
}

export interface ScenarioDraft {
  title: string
  summary: string
  objectives: string
  planKinds: PlanKind[]
  injects: InjectDraft[]
  hotWash: string
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean)

export function draftOf(s: Scenario): ScenarioDraft {
  return {
    title: s.title,
    summary: s.summary,
    objectives: s.objectives.join('\n'),
    planKinds: [...s.planKinds],
    injects: s.injects.map((i) => ({ ...i, offsetMinutes: String(i.offsetMinutes), questions: i.questions.join('\n'), expectedSteps: i.expectedSteps.join('\n') })),
    hotWash: s.hotWash.join('\n'),
  }
}

/** The scenario the draft describes; offsets that are not whole minutes are left for validation to name. */
export function scenarioOf(base: Scenario, d: ScenarioDraft): Scenario {
  return {
    ...base,
    title: d.title,
    summary: d.summary,
    objectives: lines(d.objectives),
    planKinds: d.planKinds,
    injects: d.injects.map((i): Inject => ({
      id: i.id,
      offsetMinutes: i.offsetMinutes.trim() === '' ? Number.NaN : Number(i.offsetMinutes),
      title: i.title,
      happens: i.happens,
      playersTold: i.playersTold,
      questions: lines(i.questions),
      expectedSteps: lines(i.expectedSteps),
    })),
    hotWash: lines(d.hotWash),
  }
}

interface Props {
  scenario: Scenario
  readOnly: boolean
  /** Saves the edited scenario; resolves true when it was saved. */
  onSave?: (s: Scenario) => Promise<boolean>
  newInjectId?: () => string
}

const SAVE_DELAY_MS = 700

export function ScenarioEditor({ scenario, readOnly, onSave, newInjectId }: Props) {
  const id = useId()
  const [draft, setDraft] = useState(() => draftOf(scenario))
  const [dirty, setDirty] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const saveRef = useRef(onSave)
  saveRef.current = onSave
  const latest = useRef({ draft, dirty, scenario })
  latest.current = { draft, dirty, scenario }

  /** Saves the draft when it is a valid scenario; otherwise says what keeps it from being saved. */
  const flush = useRef(async () => {
    const { draft: d, dirty: changed, scenario: base } = latest.current
    if (!changed || !saveRef.current) return
    const parsed = scenarioSchema.safeParse(scenarioOf(base, d))
    if (!parsed.success) {
      setProblem(issueMessages(parsed.error)[0] ?? 'something is missing')
      return
    }
    setProblem(null)
    if (await saveRef.current(parsed.data)) setDirty(false)
  }).current

  // Saved a moment after the last edit, and when the editor closes (another page, a reload).
  useEffect(() => {
    if (!dirty) return
    const t = setTimeout(() => void flush(), SAVE_DELAY_MS)
    return () => clearTimeout(t)
  }, [draft, dirty, flush])
  useEffect(() => () => void flush(), [flush])
  useEffect(() => {
    if (!dirty) return
    const warn = (e: BeforeUnloadEvent) => {
      void flush()
      if (latest.current.dirty) e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty, flush])

  const edit = (patch: Partial<ScenarioDraft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setDirty(true)
  }
  const editInject = (index: number, patch: Partial<InjectDraft>) =>
    edit({ injects: draft.injects.map((i, j) => (j === index ? { ...i, ...patch } : i)) })
  const addInject = () => {
    const last = draft.injects.at(-1)
    const offset = last && Number.isFinite(Number(last.offsetMinutes)) ? Number(last.offsetMinutes) + 10 : 0
    edit({ injects: [...draft.injects, { id: newInjectId?.() ?? crypto.randomUUID(), offsetMinutes: String(offset), title: '', happens: '', playersTold: '', questions: '', expectedSteps: '' }] })
  }
  const toggleKind = (k: PlanKind) => edit({ planKinds: draft.planKinds.includes(k) ? draft.planKinds.filter((x) => x !== k) : [...draft.planKinds, k] })

  return (
    <form className="scenario-editor" aria-label={readOnly ? 'Scenario' : 'Edit scenario'} onSubmit={(e) => { e.preventDefault(); void flush() }}>
      <fieldset disabled={readOnly} className="scenario-fields">
        <label className="field wide">
          <span className="field-label">Title</span>
          <input value={draft.title} required maxLength={LIMITS.title} onChange={(e) => edit({ title: e.target.value })} />
        </label>
        <label className="field wide">
          <span className="field-label">Summary</span>
          <textarea rows={2} value={draft.summary} maxLength={LIMITS.shortText} onChange={(e) => edit({ summary: e.target.value })} />
        </label>
        <label className="field wide">
          <span className="field-label">Objectives (one per line)</span>
          <textarea rows={4} value={draft.objectives} onChange={(e) => edit({ objectives: e.target.value })} />
        </label>
        <fieldset className="kinds">
          <legend>Plans it exercises</legend>
          {PLAN_KINDS.map((k) => (
            <label key={k} className="check"><input type="checkbox" checked={draft.planKinds.includes(k)} onChange={() => toggleKind(k)} /> {KIND_LABELS[k]}</label>
          ))}
        </fieldset>
        <h2>Injects</h2>
        <ol className="inject-editors">
          {draft.injects.map((inj, i) => (
            <li key={inj.id} className="card inject-editor">
              <fieldset>
                <legend>Inject {i + 1}{inj.title ? `: ${inj.title}` : ''}</legend>
                <div className="form-grid">
                  <label className="field">
                    <span className="field-label">Minutes after start</span>
                    <input type="number" min={0} max={24 * 60} step={1} className="narrow" value={inj.offsetMinutes} onChange={(e) => editInject(i, { offsetMinutes: e.target.value })} />
                  </label>
                  <label className="field grow">
                    <span className="field-label">Inject title</span>
                    <input value={inj.title} required maxLength={LIMITS.title} onChange={(e) => editInject(i, { title: e.target.value })} />
                  </label>
                </div>
                <label className="field wide">
                  <span className="field-label">What happens (for the facilitator)</span>
                  <textarea rows={2} value={inj.happens} onChange={(e) => editInject(i, { happens: e.target.value })} />
                </label>
                <label className="field wide">
                  <span className="field-label">What the players are told</span>
                  <textarea rows={2} value={inj.playersTold} onChange={(e) => editInject(i, { playersTold: e.target.value })} />
                </label>
                <label className="field wide">
                  <span className="field-label">Discussion questions (one per line)</span>
                  <textarea rows={3} value={inj.questions} onChange={(e) => editInject(i, { questions: e.target.value })} />
                </label>
                <label className="field wide">
                  <span className="field-label">Plan steps it expects (one per line)</span>
                  <textarea rows={2} value={inj.expectedSteps} onChange={(e) => editInject(i, { expectedSteps: e.target.value })} />
                </label>
                {!readOnly && (
                  <button type="button" className="danger" onClick={() => edit({ injects: draft.injects.filter((_, j) => j !== i) })}>
                    Remove inject {i + 1}
                  </button>
                )}
              </fieldset>
            </li>
          ))}
        </ol>
        {!readOnly && <button type="button" onClick={addInject}>Add inject</button>}
        <label className="field wide">
          <span className="field-label">Hot-wash questions (one per line)</span>
          <textarea rows={4} value={draft.hotWash} onChange={(e) => edit({ hotWash: e.target.value })} />
        </label>
      </fieldset>
      {!readOnly && (
        <div className="save-bar">
          <span id={`${id}-state`} className={problem ? 'field-error' : 'muted'} role="status">
            {problem ? `Not saved yet — ${problem}` : dirty ? 'Saving…' : 'All changes saved'}
          </span>
        </div>
      )}
    </form>
  )
}
