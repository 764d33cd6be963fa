// A one-line form that adds a section or an item: type, press Enter, keep typing the next one.
import { useId, useState } from 'react'
import { LIMITS } from '../../domain/limits'
import { attempt } from '../../ui/errors'

interface Props {
  label: string
  button: string
  onAdd: (text: string) => Promise<unknown>
}

export function AddForm({ label, button, onAdd }: Props) {
  const id = useId()
  const [text, setText] = useState('')
  const submit = async () => {
    const value = text.trim()
    if (!value) return
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
