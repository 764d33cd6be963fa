// Numbers with a meaning. A number field is any number; but a field the kit reads (found by its
// section's role and its own id, never its label) means something, and only some numbers mean it:
// a review interval is a whole number of days, one or more. Typing another is refused with words,
// and a stored one (an older backup, an earlier version) is reported where it is used, never
// quietly replaced.
import { LIMITS } from './limits'
import type { FieldValue } from './model'
import type { SectionRole } from './vocabulary'

interface NumberMeaning {
  /** The unit, singular and plural: "day", "days". */
  unit: readonly [string, string]
  whole: boolean
  min: number
  max: number
  /** What leaving the field empty does, said with the refusal so that a way out is always offered. */
  whenEmpty: string
}

const MEANINGS: { readonly [R in SectionRole]?: Readonly<Record<string, NumberMeaning>> } = {
  'supplier-register': {
    reviewEveryDays: {
      unit: ['day', 'days'],
      whole: true,
      min: 1,
      max: LIMITS.reviewEveryDaysMax,
      whenEmpty: "or leave it empty to follow the plan's review interval",
    },
  },
}

const amount = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`

/**
 * Why `value` cannot be what the field `fieldId` of a section of `role` means, in words a person
 * can act on (starting with `label`), or null when it can (or the field has no such meaning).
 */
export function numberMeaningError(role: SectionRole | undefined, field: { id: string; label: string }, value: FieldValue | undefined): string | null {
  const meaning = role === undefined ? undefined : MEANINGS[role]?.[field.id]
  if (meaning === undefined || typeof value !== 'number') return null
  const [, many] = meaning.unit
  const range = `from ${meaning.min} to ${meaning.max}, ${meaning.whenEmpty}`
  if (meaning.whole && !Number.isInteger(value)) return `${field.label}: ${value} is not a whole number of ${many}; write one ${range}`
  if (value < meaning.min) return `${field.label}: must be at least ${amount(meaning.min, meaning.unit)}, not ${value}; write a number ${range}`
  if (value > meaning.max) return `${field.label}: must be at most ${amount(meaning.max, meaning.unit)}; write a number ${range}`
  return null
}
