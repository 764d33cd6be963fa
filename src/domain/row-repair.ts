// Rows written by older versions that today's rules refuse, brought up to them without losing a
// word. Older versions let a choice field have no choices, left a removed field's values on its
// items, and let a field re-added under the same name (so the same id) inherit values of another
// type. The database upgrade and the import of older files both pass rows through here.
import { fieldValueError } from './fields'
import { LIMITS } from './limits'
import type { FieldDef, FieldValue } from './model'

/** The parts of an item (or a template item) a repair reads and may rewrite. */
export interface ValuesHolder {
  values?: Record<string, FieldValue>
}

const shown = (value: FieldValue): string => (Array.isArray(value) ? value.join(', ') : String(value))

/**
 * A choice field with no choices offered nothing to pick: as a text field it keeps any value it
 * holds and shows the same label. A links field that does not say what it links to cannot offer
 * rows either; its values become words in the notes (see `repairValues`).
 */
function repairFields(fields: readonly FieldDef[]): FieldDef[] {
  return fields.map((f) => {
    if (f.type === 'select' && !(f.options ?? []).some((o) => o.trim() !== '')) {
      const { options: _none, ...rest } = f
      return { ...rest, type: 'text' }
    }
    if (f.type === 'links' && f.linksTo === undefined) return { ...f, type: 'text' }
    return f
  })
}

/** A value that does not suit its field, turned into one that does when that loses nothing. */
function coerced(field: FieldDef, value: FieldValue): FieldValue | undefined {
  if ((field.type === 'text' || field.type === 'contact') && typeof value === 'number') return String(value)
  if (field.type === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  if (field.type === 'duration' && typeof value === 'string' && /^\d+$/.test(value.trim())) return Number(value)
  if (field.type === 'duration' && typeof value === 'number' && value >= 0 && Number.isInteger(value)) return value
  return undefined
}

/**
 * The item's values that suit its section's fields, and the words of those that do not (a value
 * of a field that no longer exists, or one that cannot be its field's type), one "Label: value"
 * line each, for the notes. Choices not offered by a choice field are added to its choices when
 * they fit (`fields` is updated in place for that).
 */
function repairValues(fields: FieldDef[], values: Readonly<Record<string, FieldValue>>): { values: Record<string, FieldValue>; moved: string[] } {
  const kept: Record<string, FieldValue> = {}
  const moved: string[] = []
  for (const [key, value] of Object.entries(values)) {
    const at = fields.findIndex((f) => f.id === key)
    const field = fields[at]
    if (!field) {
      if (value !== null && value !== '' && !(Array.isArray(value) && value.length === 0)) moved.push(`${key}: ${shown(value)}`)
      continue
    }
    if (fieldValueError(field, value) === null) {
      kept[key] = value
      continue
    }
    const fixed = coerced(field, value)
    if (fixed !== undefined && fieldValueError(field, fixed) === null) {
      kept[key] = fixed
      continue
    }
    const options = field.options ?? []
    if (
      field.type === 'select' &&
      typeof value === 'string' &&
      value.trim() !== '' &&
      value.length <= LIMITS.fieldLabel &&
      options.length < LIMITS.fieldOptions
    ) {
      fields[at] = { ...field, options: [...options, value] }
      kept[key] = value
      continue
    }
    moved.push(`${field.label}: ${shown(value)}`)
  }
  return { values: kept, moved }
}

/** `text` with `lines` added below it. */
function appendLines(text: string, lines: readonly string[]): string {
  if (lines.length === 0) return text
  return text === '' ? lines.join('\n') : `${text}\n${lines.join('\n')}`
}

/**
 * One section and its items brought up to today's rules: the fields (see `repairFields`, plus
 * choices added for values that were picked), and each item's values, words that fit no field
 * moved into `into` of that item (the notes for a plan item, the guidance for a template item).
 * Returns null when nothing needed to change.
 */
export function repairSection<I extends ValuesHolder>(
  fields: readonly FieldDef[],
  items: readonly I[],
  into: 'notes' | 'guidance',
): { fields: FieldDef[]; items: I[] } | null {
  const repaired = repairFields(fields)
  let changed = false
  const out = items.map((item) => {
    const text = (item as unknown as Record<string, unknown>)[into]
    // Anything else malformed is left for the checks to name.
    if (!item.values || typeof item.values !== 'object' || typeof text !== 'string') return item
    const { values, moved } = repairValues(repaired, item.values)
    const same =
      moved.length === 0 && Object.keys(values).length === Object.keys(item.values).length && Object.entries(values).every(([k, v]) => item.values?.[k] === v)
    if (same) return item
    changed = true
    const grown = appendLines(text, moved)
    // Notes already near their limit: the words go to the evidence instead, so the item stays
    // within today's rules (an item over a limit could not be edited or exported again).
    const evidence = (item as unknown as Record<string, unknown>).evidence
    if (grown.length > LIMITS.longText && into === 'notes' && typeof evidence === 'string') {
      const spilled = appendLines(evidence, moved)
      if (spilled.length <= LIMITS.longText) return { ...item, values, evidence: spilled }
    }
    return { ...item, values, [into]: grown }
  })
  if (repaired.some((f, i) => f !== fields[i])) changed = true
  return changed ? { fields: repaired, items: out } : null
}
