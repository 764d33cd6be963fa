import { describe, expect, it } from 'vitest'
import { addDays, formatDate, isCalendarDate, isTimestamp } from '../../src/domain/dates'

describe('calendar dates', () => {
  it('accepts real dates and rejects impossible ones', () => {
    expect(isCalendarDate('2026-11-28')).toBe(true)
    expect(isCalendarDate('2024-02-29')).toBe(true)
    expect(isCalendarDate('2026-02-29')).toBe(false)
    expect(isCalendarDate('2026-02-31')).toBe(false)
    expect(isCalendarDate('31/02/2026')).toBe(false)
    expect(isCalendarDate('2026-1-5')).toBe(false)
  })
  it('keeps years before 100 as they are (a date being typed passes through them)', () => {
    expect(isCalendarDate('0020-01-31')).toBe(true)
    expect(isCalendarDate('0002-02-29')).toBe(false)
    expect(addDays('0020-12-31', 1)).toBe('0021-01-01')
  })
  it('never writes a date past 9999-12-31', () => {
    expect(addDays('9999-12-31', 1)).toBe('9999-12-31')
  })
  it('adds days across month and year ends', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02')
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
  })
  it('checks timestamps', () => {
    expect(isTimestamp(new Date(0).toISOString())).toBe(true)
    expect(isTimestamp('2026-02-30T10:00:00.000Z')).toBe(false)
    expect(isTimestamp('yesterday')).toBe(false)
  })
})

describe('formatDate', () => {
  it('shows the calendar day written, whatever the time zone', () => {
    expect(formatDate('2026-03-01', 'en-GB')).toBe('1 Mar 2026')
    expect(formatDate('2026-12-31', 'en-US')).toBe('Dec 31, 2026')
  })

  it('keeps years below 100 as written', () => {
    expect(formatDate('0050-06-15', 'en-GB')).toBe('15 Jun 50')
  })

  it('follows the locale asked for', () => {
    expect(formatDate('2026-03-01', 'de-DE')).toBe('1. März 2026')
  })
})
