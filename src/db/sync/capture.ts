// Notes every row written to a shared table, whichever code path wrote it (edits, undo, import,
// purge), so that sharing can send it. It is a Dexie middleware: registered with the database and
// kept tiny, since it is part of the first page; the sharing engine, loaded only when sharing is
// on, subscribes. What happens while nobody listens is found by the engine's full comparison at start.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie'
import { docKey, isSyncedTable } from '../../domain/sync/doc-keys'

type Listener = (keys: readonly string[], wholeTables: readonly string[]) => void

let listener: Listener | null = null

/** Hands every later write to `next` (one listener: the engine); returns the way to stop. */
export function onRowsWritten(next: Listener): () => void {
  listener = next
  return () => {
    if (listener === next) listener = null
  }
}

function keysOf(req: DBCoreMutateRequest, results: readonly unknown[] | undefined): unknown[] {
  if (req.type === 'delete') return [...req.keys]
  if (req.type === 'deleteRange') return []
  return [...(results ?? req.keys ?? [])]
}

export const captureMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'sharing-capture',
  create(down) {
    return {
      ...down,
      table(name) {
        const table = down.table(name)
        if (!isSyncedTable(name)) return table
        return {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req)
            if (listener) {
              const keys = keysOf(req, res.results).filter((k): k is string => typeof k === 'string')
              listener(
                keys.map((id) => docKey(name, id)),
                req.type === 'deleteRange' ? [name] : [],
              )
            }
            return res
          },
        }
      },
    }
  },
}
