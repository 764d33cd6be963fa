// A text input or textarea that never loses keystrokes: it edits a local draft, saves it after a
// pause, on blur and when the page is hidden, and takes outside changes only while not being edited.
import { useCallback, useEffect, useId, useRef, useState, type InputHTMLAttributes } from 'react'

interface Props {
  label: string
  value: string
  /** Saves a checked value; a rejected promise keeps the draft and shows nothing (the caller reports). */
  onSave: (value: string) => unknown
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
}

const SAVE_DELAY_MS = 400

export function DraftField({ label, value, onSave, validate, multiline, maxLength, hideLabel, className, placeholder, type = 'text', inputMode, immediate, rows = 3 }: Props) {
  const id = useId()
  const [draft, setDraft] = useState(value)
  const [error, setError] = useState<string | null>(null)
  const editing = useRef(false)
  /** Set once the user types in this focus, cleared when they leave the field. */
  const typed = useRef(false)
  const pending = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saveRef = useRef(onSave)
  saveRef.current = onSave

  // Outside changes (another tab, an undo) replace the draft unless the user has typed something
  // not yet saved; merely having the field focused does not hold them back.
  useEffect(() => {
    if (pending.current === null && !(editing.current && typed.current)) setDraft(value)
  }, [value])

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const next = pending.current
    if (next === null) return
    pending.current = null
    void saveRef.current(next)
  }, [])

  useEffect(() => {
    // A hidden tab may be frozen or discarded (mobile): save before that can happen.
    const onHidden = () => { if (document.visibilityState === 'hidden') flush() }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
      flush()
    }
  }, [flush])

  const change = (next: string) => {
    typed.current = true
    setDraft(next)
    const problem = validate?.(next) ?? null
    setError(problem)
    clearTimeout(timer.current)
    if (problem) {
      pending.current = null
      return
    }
    if (next === value) {
      pending.current = null
      return
    }
    pending.current = next
    if (immediate) flush()
    else timer.current = setTimeout(flush, SAVE_DELAY_MS)
  }

  const common = {
    id,
    value: draft,
    maxLength,
    placeholder,
    className,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onFocus: () => { editing.current = true },
    onBlur: () => {
      editing.current = false
      typed.current = false
      const unsaved = pending.current !== null
      flush()
      // Nothing was waiting to be saved and nothing is wrong: show the stored value, which may
      // have changed elsewhere while the field had focus.
      if (!unsaved && !error) setDraft(value)
    },
  }
  return (
    <span className={`field${hideLabel ? ' field-bare' : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field-label'}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(e) => change(e.target.value)} />
      )}
      {error && <span id={`${id}-error`} className="field-error" role="alert">{error}</span>}
    </span>
  )
}
