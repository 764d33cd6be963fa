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
  const pending = useRef<string | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const saveRef = useRef(onSave)
  saveRef.current = onSave

  // Outside changes (another tab, an undo) replace the draft only when nothing is being typed.
  useEffect(() => {
    if (!editing.current && pending.current === null) setDraft(value)
  }, [value])

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const next = pending.current
    if (next === null) return
    pending.current = null
    void saveRef.current(next)
  }, [])

  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [flush])

  const change = (next: string) => {
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
      flush()
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
