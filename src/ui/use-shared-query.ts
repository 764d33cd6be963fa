// Reads a shared live query in a component; a failed read is thrown to the error boundary.
import { useSyncExternalStore } from 'react'
import type { SharedQuery } from '../db/shared-query'

export function useSharedQuery<T>(query: SharedQuery<T>): T | undefined {
  const value = useSyncExternalStore(query.subscribe, query.current)
  const failure = query.failure()
  if (failure !== undefined) throw failure instanceof Error ? failure : new Error(String(failure))
  return value
}
