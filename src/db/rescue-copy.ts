// A copy of everything the database holds, read with the browser's own IndexedDB API at whatever
// version it is: the way out when the app cannot show it (the database was written by a newer
// version, or a screen failed). It is a raw copy, table by table, not an export document.
import { DB_NAME } from './database'

interface RescueCopy {
  format: 'continuity-kit-rescue'
  database: string
  version: number
  copiedAt: string
  tables: Record<string, unknown[]>
  /** Tables that could not be read, with the reason. */
  unreadable: Record<string, string>
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'))
  })
}

export async function readRescueCopy(name = DB_NAME): Promise<RescueCopy> {
  const empty: RescueCopy = { format: 'continuity-kit-rescue', database: name, version: 0, copiedAt: new Date().toISOString(), tables: {}, unreadable: {} }
  // Opening a database that is not there would create it: look first.
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return empty
  // No version asked for: the database opens as it is, never upgraded or downgraded.
  const openRequest = indexedDB.open(name)
  const idb = await request(openRequest)
  try {
    const copy: RescueCopy = { ...empty, version: idb.version }
    for (const table of Array.from(idb.objectStoreNames)) {
      try {
        copy.tables[table] = await request(idb.transaction(table, 'readonly').objectStore(table).getAll())
      } catch (error) {
        copy.unreadable[table] = error instanceof Error ? error.message : String(error)
      }
    }
    return copy
  } finally {
    idb.close()
  }
}
