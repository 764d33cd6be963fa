import { describe, expect, it } from 'vitest'
import { dialable, fieldValueError, formatFieldValue, parseFieldInput } from '../../src/domain/fields'
import type { FieldDef } from '../../src/domain/model'

const rto: FieldDef = { id: 'rto', label: 'RTO', type: 'duration' }
const crit: FieldDef = { id: 'criticality', label: 'Criticality', type: 'select', options: ['Low', 'High'] }
const end: FieldDef = { id: 'contractEnd', label: 'Contract end', type: 'date' }
const cost: FieldDef = { id: 'cost', label: 'Annual cost', type: 'number' }

describe('typed field values', () => {
  it('turns typed input into stored values', () => {
    expect(parseFieldInput(rto, '4h')).toEqual({ ok: true, value: 240 })
    expect(parseFieldInput(cost, '1200.50')).toEqual({ ok: true, value: 1200.5 })
    expect(parseFieldInput(end, '2027-03-31')).toEqual({ ok: true, value: '2027-03-31' })
    expect(parseFieldInput(crit, '')).toEqual({ ok: true, value: null })
  })
  it('says what is wrong with bad input', () => {
    expect(parseFieldInput(rto, 'a while')).toEqual({ ok: false, error: expect.stringContaining('RTO: "a while" is not a duration') })
    expect(parseFieldInput(end, '2026-02-31')).toEqual({ ok: false, error: 'Contract end: "2026-02-31" is not a date (YYYY-MM-DD)' })
    expect(parseFieldInput(cost, '12k')).toEqual({ ok: false, error: 'Annual cost: "12k" is not a number' })
    expect(parseFieldInput(crit, 'Medium')).toEqual({ ok: false, error: 'Criticality: "Medium" is not one of Low, High' })
  })
  it('checks stored values against their field', () => {
    expect(fieldValueError(rto, -5)).toMatch(/duration/)
    expect(fieldValueError(rto, 60)).toBeNull()
    expect(fieldValueError(cost, 'ten')).toMatch(/number/)
    expect(fieldValueError({ id: 'n', label: 'Name', type: 'text' }, 'x'.repeat(501))).toMatch(/at most 500/)
  })
  it('shows durations in units', () => {
    expect(formatFieldValue(rto, 240)).toBe('4h')
    expect(formatFieldValue(crit, null)).toBe('')
  })
})

describe('phone numbers as people write them', () => {
  it('dials the number, not the words or the hours after it', () => {
    expect(dialable('0800 123 4567 (24/7)')).toBe('08001234567')
    expect(dialable('+44 20 7946 0958 opt 2')).toBe('+442079460958')
    expect(dialable('+44 (0)20 7946 0958')).toBe('+442079460958')
    expect(dialable('(020) 7946-0958')).toBe('02079460958')
    expect(dialable('07700 900123 (mobile)')).toBe('07700900123')
    expect(dialable('Call reception')).toBeNull()
    expect(dialable('ext 12')).toBeNull()
  })
})
