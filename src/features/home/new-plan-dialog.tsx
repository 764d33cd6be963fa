// The New plan dialog: pick a built-in template, one saved on this device, or a blank plan; name it, create it.
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { useLocation } from 'wouter'
import { createPlanFromTemplate } from '../../db/plan-repository'
import { listTemplates } from '../../db/template-repository'
import type { PlanTemplate } from '../../domain/template-model'
import { asPlanTemplate } from '../../domain/user-template'
import { LIMITS } from '../../domain/limits'
import { KIND_LABELS } from '../../domain/vocabulary'
import { BUILTIN_TEMPLATES } from '../../templates/index'
import { attempt } from '../../ui/errors'
import { useModal } from '../../ui/use-modal'
import { href } from '../../ui/routes'

export default function NewPlanDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useModal(open)
  const [templateId, setTemplateId] = useState(BUILTIN_TEMPLATES[0]?.id ?? 'blank')
  const [title, setTitle] = useState('')
  const [busy, setBusy] = useState(false)
  const [, navigate] = useLocation()
  const saved = useLiveQuery(listTemplates, [], [])
  const savedIds = new Set(saved.map((t) => t.id))
  const all: PlanTemplate[] = [...BUILTIN_TEMPLATES, ...saved.map(asPlanTemplate)]

  const create = async () => {
    const template = all.find((t) => t.id === templateId)
    if (!template || busy) return
    setBusy(true)
    const id = await attempt(() => createPlanFromTemplate(template, { title }))
    setBusy(false)
    if (id) {
      setTitle('')
      onClose()
      navigate(href.plan(id))
    }
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="new-plan-title"
      className="new-plan"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault()
          void create()
        }}
      >
        <h2 id="new-plan-title">New plan</h2>
        <fieldset>
          <legend>Start from</legend>
          <div className="template-choices">
            {all.map((t) => {
              const items = t.sections.reduce((n, s) => n + s.items.length, 0)
              return (
                <label key={t.id} className="template-choice">
                  <input type="radio" name="template" value={t.id} checked={templateId === t.id} onChange={() => setTemplateId(t.id)} />
                  <span>
                    <strong>{t.title}</strong>
                    {savedIds.has(t.id) && <span className="badge badge-kind"> Your template</span>}
                    <span className="muted">
                      {' '}
                      — {KIND_LABELS[t.kind]}
                      {items > 0 ? `, ${t.sections.length} sections, ${items} items` : ''}
                    </span>
                    <span className="template-summary">{t.summary}</span>
                  </span>
                </label>
              )
            })}
          </div>
        </fieldset>
        <label className="field">
          <span className="field-label">Title (optional)</span>
          <input value={title} maxLength={LIMITS.title} onChange={(e) => setTitle(e.target.value)} placeholder="Leave empty to use the template's title" />
        </label>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Create plan
          </button>
        </div>
      </form>
    </dialog>
  )
}
