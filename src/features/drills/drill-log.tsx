// The drill's log, newest first: each entry stamped with the drill clock, its type in words, and the
// plan step it concerns. Entries written by the facilitator can be corrected (words and type) during
// the drill and in the hot wash; during the drill they can also be deleted, with Undo.
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { deleteLogEntry, restoreLogEntry, updateLogEntry } from '../../db/drill-log-repository'
import { type PlanSteps } from '../../db/plan-steps'
import { formatClock } from '../../domain/drill-clock'
import { EVENT_LABELS } from '../../domain/drill-findings'
import type { DrillEvent } from '../../domain/drill-model'
import { LIMITS } from '../../domain/limits'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { LOG_TYPES, LogTypeBadge, type LogType } from '../../entities/drill'

export function stepTitles(steps: readonly PlanSteps[]): Map<string, string> {
  return new Map(steps.flatMap((p) => p.sections.flatMap((s) => s.items.map((i) => [i.id, i.text] as const))))
}

async function remove(id: string) {
  const removed = await attempt(() => deleteLogEntry(id))
  if (removed) {
    showToast({
      tone: 'info',
      text: `Log entry deleted: "${removed.text.slice(0, 60)}"`,
      action: { label: 'Undo', run: () => void attempt(() => restoreLogEntry(removed)) },
    })
  }
}

const isLogType = (t: string): t is LogType => t !== 'inject'

/** Corrects one entry in place: Enter (or Save) keeps the change, Escape (or Cancel) drops it. */
function EntryEditor({ entry, type, types, onDone }: { entry: DrillEvent; type: LogType; types: readonly LogType[]; onDone: () => void }) {
  const id = useId()
  const [text, setText] = useState(entry.text)
  const [kind, setKind] = useState<LogType>(type)
  const choices = types.includes(type) ? types : [type, ...types]
  const save = async (e: FormEvent) => {
    e.preventDefault()
    const saved = await attempt(async () => {
      await updateLogEntry(entry.id, { text: text.trim(), type: kind })
      return true
    })
    if (saved) onDone()
  }
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      onDone()
    }
  }
  return (
    <form className="log-edit" onSubmit={(e) => void save(e)} onKeyDown={onKeyDown} aria-label={`Correct entry: ${entry.text}`}>
      <label className="visually-hidden" htmlFor={`${id}-type`}>
        Entry type
      </label>
      <select
        id={`${id}-type`}
        value={kind}
        onChange={(e) => {
          const next = choices.find((t) => t === e.target.value)
          if (next) setKind(next)
        }}
      >
        {choices.map((t) => (
          <option key={t} value={t}>
            {EVENT_LABELS[t]}
          </option>
        ))}
      </select>
      <label className="visually-hidden" htmlFor={`${id}-text`}>
        Entry text
      </label>
      {/* The length is checked on save, so an over-long correction is refused with a message, not cut. */}
      <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} autoFocus aria-describedby={`${id}-hint`} />
      <span id={`${id}-hint`} className="visually-hidden">
        Up to {LIMITS.longText} characters. Enter saves, Escape cancels.
      </span>
      <button type="submit">Save</button>
      <button type="button" className="ghost" onClick={onDone}>
        Cancel
      </button>
    </form>
  )
}

interface LogProps {
  events: readonly DrillEvent[]
  steps: readonly PlanSteps[]
  editable: boolean
  /** The types an entry can be corrected to (a drill's by default). */
  types?: readonly LogType[]
}

export function DrillLog({ events, steps, editable, types = LOG_TYPES }: LogProps) {
  const titles = stepTitles(steps)
  const [editing, setEditing] = useState<string | null>(null)
  // After a correction the focus goes back to the entry's Correct button, not to the page.
  const list = useRef<HTMLOListElement>(null)
  const [refocus, setRefocus] = useState<string | null>(null)
  useEffect(() => {
    if (refocus === null) return
    list.current?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(refocus)}"] .log-correct`)?.focus()
    setRefocus(null)
  }, [refocus])
  if (events.length === 0)
    return (
      <p className="muted">
        Nothing logged yet. Type{' '}
        {new Intl.ListFormat('en', { type: 'disjunction' }).format(
          types.map((t) => `${/^[aeiou]/i.test(EVENT_LABELS[t]) ? 'an' : 'a'} ${EVENT_LABELS[t].toLowerCase()}`),
        )}{' '}
        above and press Enter.
      </p>
    )
  return (
    <ol className="drill-log" reversed aria-label="Drill log" ref={list}>
      {[...events].reverse().map((e) => (
        <li key={e.id} className={`log-entry log-entry-${e.type}`} data-testid="log-entry" data-entry-id={e.id}>
          <time className="log-at">{formatClock(e.at)}</time>
          <LogTypeBadge type={e.type} />
          {editing === e.id && isLogType(e.type) ? (
            <EntryEditor
              entry={e}
              type={e.type}
              types={types}
              onDone={() => {
                setEditing(null)
                setRefocus(e.id)
              }}
            />
          ) : (
            <>
              <span className="log-text">{e.text}</span>
              {/* Injects are the scenario's words; only the facilitator's own entries are corrected. */}
              {e.type !== 'inject' && (
                <span className="log-tools no-print">
                  <button type="button" className="icon ghost log-correct" aria-label={`Correct entry: ${e.text}`} onClick={() => setEditing(e.id)}>
                    ✎
                  </button>
                  {editable && (
                    <button type="button" className="icon ghost" aria-label={`Delete entry: ${e.text}`} onClick={() => void remove(e.id)}>
                      ×
                    </button>
                  )}
                </span>
              )}
            </>
          )}
          {e.itemId && titles.has(e.itemId) && <span className="muted log-step">Step: {titles.get(e.itemId)}</span>}
        </li>
      ))}
    </ol>
  )
}
