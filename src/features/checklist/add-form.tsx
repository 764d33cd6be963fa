// A one-line form that adds a section or an item: type, press Enter, keep typing the next one.
// An item is journaled with an id made beforehand, before it is written, so a reload or a crash
// right after Enter still adds it (once) on the next load.
import { useId, useState } from 'react'
import { LIMITS } from '../../domain/limits'
import { createAutosave } from '../../ui/autosave'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'

interface Props {
  label: string
  button: string
  /** Adds an item to this section (journaled). */
  newItemIn?: string
  /** Adds something else (a section). */
  onAdd?: (text: string) => Promise<unknown>
}

export function AddForm({ label, button, newItemIn, onAdd }: Props) {
  const id = useId()
  const [text, setText] = useState('')

  const addItem = async (sectionId: string, value: string) => {
    let failure: string | null = null
    const save = createAutosave<string>({
      target: { kind: 'new-item', id: crypto.randomUUID(), sectionId },
      label,
      delayMs: 0,
      onStatus: (s) => { failure = s.state === 'failed' ? s.message : null },
    })
    save.change(value, null)
    // Journaled: the field can take the next item at once.
    setText('')
    await save.flush()
    if (failure !== null) {
      showToast({ tone: 'error', text: `${failure} The item “${value.slice(0, 60)}” is kept and is added when you retry (or on the next visit).`, action: { label: 'Retry', run: () => void save.flush() } })
    }
  }

  const submit = async () => {
    const value = text.trim()
    if (!value) return
    if (newItemIn) return addItem(newItemIn, value)
    if (!onAdd) return
    const done = await attempt(() => onAdd(value))
    if (done !== undefined) setText('')
  }
  return (
    <form className="add-form no-print" onSubmit={(e) => { e.preventDefault(); void submit() }}>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      <input id={id} value={text} maxLength={LIMITS.shortText} placeholder={label} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={!text.trim()}>{button}</button>
    </form>
  )
}
