// The trash: deleted plans and drills wait here to be restored or removed for good.
import { useLiveQuery } from 'dexie-react-hooks'
import { useState } from 'react'
import { listTrashedDrills, purgeDrill, restoreDrill } from '../../db/drill-repository'
import { listTrash } from '../../db/plan-queries'
import { purgePlan, restorePlan } from '../../db/plan-repository'
import { dateOf, formatDate } from '../../domain/dates'
import type { Drill } from '../../domain/drill-model'
import type { Plan } from '../../domain/model'
import { KIND_LABELS } from '../../domain/vocabulary'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { RemovedRows, useRemovedRows } from './removed-rows'

export default function TrashPage() {
  const plans = useLiveQuery(listTrash)
  const drills = useLiveQuery(listTrashedDrills)
  const [purging, setPurging] = useState<Plan | null>(null)
  const [purgingDrill, setPurgingDrill] = useState<Drill | null>(null)

  const restore = async (plan: Plan) => {
    const done = await attempt(async () => {
      await restorePlan(plan.id)
      return true
    })
    if (done) showToast({ tone: 'info', text: `"${plan.title}" restored to your plans.` })
  }
  const purge = async () => {
    const plan = purging
    setPurging(null)
    if (plan) await attempt(() => purgePlan(plan.id))
  }
  const restoreOne = async (drill: Drill) => {
    const done = await attempt(async () => {
      await restoreDrill(drill.id)
      return true
    })
    if (done) showToast({ tone: 'info', text: `"${drill.title}" restored to your ${drill.mode === 'incident' ? 'incidents' : 'drills'}.` })
  }
  const purgeOne = async () => {
    const drill = purgingDrill
    setPurgingDrill(null)
    if (drill) await attempt(() => purgeDrill(drill.id))
  }
  const removed = useRemovedRows()
  const empty = plans !== undefined && drills !== undefined && plans.length === 0 && drills.length === 0 && !removed?.length

  return (
    <section aria-labelledby="trash-heading">
      <h1 id="trash-heading">Trash</h1>
      {empty && (
        <div className="empty">
          <p>The trash is empty. Plans, drills and incidents you delete wait here until you restore them or remove them for good.</p>
        </div>
      )}
      {plans !== undefined && plans.length > 0 && (
        <section aria-labelledby="trash-plans-heading">
          <h2 id="trash-plans-heading">Plans</h2>
          <ul className="plan-list">
            {plans.map((p) => (
              <li key={p.id} className="plan-row trash-row" data-testid="trash-row">
                <span className="badge badge-kind">{KIND_LABELS[p.kind]}</span>
                <span className="plan-title">{p.title}</span>
                <span className="muted">Deleted {p.deletedAt && formatDate(dateOf(p.deletedAt))}</span>
                <span className="button-row">
                  <button type="button" onClick={() => void restore(p)}>
                    Restore <span className="visually-hidden">{p.title}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => setPurging(p)}>
                    Remove for good <span className="visually-hidden">{p.title}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {drills !== undefined && drills.length > 0 && (
        <section aria-labelledby="trash-drills-heading">
          <h2 id="trash-drills-heading">Drills and incidents</h2>
          <ul className="plan-list">
            {drills.map((d) => (
              <li key={d.id} className="plan-row trash-row" data-testid="trash-drill-row">
                <span className="badge badge-kind">{d.mode === 'incident' ? 'Incident' : 'Drill'}</span>
                <span className="plan-title">{d.title}</span>
                <span className="muted">
                  {d.mode === 'incident' ? 'Declared' : 'Run'} {formatDate(dateOf(d.startedAt))}, deleted {d.deletedAt && formatDate(dateOf(d.deletedAt))}
                </span>
                <span className="button-row">
                  <button type="button" onClick={() => void restoreOne(d)}>
                    Restore <span className="visually-hidden">{d.title}</span>
                  </button>
                  <button type="button" className="danger" onClick={() => setPurgingDrill(d)}>
                    Remove for good <span className="visually-hidden">{d.title}</span>
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <RemovedRows removed={removed} />
      <ConfirmDialog
        open={purging !== null}
        title="Remove this plan for good?"
        confirmLabel="Remove for good"
        danger
        onConfirm={() => void purge()}
        onCancel={() => setPurging(null)}
      >
        <p>"{purging?.title}" and all its sections and items will be removed from this device. This cannot be undone. Export it first if you may need it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={purgingDrill !== null}
        title={purgingDrill?.mode === 'incident' ? 'Remove this incident for good?' : 'Remove this drill for good?'}
        confirmLabel="Remove for good"
        danger
        onConfirm={() => void purgeOne()}
        onCancel={() => setPurgingDrill(null)}
      >
        <p>
          "{purgingDrill?.title}" and its log will be removed from this device. This cannot be undone. Export everything with the trash first if you may need
          it.
        </p>
      </ConfirmDialog>
    </section>
  )
}
