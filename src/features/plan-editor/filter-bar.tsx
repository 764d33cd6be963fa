// Filters for the plan page: status, owner, overdue and a text search.
import { UNASSIGNED, isFiltering } from '../../domain/item-filter'
import { ITEM_STATUSES, STATUS_LABELS, type ItemStatus } from '../../domain/vocabulary'
import { useChecklistUi } from './checklist-store'

export function FilterBar({ owners, shown, total }: { owners: string[]; shown: number; total: number }) {
  const filter = useChecklistUi((s) => s.filter)
  const setFilter = useChecklistUi((s) => s.setFilter)
  const reset = useChecklistUi((s) => s.resetFilter)
  return (
    <div role="search" className="filter-bar no-print" aria-label="Filter items">
      <label className="field">
        <span className="field-label">Filter by status</span>
        <select value={filter.status} onChange={(e) => setFilter({ status: e.target.value as ItemStatus | 'all' })}>
          <option value="all">All</option>
          {ITEM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Filter by owner</span>
        <select value={filter.owner} onChange={(e) => setFilter({ owner: e.target.value })}>
          <option value="">Anyone</option>
          <option value={UNASSIGNED}>No owner</option>
          {owners.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input type="checkbox" checked={filter.overdueOnly} onChange={(e) => setFilter({ overdueOnly: e.target.checked })} /> Overdue only
      </label>
      <label className="field grow">
        <span className="field-label">Search items</span>
        <input type="search" value={filter.query} onChange={(e) => setFilter({ query: e.target.value })} placeholder="Text, notes or owner" />
      </label>
      {isFiltering(filter) && (
        <span className="filter-count" role="status">
          {shown} of {total} items shown{' '}
          <button type="button" className="ghost" onClick={reset}>
            Clear filters
          </button>
        </span>
      )}
    </div>
  )
}
