// "Save as template" on a plan: a small dialog for the name, an optional summary, and whether to
// keep the values of the typed fields. The template then shows beside the built-in ones in New plan.
import { useId, useState } from 'react'
import { saveTemplateFromPlan } from '../../db/template-repository'
import { LIMITS } from '../../domain/limits'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import './templates.css'
import { useModal } from '../../ui/use-modal'

export default function SaveTemplateButton({ planId, planTitle }: { planId: string; planTitle: string }) {
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState(planTitle)
  const [summary, setSummary] = useState('')
  const [keepValues, setKeepValues] = useState(false)
  const [busy, setBusy] = useState(false)
  const ref = useModal(open)
  const id = useId()

  const start = () => {
    setTitle(planTitle)
    setSummary('')
    setKeepValues(false)
    setOpen(true)
  }
  const save = async () => {
    if (busy || title.trim() === '') return
    setBusy(true)
    const saved = await attempt(() => saveTemplateFromPlan(planId, { title, summary, keepValues }))
    setBusy(false)
    if (saved) {
      setOpen(false)
      showToast({ tone: 'info', text: `Saved as the template "${title.trim()}". It is listed in New plan and in Settings.` })
    }
  }

  return (
    <>
      <button type="button" onClick={start}>
        Save as template
      </button>
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        onCancel={(e) => {
          e.preventDefault()
          setOpen(false)
        }}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <h2 id={`${id}-title`}>Save as template</h2>
          <p className="muted">
            The template keeps this plan's sections, guidance, items and typed fields. Owners, due dates, notes, evidence and progress are not kept.
          </p>
          <div className="tpl-form">
            <label className="field">
              <span className="field-label">Template name</span>
              <input value={title} required maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">Summary (optional)</span>
              <input value={summary} maxLength={LIMITS.shortText} onChange={(e) => setSummary(e.target.value)} placeholder="One line shown in New plan" />
            </label>
            <label className="check">
              <input type="checkbox" checked={keepValues} onChange={(e) => setKeepValues(e.target.checked)} />
              Keep the filled-in values of typed fields (RTOs, criticality, roles…); links to suppliers and functions are never kept
            </label>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || title.trim() === ''}>
              Save template
            </button>
          </div>
        </form>
      </dialog>
    </>
  )
}
