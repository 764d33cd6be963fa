// One section with typed fields as a table of typed cells: what the CSV and .xlsx exports write.
// Every column the screen shows for a row, links by name (a supplier's relying functions too), and
// the notes and evidence.
import { byOrder } from './order'
import { formatFieldValue } from './fields'
import type { ItemNames } from './link-names'
import type { FieldDef, Item, Section } from './model'
import { relyingColumn, RELYING_LABEL, type RelyingNames } from './relying-functions'
import { STATUS_LABELS } from './vocabulary'

/** Text stays text, numbers are numbers, dates are calendar dates (YYYY-MM-DD). */
export type TableCell = { type: 'text'; value: string } | { type: 'number'; value: number } | { type: 'date'; value: string }

export interface SectionTable {
  header: string[]
  rows: TableCell[][]
}

/** Items of one section, in their `order` (ties broken by id so the output is stable). */
export function sectionItems(sectionId: string, items: readonly Item[]): Item[] {
  return items.filter((i) => i.sectionId === sectionId).sort(byOrder)
}

const text = (value: string): TableCell => ({ type: 'text', value })

function fieldCell(field: FieldDef, value: Item['values'][string] | undefined, names: ItemNames): TableCell {
  if (field.type === 'number' && typeof value === 'number' && Number.isFinite(value)) return { type: 'number', value }
  if (field.type === 'date' && typeof value === 'string' && value !== '') return { type: 'date', value }
  return text(formatFieldValue(field, value, names))
}

/**
 * Header: Item, Status, Owner, Due, each field's label, (for a supplier register) Functions that
 * rely on it, Notes, Evidence; one row per item in order.
 */
export function sectionTable(section: Section, items: readonly Item[], names: ItemNames, relying: RelyingNames): SectionTable {
  const relyingOf = relyingColumn(section, relying)
  return {
    header: ['Item', 'Status', 'Owner', 'Due', ...section.fields.map((f) => f.label), ...(relyingOf ? [RELYING_LABEL] : []), 'Notes', 'Evidence'],
    rows: sectionItems(section.id, items).map((item) => [
      text(item.text),
      text(STATUS_LABELS[item.status]),
      text(item.owner),
      item.due ? { type: 'date', value: item.due } : text(''),
      ...section.fields.map((f) => fieldCell(f, item.values[f.id], names)),
      ...(relyingOf ? [text(relyingOf(item.id))] : []),
      text(item.notes),
      text(item.evidence),
    ]),
  }
}
