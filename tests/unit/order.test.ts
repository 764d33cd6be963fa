import { describe, expect, it } from 'vitest'
import { byOrder, compareOrder, isOrderKey, orderAfter, orderForMove, orderKeys } from '../../src/domain/order'

describe('fractional order', () => {
  it('appends after the last key and makes keys for a whole list in order', () => {
    const first = orderAfter(undefined)
    expect(orderAfter(first) > first).toBe(true)
    const keys = orderKeys(200)
    expect([...keys].sort(compareOrder)).toEqual(keys)
    expect(new Set(keys).size).toBe(200)
  })

  it('moves a row up or down by giving it one new key between its new neighbours', () => {
    const keys = orderKeys(3)
    const up = orderForMove(keys, 2, -1) ?? ''
    expect(up > (keys[0] ?? '') && up < (keys[1] ?? '')).toBe(true)
    const down = orderForMove(keys, 0, 1) ?? ''
    expect(down > (keys[1] ?? '') && down < (keys[2] ?? '')).toBe(true)
    expect(orderForMove(keys, 0, -1)).toBeUndefined()
    expect(orderForMove(keys, 2, 1)).toBeUndefined()
  })

  it('always finds room: a thousand moves into the same gap never need a renumbering', () => {
    const [a, first] = orderKeys(2) as [string, string]
    const c = orderAfter(first)
    let b = first
    for (let n = 0; n < 1000; n++) {
      const mid = orderForMove([a, b, c], 2, -1) as string
      expect(mid > a && mid < b).toBe(true)
      b = mid
    }
    expect(isOrderKey(b)).toBe(true)
  })

  it('lands beside equal keys (two devices chose the same one) instead of failing', () => {
    const keys = ['a1', 'a1', 'a1']
    const up = orderForMove(keys, 2, -1) as string
    expect(up < 'a1').toBe(true)
  })

  it('sorts by code unit, then id, as IndexedDB does', () => {
    const rows = [
      { id: 'b', order: 'a1' },
      { id: 'a', order: 'a1' },
      { id: 'c', order: 'Zz' },
    ]
    expect([...rows].sort(byOrder).map((r) => r.id)).toEqual(['c', 'a', 'b'])
    expect(isOrderKey('a0')).toBe(true)
    expect(isOrderKey('')).toBe(false)
    expect(isOrderKey('a10')).toBe(false)
    expect(isOrderKey('not a key!')).toBe(false)
  })
})
