import { describe, expect, it } from 'vitest'
import { orderBetween, orderForMove, renumbered } from '../../src/domain/order'

describe('fractional order', () => {
  it('finds a key between neighbours and at the ends', () => {
    expect(orderBetween(1024, 2048)).toBe(1536)
    expect(orderBetween(undefined, 1024)).toBe(0)
    expect(orderBetween(2048, undefined)).toBe(3072)
  })
  it('moves a row up or down by giving it one new key', () => {
    const keys = [1024, 2048, 3072]
    const up = orderForMove(keys, 2, -1) as number
    expect(up).toBeGreaterThan(1024)
    expect(up).toBeLessThan(2048)
    const down = orderForMove(keys, 0, 1) as number
    expect(down).toBeGreaterThan(2048)
    expect(down).toBeLessThan(3072)
    expect(orderForMove(keys, 0, -1)).toBeUndefined()
    expect(orderForMove(keys, 2, 1)).toBeUndefined()
  })
  it('reports when the gap is too small to split', () => {
    const a = 1
    const b = a + Number.EPSILON
    expect(orderBetween(a, b)).toBeNull()
    expect(renumbered(3)).toEqual([1024, 2048, 3072])
  })
})
