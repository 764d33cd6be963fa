// The editor for one typed field of an item, with the input that suits its type.
import { setItemValue } from '../../db/checklist-repository'
import { formatFieldValue, parseFieldInput } from '../../domain/fields'
import { LIMITS } from '../../domain/limits'
import type { FieldDef, FieldValue } from '../../domain/model'
import type { SectionRole } from '../../domain/vocabulary'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'
import { LinksInput } from './links-input'

/** `role`: the section's, so that a number the kit reads is refused as typed when it cannot mean it. */
export function FieldInput({ itemId, field, value, role }: { itemId: string; field: FieldDef; value: FieldValue | undefined; role?: SectionRole }) {
  const save = (input: string) => {
    const parsed = parseFieldInput(field, input, role)
    return parsed.ok ? attempt(() => setItemValue(itemId, field.id, parsed.value)) : undefined
  }
  const validate = (input: string) => {
    const parsed = parseFieldInput(field, input, role)
    return parsed.ok ? null : parsed.error
  }
  if (field.type === 'links') return <LinksInput itemId={itemId} field={field} value={value} />
  const shown = formatFieldValue(field, value)
  if (field.type === 'select') {
    return (
      <label className="field">
        <span className="field-label">{field.label}</span>
        <select value={typeof value === 'string' ? value : ''} onChange={(e) => void save(e.target.value)}>
          <option value="">—</option>
          {(field.options ?? []).map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
    )
  }
  const byType = {
    text: { type: 'text' },
    contact: { type: 'text', placeholder: 'Name, phone' },
    date: { type: 'date', immediate: true },
    number: { type: 'number', inputMode: 'decimal' },
    duration: { type: 'text', placeholder: 'e.g. 4h, 2d, 1d 12h' },
    url: { type: 'url', placeholder: 'https://status.example.com' },
    phone: { type: 'tel', placeholder: '+44 20 7946 0958' },
  } as const
  return (
    <DraftField
      label={field.label}
      value={shown}
      maxLength={LIMITS.shortText}
      validate={validate}
      target={{ kind: 'item-value', id: itemId, fieldId: field.id }}
      {...byType[field.type]}
    />
  )
}
