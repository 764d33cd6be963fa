// The log field of a drill or an incident: one input, Enter saves, Alt+1/2/3… (or Ctrl+digit) picks
// the entry type (a drill: decision, observation, gap; an incident: decision, action, observation,
// communication); typing its letter and a colon first ("d:", "g:", "c:") does the same where the
// browser keeps those keys.
import { useEffect, useId, useRef, useState } from 'react'
import { EVENT_LABELS } from '../../domain/drill-findings'
import { LIMITS } from '../../domain/limits'
import type { PlanSteps } from '../../db/plan-steps'
import type { LogEntryDraft } from '../../domain/log-entry-draft'
import { createAutosave } from '../../ui/autosave'
import { showToast } from '../../ui/toast-store'
import { EVENT_ICONS, LOG_TYPES, type LogType } from '../../entities/drill'

const PREFIX: Record<string, LogType> = { d: 'decision', o: 'observation', g: 'gap', a: 'action', c: 'communication' }
const letterOf = (t: LogType): string => Object.keys(PREFIX).find((k) => PREFIX[k] === t) ?? ''

// Storage may be refused (private mode, full): typing then works as before, without the copy.
function readTyping(key: string): string {
  try {
    return localStorage.getItem(key) ?? ''
  } catch {
    return ''
  }
}
function writeTyping(key: string, value: string): void {
  try {
    if (value) localStorage.setItem(key, value)
    else localStorage.removeItem(key)
  } catch {
    // Nothing to do: the text is still in the field.
  }
}

/**
 * Splits a typed "g: no deputy" into its type and text; text without a prefix of one of `types`
 * keeps `fallback`.
 */
export function parseEntry(raw: string, fallback: LogType, types: readonly LogType[] = LOG_TYPES): { type: LogType; text: string } {
  const m = /^([a-z]):\s*(.*)$/is.exec(raw.trim())
  const type = m?.[1] ? PREFIX[m[1].toLowerCase()] : undefined
  return type && m && types.includes(type) ? { type, text: (m[2] ?? '').trim() } : { type: fallback, text: raw.trim() }
}

interface Props {
  drillId: string
  /** The inject on screen when the entry is written, recorded with it. */
  injectId: string | null
  steps: PlanSteps[]
  initialType?: LogType
  label?: string
  /** The entry types offered, in shortcut order (a drill's by default). */
  types?: readonly LogType[]
}

export function LogEntryForm({ drillId, injectId, steps, initialType = 'decision', label = 'Log entry', types = LOG_TYPES }: Props) {
  const id = useId()
  const [type, setType] = useState<LogType>(initialType)
  const [text, setText] = useState(() => readTyping(`ck:log-typing:${drillId}:${label}`))
  const [itemId, setItemId] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const form = useRef<HTMLFormElement>(null)

  // The type shortcuts work anywhere on the page while the form is shown.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.altKey || e.ctrlKey) || e.shiftKey || e.metaKey) return
      // Not while an entry of the log is being corrected: that editor has its own type choice.
      if (e.target instanceof Element && e.target.closest('.log-edit')) return
      // AltGr (reported as Ctrl+Alt) types characters such as ² and ³ on many keyboards.
      if ((e.altKey && e.ctrlKey) || e.getModifierState('AltGraph')) return
      const digit = /^(?:Digit|Numpad)([1-9])$/.exec(e.code)?.[1]
      const next = digit ? types[Number(digit) - 1] : undefined
      if (!next) return
      e.preventDefault()
      setType(next)
      input.current?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [types])

  // What is typed but not yet logged is kept on this device as it is typed, and comes back after a
  // reload; an entry logged with Enter is journaled (with its id and time) before it is written.
  const typingKey = `ck:log-typing:${drillId}:${label}`
  const type_ = (value: string) => {
    setText(value)
    writeTyping(typingKey, value)
  }

  const save = async () => {
    const entry = parseEntry(text, type, types)
    if (!entry.text) return
    let failure: string | null = null
    const write = createAutosave<LogEntryDraft>({
      target: { kind: 'new-log-entry', id: crypto.randomUUID(), drillId },
      label,
      delayMs: 0,
      onStatus: (s) => {
        failure = s.state === 'failed' ? s.message : null
      },
    })
    write.change({ type: entry.type, text: entry.text, itemId: itemId || null, injectId, madeAt: new Date().toISOString() }, null)
    // Journaled: clear at once so the next entry can be typed.
    setText('')
    writeTyping(typingKey, '')
    setItemId('')
    await write.flush()
    if (failure !== null) {
      showToast({
        tone: 'error',
        text: `${failure} “${entry.text.slice(0, 60)}” is kept and is logged when you retry (or on the next visit).`,
        action: { label: 'Retry', run: () => void write.flush() },
      })
    }
    input.current?.focus()
  }

  return (
    <form
      ref={form}
      className="log-form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault()
        void save()
      }}
    >
      <div className="log-types" role="radiogroup" aria-label="Entry type">
        {types.map((t, i) => (
          <label key={t} className={`log-type-choice${type === t ? ' chosen' : ''}`}>
            <input
              type="radio"
              name={`${id}-type`}
              value={t}
              checked={type === t}
              onChange={() => setType(t)}
              className="visually-hidden"
              aria-keyshortcuts={`Alt+${i + 1}`}
            />
            <span aria-hidden="true">{EVENT_ICONS[t]}</span> {EVENT_LABELS[t]}{' '}
            <kbd className="muted" aria-hidden="true">
              Alt+{i + 1}
            </kbd>
          </label>
        ))}
      </div>
      <div className="log-line">
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {label} ({EVENT_LABELS[type].toLowerCase()})
        </label>
        <input
          ref={input}
          id={`${id}-text`}
          className="log-input"
          value={text}
          maxLength={LIMITS.longText}
          autoComplete="off"
          placeholder={`${EVENT_LABELS[type]}: type and press Enter`}
          aria-describedby={`${id}-hint`}
          onChange={(e) => type_(e.target.value)}
        />
        <button type="submit" className="primary">
          Log
        </button>
      </div>
      {steps.length > 0 && (
        <span className="field log-step-field">
          <label className="field-label" htmlFor={`${id}-step`}>
            Plan step (optional)
          </label>
          <select id={`${id}-step`} value={itemId} onChange={(e) => setItemId(e.target.value)}>
            <option value="">No plan step</option>
            {steps.flatMap((p) =>
              p.sections.map((s) => (
                <optgroup key={s.section.id} label={`${p.plan.title} — ${s.section.title}`}>
                  {s.items.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.text}
                    </option>
                  ))}
                </optgroup>
              )),
            )}
          </select>
        </span>
      )}
      <p id={`${id}-hint`} className="muted log-hint">
        Enter saves. {types.map((t, i) => `Alt+${i + 1} ${EVENT_LABELS[t].toLowerCase()}`).join(', ')} (or start with{' '}
        {types.map((t) => `${letterOf(t)}:`).join(' ')}).
      </p>
    </form>
  )
}
