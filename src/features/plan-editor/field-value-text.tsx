// A typed field's value as the plan page and its print show it: dates in the user's locale (the
// stored and exported form stays YYYY-MM-DD), durations as 4h or 2d, other values as written.
import { formatDate, isCalendarDate } from '../../domain/dates'
import { formatFieldValue } from '../../domain/fields'
import type { FieldDef, FieldValue } from '../../domain/model'

export function FieldValueText({ field, value }: { field: FieldDef; value: FieldValue | undefined }) {
  if (field.type === 'date' && typeof value === 'string' && isCalendarDate(value)) return <time dateTime={value}>{formatDate(value)}</time>
  return <>{formatFieldValue(field, value)}</>
}
