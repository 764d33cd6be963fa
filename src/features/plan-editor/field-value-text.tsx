// A typed field's value as the plan page and its print show it: dates in the user's locale (the
// stored and exported form stays YYYY-MM-DD), durations as 4h or 2d, a web address as a link, a
// phone number as a tel: link, other values as written.
import { formatDate, isCalendarDate } from '../../domain/dates'
import { dialable, formatFieldValue, webAddress } from '../../domain/fields'
import type { FieldDef, FieldValue } from '../../domain/model'

export function FieldValueText({ field, value }: { field: FieldDef; value: FieldValue | undefined }) {
  if (field.type === 'date' && typeof value === 'string' && isCalendarDate(value)) return <time dateTime={value}>{formatDate(value)}</time>
  if (field.type === 'url' && typeof value === 'string' && webAddress(value)) return <a href={webAddress(value) ?? undefined}>{value}</a>
  const number = field.type === 'phone' && typeof value === 'string' ? dialable(value) : null
  if (number !== null) return <a href={'tel:' + number}>{String(value)}</a>
  return <>{formatFieldValue(field, value)}</>
}
