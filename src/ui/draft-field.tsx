// A text input or textarea that never loses keystrokes: each one is journaled at once and saved
// through the app's one autosave (a pause, leaving the field, hiding the page). A failed save keeps
// the text and offers a retry. Outside changes (another tab, an undo) are taken while the user has
// nothing unsaved; when their typing and a change from elsewhere meet, the field says so.
import { useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react'
import type { DraftTarget } from '../domain/draft-journal'
import { createAutosave } from './autosave'

interface Props {
  label: string
  value: string
  /** What the field edits: every keystroke is journaled under it and written through the one dispatcher. */
  target: DraftTarget
  /** Returns a message when the draft cannot be saved as it is. */
  validate?: (value: string) => string | null
  multiline?: boolean
  maxLength?: number
  hideLabel?: boolean
  className?: string
  placeholder?: string
  type?: InputHTMLAttributes<HTMLInputElement>['type']
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode']
  /** Saves on every change instead of after a pause (for pickers such as dates). */
  immediate?: boolean
  rows?: number
  /** The id of a <datalist> of suggestions (inputs only). */
  list?: string
}

const quote = (s: string) => `“${s.length > 80 ? `${s.slice(0, 80)}…` : s}”`

export function DraftField({
  label,
  value,
  target,
  validate,
  multiline,
  maxLength,
  hideLabel,
  className,
  placeholder,
  type = 'text',
  inputMode,
  immediate,
  rows = 3,
  list,
}: Props) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  /** Why the last save failed, until a save succeeds (kept while a retry runs). */
  const [failure, setFailure] = useState<string | null>(null)
  const [note, setNote] = useState<string | null>(null)
  const editing = useRef(false)
  /** Set once the user types in this focus, cleared when they leave the field. */
  const typed = useRef(false)
  /** Set once the user has typed here at all: a later change from elsewhere replaced their words. */
  const everTyped = useRef(false)
  /** A change from elsewhere that arrived while the user's typing was unsaved. */
  const overtaken = useRef<string | null>(null)
  const draftRef = useRef(draft)
  draftRef.current = draft
  const [autosave] = useState(() => {
    const a = createAutosave<string>({
      target,
      label,
      delayMs: immediate ? 0 : undefined,
      onStatus: (s) => {
        if (s.state === 'failed') setFailure(s.message)
        else if (s.state === 'saved') setFailure(null)
      },
      onCommitted: (saved) => {
        const other = overtaken.current
        overtaken.current = null
        if (other !== null && other.trim() !== saved.trim()) setNote(`Saved over a change made elsewhere: ${other === '' ? 'an empty value' : quote(other)}.`)
      },
    })
    a.setStored(value)
    return a
  })

  useEffect(() => {
    const ours = autosave.wrote(value)
    autosave.setStored(value)
    if (autosave.hasPending() || (editing.current && typed.current)) {
      // The user's typing is kept and will be saved over it; they are told once it is.
      if (!ours && value !== draftRef.current) overtaken.current = value
      return
    }
    if (!ours && everTyped.current && value !== draftRef.current) {
      setNote(`Changed elsewhere; your text was ${draftRef.current === '' ? 'empty' : quote(draftRef.current)}.`)
    }
    setDraft(value)
  }, [value, autosave])

  useEffect(() => {
    const detach = autosave.attach()
    return () => {
      detach()
      void autosave.flush()
    }
  }, [autosave])

  const change = (next: string) => {
    typed.current = true
    everTyped.current = true
    setDraft(next)
    setNote(null)
    const problem = validate?.(next) ?? null
    setError(problem)
    // A draft that cannot be saved is still journaled, so the words survive a reload (an emptied
    // field is not: the last words typed stay in the journal instead).
    if (problem) {
      // Never save an earlier keystroke of this edit in its place ("N" of an emptied title).
      if (next.trim() !== '') autosave.hold(next)
      else autosave.cancel()
    } else {
      autosave.change(next)
    }
  }

  const failed = failure !== null
  const describedBy = [error && `${id}-error`, failed && `${id}-status`, note && `${id}-note`].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    value: draft,
    maxLength,
    placeholder,
    className,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    onFocus: () => {
      editing.current = true
    },
    onBlur: () => {
      editing.current = false
      typed.current = false
      const unsaved = autosave.hasPending()
      void autosave.flush()
      // Nothing was waiting to be saved and nothing is wrong: show the stored value, which may
      // have changed elsewhere while the field had focus.
      if (!unsaved && !error) setDraft(value)
    },
  }
  return (
    <span className={`field${hideLabel ? ' field-bare' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} list={list} onChange={(e) => change(e.target.value)} />
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
      {failed && (
        <span id={`${id}-status`} className="field-error" role="alert">
          Not saved — your text is kept here. {failure}{' '}
          <button type="button" className="inline-action" onClick={() => void autosave.flush()}>
            Retry
          </button>
        </span>
      )}
      {note && (
        <span id={`${id}-note`} className="field-note muted" role="status">
          {note}
        </span>
      )}
    </span>
  )
}
