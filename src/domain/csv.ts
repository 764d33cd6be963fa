// CSV export of one section (supplier register, business impact analysis, contact tree…) for
// spreadsheets. Pure: the caller turns the string into a download.
import { formatFieldValue } from './fields'
import type { Item, Section } from './model'
import { STATUS_LABELS } from './vocabulary'

/**
 * A UTF-8 byte order mark. Excel (and some other spreadsheet apps) open a CSV without one in the
 * local legacy code page, which mangles accents and other non-ASCII text ("Müller" → "MÃ¼ller").
 * With it they read the file as UTF-8; RFC 4180 readers that do not expect it see it only before
 * the first header cell.
 */
const BOM = '\uFEFF'
const CRLF = '\r\n'

/** A cell as text, plus whether it is a genuine number that a spreadsheet may read as one. */
interface Cell {
  text: string
  numeric?: boolean
}

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, that some
 * apps strip before doing so). Such cells get a leading apostrophe so that text imported into a
 * plan can never run as a formula ("CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/

function neutralise(cell: Cell): string {
  return !cell.numeric && FORMULA_START.test(cell.text) ? `'${cell.text}` : cell.text
}

/** RFC 4180: quote a field holding a comma, double quote, CR or LF, doubling inner quotes. */
function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function row(cells: readonly Cell[]): string {
  return cells.map((c) => quote(neutralise(c))).join(',') + CRLF
}

/** Items of one section, in their `order` (ties broken by id so the output is stable). */
export function sectionItems(sectionId: string, items: readonly Item[]): Item[] {
  return items
    .filter((i) => i.sectionId === sectionId)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/**
 * One section as RFC 4180 CSV: a header row (Item, Status, Owner, Due, each typed field's label,
 * Notes, Evidence), then one row per item of the section in `order`. Every line, the last one
 * included, ends with CRLF, and the text starts with a UTF-8 BOM (see above).
 */
export function sectionToCsv(section: Section, items: readonly Item[]): string {
  const header: Cell[] = [
    { text: 'Item' }, { text: 'Status' }, { text: 'Owner' }, { text: 'Due' },
    ...section.fields.map((f) => ({ text: f.label })),
    { text: 'Notes' }, { text: 'Evidence' },
  ]
  let out = BOM + row(header)
  for (const item of sectionItems(section.id, items)) {
    const values: Cell[] = section.fields.map((f) => {
      const value = item.values[f.id]
      return {
        text: formatFieldValue(f, value),
        // A number field's own value (e.g. -5) stays a number; text that merely looks like one does not.
        numeric: f.type === 'number' && typeof value === 'number' && Number.isFinite(value),
      }
    })
    out += row([
      { text: item.text },
      { text: STATUS_LABELS[item.status] },
      { text: item.owner },
      { text: item.due ?? '' },
      ...values,
      { text: item.notes },
      { text: item.evidence },
    ])
  }
  return out
}

// Letters that Unicode decomposition does not reduce to ASCII.
const TRANSLITERATE: Record<string, string> = {
  ß: 'ss', æ: 'ae', ø: 'o', œ: 'oe', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i',
}

/**
 * A file-name-safe slug: lowercase ASCII letters and digits separated by single dashes, accents
 * dropped ("Café Müller" → "cafe-muller"), at most `max` characters, never starting or ending with
 * a dash. Empty when nothing usable is left; callers supply their own fallback.
 */
export function slugify(s: string, max = 80): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[ßæøœđðłþı]/g, (ch) => TRANSLITERATE[ch] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, Math.max(0, max))
    .replace(/-+$/, '')
}

/** Keeps a caller's date (normally YYYY-MM-DD) to characters that are safe in a file name. */
export function fileDate(date: string): string {
  return slugify(date, 32)
}

/** E.g. `supplier-review-supplier-register-2026-11-28.csv`. */
export function csvFileName(planTitle: string, sectionTitle: string, date: string): string {
  const base = slugify(`${planTitle} ${sectionTitle}`) || 'section'
  const d = fileDate(date)
  return d ? `${base}-${d}.csv` : `${base}.csv`
}
