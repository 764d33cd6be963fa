// A one-line form that adds a section or an item: type, press Enter, keep typing the next one.
// What is added is journaled with an id made beforehand, before it is written, so a reload or a
// crash right after Enter still adds it (once) on the next load.
import { useId, useState } from 'react'
import type { DraftTarget } from '../../domain/draft-journal'
import { LIMITS } from '../../domain/limits'
import { createAutosave } from '../../ui/autosave'
import { showToast } from '../../ui/toast-store'

interface Props {
  label: string
  button: string
  /** Adds an item to this section. */
  newItemIn?: string
  /** Adds a section to this plan. */
  newSectionIn?: string
}

export function AddForm({ label, button, newItemIn, newSectionIn }: Props) {
  const id = useId()
  const [text, setText] = useState('')

  const add = async (target: DraftTarget, value: string) => {
    let failure: string | null = null
    const save = createAutosave<string>({
      target,
      label,
      delayMs: 0,
      onStatus: (s) => {
        failure = s.state === 'failed' ? s.message : null
      },
    })
    save.change(value, null)
    // Journaled: the field can take the next item at once.
    setText('')
    await save.flush()
    if (failure !== null) {
      showToast({
        tone: 'error',
        text: `${failure} “${value.slice(0, 60)}” is kept and is added when you retry (or on the next visit).`,
        action: { label: 'Retry', run: () => void save.flush() },
      })
    }
  }

  const submit = async () => {
    const value = text.trim()
    if (!value) return
    if (newItemIn) await add({ kind: 'new-item', id: crypto.randomUUID(), sectionId: newItemIn }, value)
    else if (newSectionIn) await add({ kind: 'new-section', id: crypto.randomUUID(), planId: newSectionIn }, value)
  }
  return (
    <form
      className="add-form no-print"
      onSubmit={(e) => {
        e.preventDefault()
        void submit()
      }}
    >
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input id={id} value={text} maxLength={LIMITS.shortText} placeholder={label} onChange={(e) => setText(e.target.value)} />
      <button type="submit" disabled={!text.trim()}>
        {button}
      </button>
    </form>
  )
}
