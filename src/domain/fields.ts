// Typed section fields: checking a value against its field, and turning editor input into a value.
import { isCalendarDate } from './dates'
import { formatMinutes, parseDuration } from './duration'
import { LIMITS } from './limits'
import type { FieldDef, FieldValue } from './model'
import { numberMeaningError } from './number-meanings'
import { quote } from './quote'
import type { SectionRole } from './vocabulary'

/** Returns a message a person can act on, or null when `value` suits `field`. */
export function fieldValueError(field: FieldDef, value: FieldValue): string | null {
  if (value === null || value === '') return null
  if (Array.isArray(value) !== (field.type === 'links'))
    return `${field.label}: ${field.type === 'links' ? 'must be a list of linked items' : 'must not be a list'}`
  switch (field.type) {
    case 'links':
      if (!field.linksTo) return `${field.label}: says nothing about what it links to`
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v === '')) return `${field.label}: must be a list of linked items`
      return new Set(value).size === value.length ? null : `${field.label}: links the same item twice`
    case 'text':
    case 'contact':
      if (typeof value !== 'string') return `${field.label}: must be text`
      return value.length > LIMITS.shortText ? `${field.label}: must be at most ${LIMITS.shortText} characters` : null
    case 'select':
      if (typeof value !== 'string') return `${field.label}: must be one of the choices`
      return field.options?.includes(value) ? null : `${field.label}: ${quote(value)} is not one of ${(field.options ?? []).join(', ')}`
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? null : `${field.label}: ${quote(value)} is not a date (YYYY-MM-DD)`
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `${field.label}: must be a number`
      return Math.abs(value) > LIMITS.numberMax ? `${field.label}: number is too large` : null
    case 'duration':
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return `${field.label}: must be a duration such as 4h or 2d`
      return value > LIMITS.durationMaxMinutes ? `${field.label}: must be at most ten years` : null
    case 'url':
      if (typeof value !== 'string' || value.length > LIMITS.shortText) return `${field.label}: must be a web address of at most ${LIMITS.shortText} characters`
      return webAddress(value) === null ? `${field.label}: ${quote(value)} is not a web address (https://…)` : null
    case 'phone':
      if (typeof value !== 'string' || value.length > LIMITS.shortText)
        return `${field.label}: must be a phone number of at most ${LIMITS.shortText} characters`
      return dialable(value) === null ? `${field.label}: ${quote(value)} has no phone number in it` : null
  }
}

/** The http(s) address `value` holds, or null: what a status-page link opens. */
export function webAddress(value: string): string | null {
  if (!/^https?:\/\//i.test(value)) return null
  try {
    const url = new URL(value)
    return url.hostname.includes('.') || url.hostname === 'localhost' ? url.href : null
  } catch {
    return null
  }
}

/**
 * A phone number as people write it: groups of digits with single spaces, dots or hyphens between
 * them, an area code in brackets, a leading +. Words and other brackets end it, so in
 * "0800 123 4567 (24/7)" the number is "0800 123 4567".
 */
export const PHONE_NUMBER = /\+?(?:\(\d+\)|\d+)(?:[\s.-]?(?:\(\d+\)|\d+))*/g

/** The digits a `tel:` link dials for one number as written: + and digits, "(0)" after a country code dropped. */
export function dialDigits(number: string): string | null {
  const international = number.trimStart().startsWith('+')
  const digits = (international ? number.replace(/\(0\)/g, '') : number).replace(/[^\d+]/g, '')
  return digits.replace(/^\+/, '').length >= 3 ? digits : null
}

/** The number a `tel:` link dials, from what a person wrote: the first phone number in it, or null. */
export function dialable(value: string): string | null {
  for (const match of value.matchAll(PHONE_NUMBER)) {
    const digits = dialDigits(match[0])
    if (digits) return digits
  }
  return null
}

type ParsedInput = { ok: true; value: FieldValue } | { ok: false; error: string }

/**
 * Turns what a person typed into an editor input into a stored value, or says why it cannot be.
 * With the section's role, a number the kit reads must also mean what it reads (number-meanings.ts).
 */
export function parseFieldInput(field: FieldDef, input: string, role?: SectionRole): ParsedInput {
  const raw = input.trim()
  if (raw === '') return { ok: true, value: null }
  // Links are picked from a list, never typed.
  if (field.type === 'links') return { ok: false, error: `${field.label}: pick the linked items from the list` }
  let value: FieldValue = raw
  if (field.type === 'number') {
    const n = Number(raw)
    if (!Number.isFinite(n)) return { ok: false, error: `${field.label}: ${quote(raw)} is not a number` }
    value = n
  } else if (field.type === 'url' && !/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    // "status.example.com" is what people copy from a browser bar.
    value = `https://${raw}`
  } else if (field.type === 'duration') {
    const minutes = parseDuration(raw)
    if (minutes === null) return { ok: false, error: `${field.label}: ${quote(raw)} is not a duration; write e.g. 30m, 4h, 2d or 1d 12h` }
    value = minutes
  }
  const error = fieldValueError(field, value) ?? numberMeaningError(role, field, value)
  return error ? { ok: false, error } : { ok: true, value }
}

/**
 * A value as a person reads it: durations in units, links by the names of the items they point
 * at (`names`: item id -> text), everything else as stored.
 */
export function formatFieldValue(field: FieldDef, value: FieldValue | undefined, names?: ReadonlyMap<string, string>): string {
  if (value === null || value === undefined) return ''
  if (field.type === 'duration' && typeof value === 'number') return formatMinutes(value)
  if (Array.isArray(value)) return value.map((id) => names?.get(id) ?? 'a removed item').join(', ')
  return String(value)
}
