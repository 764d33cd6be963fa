// A section with typed fields as an .xlsx sheet (through write-excel-file, loaded only when a person
// asks for the file): text cells are text (format "@", so Excel never reads "+44 20 7946 0958" or
// "00123" as a number, and no cell is ever a formula), numbers are numbers, dates are dates.
import type { SheetData, SheetOptions } from 'write-excel-file/browser'
import type { SectionTable, TableCell } from './section-table'

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
/** ISO dates, the same as the plan's stored and CSV form, whatever the reader's locale. */
const XLSX_DATE_FORMAT = 'yyyy-mm-dd'

function cell(c: TableCell): SheetData[number][number] {
  switch (c.type) {
    case 'number':
      return { type: Number, value: c.value }
    case 'date': {
      const [y, m, d] = c.value.split('-').map(Number)
      // Midnight UTC: the library turns a Date into a day number in UTC, so the day never shifts.
      return { type: Date, value: new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)), format: XLSX_DATE_FORMAT }
    }
    case 'text':
      return c.value === '' ? null : { type: String, value: c.value, format: '@' }
  }
}

/**
 * A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, no apostrophe at either
 * end, not the name Excel keeps for itself ("History"), never empty.
 */
export function sheetName(title: string): string {
  const name = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 31)
    .replace(/^'+|'+$/g, '')
    .trim()
  if (name.toLowerCase() === 'history') return 'History (section)'
  return name || 'Sheet1'
}

/** The sheet data and options for one section: a bold, frozen header row, then one row per item. */
export function sectionSheet(table: SectionTable, title: string): { data: SheetData; options: SheetOptions<Blob> } {
  const header = table.header.map((h) => ({ type: String, value: h, fontWeight: 'bold' as const }))
  return {
    data: [header, ...table.rows.map((r) => r.map(cell))],
    options: {
      sheet: sheetName(title),
      stickyRowsCount: 1,
      // A loop rather than Math.max(...rows): a section of 100,000 rows would overflow the call.
      columns: table.header.map((h, i) => ({
        width: Math.min(
          50,
          table.rows.reduce((w, r) => Math.max(w, cellWidth(r[i])), Math.max(10, h.length + 2)),
        ),
      })),
    },
  }
}

function cellWidth(c: TableCell | undefined): number {
  if (!c) return 0
  return c.type === 'text' ? Math.max(0, ...c.value.split('\n').map((l) => l.length)) + 2 : 12
}
