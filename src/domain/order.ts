// Ordering by fractional keys, so that moving a row rewrites only that row.

export const ORDER_STEP = 1024

/** The key after the last one, for appending. */
export function orderAfter(last: number | undefined): number {
  return last === undefined ? ORDER_STEP : last + ORDER_STEP
}

/**
 * The key halfway between two neighbours (either may be missing at an end).
 * Returns null when the gap is too small to split; the caller then renumbers the list.
 */
export function orderBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return ORDER_STEP
  if (before === undefined) return (after as number) - ORDER_STEP
  if (after === undefined) return before + ORDER_STEP
  const mid = (before + after) / 2
  return mid > before && mid < after ? mid : null
}

/**
 * The new key for moving the row at `index` of the ordered `keys` by `delta` places (-1 up, +1 down).
 * Returns undefined when the row is already at that end.
 */
export function orderForMove(keys: readonly number[], index: number, delta: -1 | 1): number | null | undefined {
  const target = index + delta
  if (target < 0 || target >= keys.length) return undefined
  // Moving up lands between target-1 and target; moving down between target and target+1.
  return delta < 0 ? orderBetween(keys[target - 1], keys[target]) : orderBetween(keys[target], keys[target + 1])
}

/** Evenly spaced keys for a renumbering, used only when fractional keys run out of room. */
export function renumbered(count: number): number[] {
  return Array.from({ length: count }, (_, i) => (i + 1) * ORDER_STEP)
}
