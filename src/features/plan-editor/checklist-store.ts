// UI state of the plan page that is not worth persisting: filters, collapsed sections, open items.
import { create } from 'zustand'
import { NO_FILTER, type ItemFilter } from '../../domain/item-filter'

interface ChecklistUiState {
  filter: ItemFilter
  collapsed: ReadonlySet<string>
  expanded: ReadonlySet<string>
  setFilter: (patch: Partial<ItemFilter>) => void
  resetFilter: () => void
  toggleCollapsed: (sectionId: string) => void
  toggleExpanded: (itemId: string) => void
  /** Shows the items a filter picks with every section unfolded, as a link asking for them does. */
  showOnly: (filter: ItemFilter) => void
  /** Opens an item's details and its section, as when a link brings it into view. */
  reveal: (item: { id: string; sectionId: string }) => void
}

const toggled = (set: ReadonlySet<string>, id: string): Set<string> => {
  const next = new Set(set)
  if (!next.delete(id)) next.add(id)
  return next
}

export const useChecklistUi = create<ChecklistUiState>()((set) => ({
  filter: NO_FILTER,
  collapsed: new Set(),
  expanded: new Set(),
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  resetFilter: () => set({ filter: NO_FILTER }),
  toggleCollapsed: (id) => set((s) => ({ collapsed: toggled(s.collapsed, id) })),
  toggleExpanded: (id) => set((s) => ({ expanded: toggled(s.expanded, id) })),
  showOnly: (filter) => set({ filter, collapsed: new Set() }),
  reveal: ({ id, sectionId }) =>
    set((s) => {
      const collapsed = new Set(s.collapsed)
      collapsed.delete(sectionId)
      return { collapsed, expanded: new Set(s.expanded).add(id) }
    }),
}))
