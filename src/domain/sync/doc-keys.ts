// Which rows travel to the team's server, and the document id each one has there: the table and
// the row's own id, so the server learns nothing but ids.
export const SYNCED_TABLES = ['plans', 'sections', 'items', 'drills', 'drillEvents', 'scenarios', 'templates'] as const
export type SyncedTable = (typeof SYNCED_TABLES)[number]

const TABLES: ReadonlySet<string> = new Set(SYNCED_TABLES)

export const isSyncedTable = (name: string): name is SyncedTable => TABLES.has(name)

export const docKey = (table: SyncedTable, id: string): string => `${table}:${id}`

/** The table and row id of a document id, or null for a document that is not a row (the team document). */
export function parseDocKey(key: string): { table: SyncedTable; id: string } | null {
  const at = key.indexOf(':')
  if (at < 1) return null
  const table = key.slice(0, at)
  const id = key.slice(at + 1)
  return isSyncedTable(table) && id !== '' ? { table, id } : null
}
