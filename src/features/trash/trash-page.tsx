// The trash: deleted plans wait here to be restored or removed for good.
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { listTrash } from '../../db/plan-queries'
import { purgePlan, restorePlan } from '../../db/plan-repository'
import { dateOf, formatDate } from '../../domain/dates'
import type { Plan } from '../../domain/model'
import { KIND_LABELS } from '../../domain/vocabulary'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'

export default function TrashPage() {
  const plans = useLiveQuery(listTrash)
  const [purging, setPurging] = useState<Plan | null>(null)

  const restore = async (plan: Plan) => {
    const done = await attempt(async () => { await restorePlan(plan.id); return true })
    if (done) showToast({ tone: 'info', text: `"${plan.title}" restored to your plans.` })
  }
  const purge = async () => {
    const plan = purging
    setPurging(null)
    if (plan) await attempt(() => purgePlan(plan.id))
  }

  return (
    <section aria-labelledby="trash-heading">
      <h1 id="trash-heading">Trash</h1>
      {plans === undefined ? null : plans.length === 0 ? (
        <div className="empty"><p>The trash is empty. Plans you delete wait here until you restore them or remove them for good.</p></div>
      ) : (
        <ul className="plan-list">
          {plans.map((p) => (
            <li key={p.id} className="plan-row" data-testid="trash-row">
              <span className="badge badge-kind">{KIND_LABELS[p.kind]}</span>
              <span className="plan-title">{p.title}</span>
              <span className="muted">Deleted {p.deletedAt && formatDate(dateOf(p.deletedAt))}</span>
              <span className="button-row">
                <button type="button" onClick={() => void restore(p)}>Restore <span className="visually-hidden">{p.title}</span></button>
                <button type="button" className="danger" onClick={() => setPurging(p)}>Remove for good <span className="visually-hidden">{p.title}</span></button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog open={purging !== null} title="Remove this plan for good?" confirmLabel="Remove for good" danger onConfirm={() => void purge()} onCancel={() => setPurging(null)}>
        <p>"{purging?.title}" and all its sections and items will be removed from this device. This cannot be undone. Export it first if you may need it.</p>
      </ConfirmDialog>
    </section>
  )
}
