// The scenario editor: title, summary, objectives, the kinds of plan it exercises, injects (time,
// what happens, what the players are told, questions, expected plan steps) and hot-wash questions.
// A built-in scenario shows the same form read-only. Lists are written one entry per line. Edits
// are saved a moment after typing stops, as everywhere else; a draft that is not valid yet says why.
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { scenarioSchema, type Scenario } from '../../domain/drill-model'
import { sameValue } from '../../domain/draft-journal'
import { LIMITS } from '../../domain/limits'
import { changedDraftFields, draftOf, scenarioOf, SCENARIO_DRAFT_KEYS, type InjectDraft, type ScenarioDraft } from '../../domain/scenario-draft'
import { issueMessages } from '../../domain/validation'
import { KIND_LABELS, PLAN_KINDS, type PlanKind } from '../../domain/vocabulary'
import { createAutosave, type SaveStatus } from '../../ui/autosave'
import { saveDraft } from '../../db/draft-replay'
import { showToast } from '../../ui/toast-store'

type DraftKey = keyof ScenarioDraft

const FIELD_NAMES: Record<DraftKey, string> = {
  title: 'Title',
  summary: 'Summary',
  objectives: 'Objectives',
  planKinds: 'Plans it exercises',
  injects: 'Injects',
  hotWash: 'Hot-wash questions',
}

const pick = (d: ScenarioDraft, keys: readonly DraftKey[]): Partial<ScenarioDraft> => Object.fromEntries(keys.map((k) => [k, d[k]]))

interface Props {
  scenario: Scenario
  readOnly: boolean
  newInjectId?: () => string
}

export function ScenarioEditor({ scenario, readOnly, newInjectId }: Props) {
  const id = useId()
  const stored = useMemo(() => draftOf(scenario), [scenario])
  const [draft, setDraft] = useState(stored)
  const [problem, setProblem] = useState<string | null>(null)
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' })
  const latest = useRef({ draft, stored, scenario })
  latest.current = { draft, stored, scenario }
  /** Fields changed in this editor, and what it last wrote to each (to tell its own writes from others'). */
  const edited = useRef(new Set<DraftKey>())
  const written = useRef<Partial<ScenarioDraft>>({})
  /** Fields another tab changed while this one had unsaved edits to them. */
  const overtaken = useRef(new Set<DraftKey>())
  const prevStored = useRef(stored)

  // Only the fields that differ from what is stored are written, so another tab's edit of another
  // field survives. Two tabs changing one field: the later write wins, and each tab is told.
  const [autosave] = useState(() =>
    createAutosave<Partial<ScenarioDraft>>({
      target: { kind: 'scenario', id: scenario.id },
      label: `Scenario “${scenario.title}”`,
      onStatus: setStatus,
      write: (patch) => {
        Object.assign(written.current, patch)
        return saveDraft({ kind: 'scenario', id: scenario.id }, patch)
      },
      onCommitted: (patch) => {
        const replaced = (Object.keys(patch) as DraftKey[]).filter((k) => overtaken.current.delete(k))
        if (replaced.length)
          showToast({ tone: 'info', text: `Your scenario edit was saved over a change made elsewhere to: ${replaced.map((k) => FIELD_NAMES[k]).join(', ')}.` })
      },
    }),
  )

  useEffect(() => {
    const detach = autosave.attach()
    return () => {
      detach()
      void autosave.flush()
    }
  }, [autosave])

  // A change from elsewhere: taken into fields without unsaved edits; a field with unsaved edits
  // keeps them (and is saved over the change).
  useEffect(() => {
    const prev = prevStored.current
    prevStored.current = stored
    if (prev === stored) return
    const current = latest.current.draft
    const next: ScenarioDraft = { ...current }
    const lost: DraftKey[] = []
    for (const k of SCENARIO_DRAFT_KEYS) {
      if (sameValue(prev[k], stored[k]) || sameValue(stored[k], current[k]) || sameValue(stored[k], written.current[k])) continue
      if (!sameValue(current[k], prev[k])) {
        overtaken.current.add(k)
        continue
      }
      Object.assign(next, { [k]: stored[k] })
      if (edited.current.has(k)) lost.push(k)
    }
    setDraft(next)
    if (lost.length) showToast({ tone: 'info', text: `Changed in another tab, replacing your edit: ${lost.map((k) => FIELD_NAMES[k]).join(', ')}.` })
  }, [stored])

  /** Journals the draft at once and saves its changed fields after the pause; a draft that is not a valid scenario yet says why. */
  const apply = (d: ScenarioDraft) => {
    const base = latest.current.stored
    const patch = changedDraftFields(base, d)
    const keys = Object.keys(patch) as DraftKey[]
    for (const k of keys) edited.current.add(k)
    const parsed = scenarioSchema.safeParse(scenarioOf(latest.current.scenario, d))
    if (!parsed.success) {
      setProblem(issueMessages(parsed.error)[0] ?? 'something is missing')
      autosave.hold(patch, pick(base, keys))
      return
    }
    setProblem(null)
    if (keys.length === 0) autosave.discard()
    else autosave.change(patch, pick(base, keys))
  }

  const edit = (patch: Partial<ScenarioDraft>) => {
    const next = { ...latest.current.draft, ...patch }
    latest.current.draft = next
    setDraft(next)
    apply(next)
  }
  const editInject = (index: number, patch: Partial<InjectDraft>) => edit({ injects: draft.injects.map((i, j) => (j === index ? { ...i, ...patch } : i)) })
  const addInject = () => {
    const last = draft.injects.at(-1)
    const offset = last && Number.isFinite(Number(last.offsetMinutes)) ? Number(last.offsetMinutes) + 10 : 0
    edit({
      injects: [
        ...draft.injects,
        {
          id: newInjectId?.() ?? crypto.randomUUID(),
          offsetMinutes: String(offset),
          title: '',
          happens: '',
          playersTold: '',
          questions: '',
          expectedSteps: '',
        },
      ],
    })
  }
  const toggleKind = (k: PlanKind) => edit({ planKinds: draft.planKinds.includes(k) ? draft.planKinds.filter((x) => x !== k) : [...draft.planKinds, k] })

  return (
    <form
      className="scenario-editor"
      aria-label={readOnly ? 'Scenario' : 'Edit scenario'}
      onSubmit={(e) => {
        e.preventDefault()
        void autosave.flush()
      }}
    >
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
            <label key={k} className="check">
              <input type="checkbox" checked={draft.planKinds.includes(k)} onChange={() => toggleKind(k)} /> {KIND_LABELS[k]}
            </label>
          ))}
        </fieldset>
        <h2>Injects</h2>
        <ol className="inject-editors">
          {draft.injects.map((inj, i) => (
            <li key={inj.id} className="card inject-editor">
              <fieldset>
                <legend>
                  Inject {i + 1}
                  {inj.title ? `: ${inj.title}` : ''}
                </legend>
                <div className="form-grid">
                  <label className="field">
                    <span className="field-label">Minutes after start</span>
                    <input
                      type="number"
                      min={0}
                      max={24 * 60}
                      step={1}
                      className="narrow"
                      value={inj.offsetMinutes}
                      onChange={(e) => editInject(i, { offsetMinutes: e.target.value })}
                    />
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
        {!readOnly && (
          <button type="button" onClick={addInject}>
            Add inject
          </button>
        )}
        <label className="field wide">
          <span className="field-label">Hot-wash questions (one per line)</span>
          <textarea rows={4} value={draft.hotWash} onChange={(e) => edit({ hotWash: e.target.value })} />
        </label>
      </fieldset>
      {!readOnly && (
        <div className="save-bar">
          <span id={`${id}-state`} className={problem || status.state === 'failed' ? 'field-error' : 'muted'} role="status">
            {problem
              ? `Not saved yet — ${problem}`
              : status.state === 'failed'
                ? `Not saved — your edits are kept here. ${status.message}`
                : status.state === 'saved'
                  ? 'All changes saved'
                  : 'Saving…'}
          </span>
          {!problem && status.state === 'failed' && (
            <button type="button" onClick={() => void autosave.flush()}>
              Retry
            </button>
          )}
        </div>
      )}
    </form>
  )
}
