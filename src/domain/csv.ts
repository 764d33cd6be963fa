// CSV export of one section (supplier register, business impact analysis, contact tree…) for
// spreadsheets. Pure: the caller turns the string into a download.
import { NO_NAMES, namesOf, type ItemNames } from './link-names'
import type { Item, Section } from './model'
import { NO_RELYING, type RelyingNames } from './relying-functions'
import { sectionTable, type TableCell } from './section-table'
import { fileDate, slugify } from './slug'

/**
 * A UTF-8 byte order mark. Excel (and some other spreadsheet apps) open a CSV without one in the
 * local legacy code page, which mangles accents and other non-ASCII text ("Müller" → "MÃ¼ller").
 * With it they read the file as UTF-8; RFC 4180 readers that do not expect it see it only before
 * the first header cell.
 */
const BOM = '\uFEFF'
const CRLF = '\r\n'

/**
 * Characters that make a spreadsheet treat a cell as a formula (or, for tab, CR and NUL, that some
 * apps strip before doing so), as listed by OWASP's "CSV Injection" page and ASVS 1.2.10. Such
 * cells get a leading apostrophe so that text imported into a plan can never run as a formula.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/

/**
 * A phone number or a plain number: an optional sign, then digits with spaces, dots, dashes,
 * slashes and parentheses. A formula needs a function name, a cell reference or a DDE target
 * ("cmd|…"), all of which need letters or other characters, so at worst a spreadsheet reads this as
 * arithmetic on numbers; it is left as typed, so "+44 20 7946 0958" does not arrive as
 * "'+44 20 7946 0958" (the apostrophe shows as data in LibreOffice and Sheets).
 */
const PLAIN_NUMBER = /^[+-]?[\d(][\d ()./-]*$/

function neutralise(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text
}

/**
 * RFC 4180: quote a field holding a comma, double quote, CR or LF, doubling inner quotes. A
 * semicolon or tab is quoted too: spreadsheets set to those separators would otherwise split the
 * cell, and a part after the split could start a formula unguarded.
 */
function quote(text: string): string {
  return /[",;\t\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

function cellText(cell: TableCell): string {
  return cell.type === 'number' ? String(cell.value) : neutralise(cell.value)
}

function row(cells: readonly string[]): string {
  return cells.map(quote).join(',') + CRLF
}

/**
 * One section as RFC 4180 CSV: a header row (Item, Status, Owner, Due, each typed field's label,
 * for a supplier register the functions that rely on it, Notes, Evidence), then one row per item of
 * the section in `order`; links by the names of the rows they point at (`names`, see
 * link-names.ts; `relying`, see relying-functions.ts). Every line, the last one included, ends
 * with CRLF, and the text starts with a UTF-8 BOM (see above).
 */
export function sectionToCsv(section: Section, items: readonly Item[], linked: ItemNames = NO_NAMES, relying: RelyingNames = NO_RELYING): string {
  const table = sectionTable(section, items, namesOf(items, linked), relying)
  let out = BOM + row(table.header.map(neutralise))
  for (const cells of table.rows) out += row(cells.map(cellText))
  return out
}

/** E.g. `supplier-review-supplier-register-2026-11-28.csv`. */
export function csvFileName(planTitle: string, sectionTitle: string, date: string): string {
  const base = slugify(`${planTitle} ${sectionTitle}`) || 'section'
  const d = fileDate(date)
  return d ? `${base}-${d}.csv` : `${base}.csv`
}
