// Addresses inside the app that more than one screen links to: a plan, one item in its plan (opened
// and brought into view), and a plan showing only its overdue items.

export const planHref = (planId: string): string => `/plans/${planId}`

export const itemHref = (planId: string, itemId: string): string => `/plans/${planId}?item=${encodeURIComponent(itemId)}`

export const overdueItemsHref = (planId: string): string => `/plans/${planId}?show=overdue`

/** What a plan page's address asks for beyond the plan: an item to bring into view, overdue items only. */
export function planPageRequest(search: string): { item: string | null; overdueOnly: boolean } {
  const params = new URLSearchParams(search)
  return { item: params.get('item') || null, overdueOnly: params.get('show') === 'overdue' }
}
