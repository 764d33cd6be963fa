// Ordering by string fractional keys (the well-kept `fractional-indexing`): there is always a key
// between two others, so moving or inserting a row writes that row only, never its neighbours.
import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

/** Keys sort by code unit, as IndexedDB compares them: never with localeCompare or subtraction. */
export const compareOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Rows by their key, then id, so equal keys (from a merge) still give one order everywhere. */
export const byOrder = (a: { order: string; id: string }, b: { order: string; id: string }): number =>
  compareOrder(a.order, b.order) || compareOrder(a.id, b.id)

/** Whether `key` is a key the library could have made (and can put another key beside). */
export function isOrderKey(key: string): boolean {
  if (key.length === 0 || key.length > 200) return false
  try {
    generateKeyBetween(key, null)
    return true
  } catch {
    return false
  }
}

/** The key after the last one, for appending. */
export function orderAfter(last: string | undefined): string {
  return generateKeyBetween(last ?? null, null)
}

/** `count` keys in order, for a list made at once (a plan from a template, a migration). */
export function orderKeys(count: number): string[] {
  return count === 0 ? [] : generateNKeysBetween(null, null, count)
}

/**
 * The new key for moving the row at `index` of the ordered `keys` by `delta` places (-1 up, +1 down).
 * Returns undefined when the row is already at that end.
 */
export function orderForMove(keys: readonly string[], index: number, delta: -1 | 1): string | undefined {
  const target = index + delta
  if (target < 0 || target >= keys.length) return undefined
  // Moving up lands between target-1 and target; moving down between target and target+1.
  const [before, after] = delta < 0 ? [keys[target - 1], keys[target]] : [keys[target], keys[target + 1]]
  // Equal neighbours (two devices chose the same key) have no key between them: land beside one.
  if (before !== undefined && after !== undefined && before >= after) return delta < 0 ? generateKeyBetween(null, after) : generateKeyBetween(before, null)
  return generateKeyBetween(before ?? null, after ?? null)
}
