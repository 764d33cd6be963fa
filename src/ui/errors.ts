// Turns a failed write into words a person can act on, and shows them.
import { ValidationError } from '../domain/validation-error'
import { showToast } from './toast-store'

function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error)) return false
  const inner = (e as Error & { inner?: unknown }).inner
  return e.name === 'QuotaExceededError' || (inner instanceof Error && inner.name === 'QuotaExceededError')
}

export function describeError(e: unknown): string {
  if (e instanceof ValidationError) return e.problems.join('\n')
  if (isQuotaError(e))
    return 'This device is out of storage space, so the change was not saved. Free some space (or export and remove old plans) and try again.'
  if (e instanceof Error) return `The change was not saved: ${e.message}`
  return 'The change was not saved.'
}

/** Runs a write; on failure shows why and resolves to undefined, so callers stay simple. */
export async function attempt<T>(write: () => Promise<T>): Promise<T | undefined> {
  try {
    return await write()
  } catch (e) {
    showToast({ text: describeError(e), tone: 'error' })
    return undefined
  }
}
