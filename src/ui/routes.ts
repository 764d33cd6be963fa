// The app's addresses, in one table: the patterns the shell routes on and the only way to build a
// link. Ids are encoded wherever they become part of an address, so an id from an imported file
// can never climb out of its place ("/drills/../settings").

const at = encodeURIComponent

/** Route patterns, for the shell's <Route path>. */
export const patterns = {
  home: '/',
  plan: '/plans/:id',
  drills: '/drills',
  scenario: '/drills/scenarios/:id',
  finding: '/drills/findings/:id',
  drillPlayers: '/drills/:id/players',
  drillReport: '/drills/:id/report',
  drill: '/drills/:id',
  incidentReport: '/incidents/:id/report',
  incidentBoard: '/incidents/:id/board',
  incident: '/incidents/:id',
  dependencies: '/dependencies',
  suppliers: '/suppliers',
  settings: '/settings',
  trash: '/trash',
  grabPack: '/grab-pack',
  quickCard: '/grab-pack/cards/:id',
} as const

/** Links to every screen. */
export const href = {
  home: () => patterns.home,
  plan: (planId: string) => `/plans/${at(planId)}`,
  /** One item in its plan, opened and brought into view. */
  item: (planId: string, itemId: string) => `/plans/${at(planId)}?item=${at(itemId)}`,
  /** A plan showing only its overdue items. */
  overdueItems: (planId: string) => `/plans/${at(planId)}?show=overdue`,
  drills: () => patterns.drills,
  scenario: (scenarioId: string) => `/drills/scenarios/${at(scenarioId)}`,
  /** The drill a finding came from, at that finding in its report. */
  finding: (eventId: string) => `/drills/findings/${at(eventId)}`,
  drill: (drillId: string) => `/drills/${at(drillId)}`,
  drillPlayers: (drillId: string) => `/drills/${at(drillId)}/players`,
  drillReport: (drillId: string, findingId?: string) => `/drills/${at(drillId)}/report${findingId ? `#finding-${at(findingId)}` : ''}`,
  incident: (incidentId: string) => `/incidents/${at(incidentId)}`,
  incidentReport: (incidentId: string, findingId?: string) => `/incidents/${at(incidentId)}/report${findingId ? `#finding-${at(findingId)}` : ''}`,
  /** The read-only status board, for a wall screen or a colleague. */
  incidentBoard: (incidentId: string) => `/incidents/${at(incidentId)}/board`,
  dependencies: () => patterns.dependencies,
  suppliers: () => patterns.suppliers,
  settings: () => patterns.settings,
  /** Settings, at the card where sharing with the team is set up. */
  sharingSettings: () => `${patterns.settings}#sharing`,
  trash: () => patterns.trash,
  grabPack: () => patterns.grabPack,
  /** The one-page "if this happens" card of a built-in scenario. */
  quickCard: (scenarioId: string) => `/grab-pack/cards/${at(scenarioId)}`,
} as const

/**
 * An id as a route gave it: the router decodes only what decodeURI does, so an id with ":" or "/"
 * arrives still encoded. A malformed escape is taken as it stands.
 */
export function routeId(param: string): string {
  try {
    return decodeURIComponent(param)
  } catch {
    return param
  }
}

/** What a plan page's address asks for beyond the plan: an item to bring into view, overdue items only. */
export function planPageRequest(search: string): { item: string | null; overdueOnly: boolean } {
  const params = new URLSearchParams(search)
  return { item: params.get('item') || null, overdueOnly: params.get('show') === 'overdue' }
}

/** Whether `pathname` is the screen at `pattern` or below it (for preloading a page's code). */
export function isUnder(pathname: string, pattern: string): boolean {
  return pathname === pattern || pathname.startsWith(`${pattern}/`)
}
