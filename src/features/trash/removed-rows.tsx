// The trash's list of items and sections deleted while the plans are shared, on this device or
// another, each with a way to put it back (for everyone, since the restore is shared like any edit).
import { useLiveQuery } from 'dexie-react-hooks'
import { useSyncExternalStore } from 'react'
import { forgetRemoved, listRemoved, restoreRemoved, type RemovedEntry } from '../../db/sync/removed-rows'
import { isSharingSetUp, subscribeSharingSetUp } from '../../db/sync/sharing-flag'
import { dateOf, formatDate } from '../../domain/dates'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'

const nameOf = (e: RemovedEntry): string => {
  const text = e.key.startsWith('sections:') ? e.row.title : e.row.text
  return typeof text === 'string' && text.trim() ? text : '(untitled)'
}

/** What was deleted while shared (none while sharing is not set up on this device). */
export function useRemovedRows(): RemovedEntry[] | undefined {
  const sharing = useSyncExternalStore(subscribeSharingSetUp, isSharingSetUp, () => false)
  return useLiveQuery(() => (sharing ? listRemoved() : []), [sharing])
}

export function RemovedRows({ removed }: { removed: RemovedEntry[] | undefined }) {
  if (!removed?.length) return null
  const restore = async (e: RemovedEntry) => {
    const done = await attempt(async () => {
      await restoreRemoved(e.key)
      return true
    })
    if (done) showToast({ tone: 'info', text: `"${nameOf(e)}" is back in "${e.planTitle}".` })
  }
  return (
    <section aria-labelledby="trash-removed-heading">
      <h2 id="trash-removed-heading">Items and sections deleted while shared</h2>
      <p className="muted">A delete reaches every device of the team; what it removed is kept here on each of them, so anyone can put it back.</p>
      <ul className="plan-list">
        {removed.map((e) => (
          <li key={e.key} className="plan-row trash-row" data-testid="removed-row">
            <span className="badge badge-kind">{e.key.startsWith('sections:') ? 'Section' : 'Item'}</span>
            <span className="plan-title">{nameOf(e)}</span>
            <span className="muted">
              in "{e.planTitle}", deleted {e.where === 'here' ? 'on this device' : 'on another device'} {formatDate(dateOf(e.removedAt))}
            </span>
            <span className="button-row">
              <button type="button" onClick={() => void restore(e)}>
                Put back <span className="visually-hidden">{nameOf(e)}</span>
              </button>
              <button type="button" onClick={() => void attempt(() => forgetRemoved(e.key))}>
                Forget <span className="visually-hidden">{nameOf(e)}</span>
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
