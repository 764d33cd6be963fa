import { describe, expect, it } from 'vitest'
import { formatMinutes, parseDuration } from '../../src/domain/duration'

describe('durations', () => {
  it('parses units and bare hours into minutes', () => {
    expect(parseDuration('30m')).toBe(30)
    expect(parseDuration('4h')).toBe(240)
    expect(parseDuration('1d 12h')).toBe(36 * 60)
    expect(parseDuration('2w')).toBe(14 * 24 * 60)
    expect(parseDuration('1.5')).toBe(90)
    expect(parseDuration(' 2D ')).toBe(2 * 24 * 60)
  })
  it('rejects text that is not a duration', () => {
    expect(parseDuration('soon')).toBeNull()
    expect(parseDuration('4 hours')).toBeNull()
    expect(parseDuration('-3h')).toBeNull()
    expect(parseDuration('')).toBeNull()
  })
  it('writes minutes back in whole units', () => {
    expect(formatMinutes(1500)).toBe('1d 1h')
    expect(formatMinutes(90)).toBe('1h 30m')
    expect(formatMinutes(0)).toBe('0m')
    expect(parseDuration(formatMinutes(36 * 60 + 5))).toBe(36 * 60 + 5)
  })
})
