// Filtering a plan's items by status, owner and overdue, as the plan page's filter bar offers.
import type { Item } from './model'
import type { ItemStatus } from './vocabulary'
import { isItemOverdue } from './review'

export interface ItemFilter {
  status: ItemStatus | 'all'
  /** Exact owner name, '' for any owner, or UNASSIGNED for items without one. */
  owner: string
  overdueOnly: boolean
  /** Case-insensitive text search over text, notes and owner. */
  query: string
}

export const UNASSIGNED = '\u0000unassigned'
export const NO_FILTER: ItemFilter = { status: 'all', owner: '', overdueOnly: false, query: '' }

export function isFiltering(f: ItemFilter): boolean {
  return f.status !== 'all' || f.owner !== '' || f.overdueOnly || f.query.trim() !== ''
}

export function matchesFilter(item: Item, f: ItemFilter, now: Date): boolean {
  if (f.status !== 'all' && item.status !== f.status) return false
  if (f.owner === UNASSIGNED ? item.owner !== '' : f.owner !== '' && item.owner !== f.owner) return false
  if (f.overdueOnly && !isItemOverdue(item, now)) return false
  const q = f.query.trim().toLowerCase()
  if (q && !`${item.text}\n${item.notes}\n${item.owner}`.toLowerCase().includes(q)) return false
  return true
}
