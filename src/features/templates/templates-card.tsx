// Settings card: the templates saved on this device. Rename, delete (with undo); `actions` lets the
// app add per-template tools such as exporting one as a file.
import { useLiveQuery } from 'dexie-react-hooks'
import type { ReactNode } from 'react'
import { deleteTemplate, listTemplates, putTemplate } from '../../db/template-repository'
import { dateOf, formatDate } from '../../domain/dates'
import { LIMITS } from '../../domain/limits'
import type { UserTemplate } from '../../domain/user-template'
import { KIND_LABELS } from '../../domain/vocabulary'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import './templates.css'

const nameError = (v: string) => (v.trim() === '' ? 'The name must not be empty' : null)

export default function TemplatesCard({ actions }: { actions?: (template: UserTemplate) => ReactNode }) {
  const templates = useLiveQuery(listTemplates)
  const remove = async (t: UserTemplate) => {
    const removed = await attempt(() => deleteTemplate(t.id))
    if (removed)
      showToast({ tone: 'info', text: `Template "${t.title}" deleted.`, action: { label: 'Undo', run: () => void attempt(() => putTemplate(removed)) } })
  }
  return (
    <div className="card" data-testid="templates-card">
      <h2>Your templates</h2>
      {templates === undefined ? (
        <p className="muted" aria-busy="true">
          Loading templates…
        </p>
      ) : templates.length === 0 ? (
        <p className="muted">
          No saved templates yet. Open a plan and press <strong>Save as template</strong> to reuse its structure for new plans.
        </p>
      ) : (
        <ul className="tpl-list">
          {templates.map((t) => {
            const items = t.sections.reduce((n, s) => n + s.items.length, 0)
            return (
              <li key={t.id} data-testid="template-row">
                <DraftField
                  label={`Name of template ${t.title}`}
                  hideLabel
                  value={t.title}
                  maxLength={LIMITS.title}
                  validate={nameError}
                  target={{ kind: 'template-title', id: t.id }}
                />
                <span className="muted tpl-facts">
                  {KIND_LABELS[t.kind]}, {t.sections.length} sections, {items} items · saved {formatDate(dateOf(t.createdAt))} · version {t.version}
                </span>
                <span className="button-row">
                  {actions?.(t)}
                  <button type="button" className="danger" onClick={() => void remove(t)} aria-label={`Delete template ${t.title}`}>
                    Delete
                  </button>
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </div>
  )
}
