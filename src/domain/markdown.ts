// Markdown export of a whole plan, for pasting into a wiki. Pure and deterministic: the same rows
// and clock give the same text. Everything a person typed (or imported) is data: it is escaped so
// that it can never turn into HTML, links, images, headings, lists or tables in the wiki.
import { byOrder } from './order'
import { sectionItems } from './section-table'
import { fileDate, slugify } from './slug'
import { localDate } from './dates'
import { formatFieldValue } from './fields'
import { NO_NAMES, namesOf, type ItemNames } from './link-names'
import type { Item, Section } from './model'
import type { PlanRows } from './plan-factory'
import { NO_RELYING, relyingColumn, RELYING_LABEL, type RelyingNames } from './relying-functions'
import { progressOf } from './progress'
import { isReviewOverdue, nextReviewDate } from './review'
import { KIND_LABELS, PLAN_STATUS_LABELS, STATUS_LABELS } from './vocabulary'

function lines(s: string): string[] {
  return s.replace(/\r\n?/g, '\n').split('\n')
}

/**
 * Escapes characters that create inline markup: backslash, code spans, emphasis, strikethrough,
 * links and images (`[`), raw HTML and autolinks (`<`), table cells (`|`), headings' closing `#`s,
 * and `&` where it would start a character reference (`&lt;`). The colon of `ftp:` and `xmpp:` is
 * escaped too, so GitHub's dialect does not link those addresses (only http(s) and mail become links).
 */
function escapeMarkup(s: string): string {
  return s
    .replace(/[\\`*_~[\]<>|#]/g, (ch) => `\\${ch}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
    .replace(/(ftp|xmpp):/gi, '$1\\:')
}

/**
 * Web addresses in user text. GitHub's dialect links bare addresses itself, reading the raw
 * characters up to the next space: an escape backslash or a hard line break (`\`) right after an
 * address would become part of the link (`%5C`), and escapes inside one would show. So addresses are
 * written as explicit links whose extent we choose, with nothing escaped inside: `<https://…>` as a
 * CommonMark autolink, `www.…` as a link to http:// showing the text as typed. Only http(s) becomes
 * a link this way; `javascript:` and the like stay escaped text. Trailing punctuation and an
 * unbalanced `)` stay outside, as GitHub does; `|` ends an address so a table cell never splits.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>|\\`"]+/gi
const TRAILING = /[?!.,:;*_~'"]+$/

function trimAddress(url: string): string {
  let out = url.replace(TRAILING, '')
  // Drop closing parentheses that have no opening one inside the address.
  while (out.endsWith(')') && (out.match(/\)/g) ?? []).length > (out.match(/\(/g) ?? []).length) out = out.slice(0, -1).replace(TRAILING, '')
  return out
}

function addressLink(url: string): string {
  return /^www\./i.test(url) ? `[${escapeMarkup(url)}](<http://${url}>)` : `<${url}>`
}

/** Inline text: markup escaped, web addresses as explicit links (see ADDRESS). */
function escapeInline(s: string): string {
  let out = ''
  let at = 0
  for (const m of s.matchAll(ADDRESS)) {
    const url = trimAddress(m[0])
    if (!/^(?:https?:\/\/|www\.)[^/?#]*[a-z0-9]/i.test(url)) continue
    out += escapeMarkup(s.slice(at, m.index)) + addressLink(url)
    at = m.index + url.length
  }
  return out + escapeMarkup(s.slice(at))
}

/**
 * Escapes what makes markup at the start of a line: a `#`, `>`, `-`, `+` or `=` (headings, quotes,
 * bullets, setext underlines, thematic breaks) or an ordered-list number (`1.`, `2)`).
 * `*`, `_`, `~`, `|`, `<` and backticks are already escaped by escapeInline.
 */
function escapeLineStart(escaped: string): string {
  return escaped.replace(/^[#>+=-]/, (ch) => `\\${ch}`).replace(/^(\d{1,9})([.)])/, '$1\\$2')
}

/** One line of user text that may start a block; leading indentation (a code block) is dropped. */
function escapeLine(line: string): string {
  return escapeLineStart(escapeInline(line.trim()))
}

/** Splits text into paragraphs at blank lines. */
function paragraphs(s: string): string[] {
  return s.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)
}

/** Multi-line text as escaped lines joined by hard breaks, blank lines dropped; continuation lines start with `indent`. */
function escapeText(s: string, indent = ''): string {
  return lines(s)
    .map(escapeLine)
    .filter((l) => l !== '')
    .join(`\\\n${indent}`)
}

/** Text on a single line (headings, metadata, table cells): line breaks become spaces, as in an input field on screen. */
function escapeOneLine(s: string): string {
  return escapeLineStart(
    escapeInline(
      lines(s)
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join(' '),
    ),
  )
}

/** A table cell: one line, no HTML (a wiki may not allow any), markup escaped. */
const escapeCell = escapeOneLine

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`
}

/**
 * Typed rows as a table, then the notes and evidence of those that have any as a list below it:
 * long text gets room of its own rather than a table cell.
 */
function sectionTable(section: Section, items: readonly Item[], names: ItemNames, relying: RelyingNames): string[] {
  const relyingOf = relyingColumn(section, relying)
  const header = ['Item', 'Status', 'Owner', 'Due', ...section.fields.map((f) => escapeCell(f.label)), ...(relyingOf ? [RELYING_LABEL] : [])]
  const out = [tableRow(header), tableRow(header.map(() => '---'))]
  for (const item of items) {
    out.push(
      tableRow([
        escapeCell(item.text),
        STATUS_LABELS[item.status],
        escapeCell(item.owner),
        item.due ?? '',
        ...section.fields.map((f) => escapeCell(formatFieldValue(f, item.values[f.id], names))),
        ...(relyingOf ? [escapeCell(relyingOf(item.id))] : []),
      ]),
    )
  }
  const written = items.filter((i) => i.notes.trim() || i.evidence.trim())
  if (written.length > 0) {
    out.push('', 'Notes and evidence:', '')
    for (const item of written) {
      out.push(`- ${escapeOneLine(item.text)}`)
      out.push(...notesAndEvidence(item))
    }
  }
  return out
}

/** An item's notes and evidence as nested list entries, each paragraph of them kept. */
function notesAndEvidence(item: Item): string[] {
  const out: string[] = []
  if (item.notes.trim()) out.push(`  - Notes: ${escapeText(item.notes, '    ')}`)
  if (item.evidence.trim()) out.push(`  - Evidence: ${escapeText(item.evidence, '    ')}`)
  return out
}

function taskList(items: readonly Item[]): string[] {
  const out: string[] = []
  for (const item of items) {
    const extras: string[] = []
    if (item.owner.trim()) extras.push(`Owner: ${escapeOneLine(item.owner)}`)
    if (item.due) extras.push(`due ${item.due}`)
    if (item.status === 'blocked' || item.status === 'not-applicable') extras.push(STATUS_LABELS[item.status])
    const box = item.status === 'done' ? '[x]' : '[ ]'
    const suffix = extras.length ? ` — ${extras.join(', ')}` : ''
    out.push(`- ${box} ${escapeText(item.text, '  ')}${suffix}`)
    out.push(...notesAndEvidence(item))
  }
  return out
}

/**
 * The plan as Markdown: title, a metadata list, the description, then each section in order
 * with its guidance as a quote and its items as a table (sections with typed fields) or a task list.
 * `linked` names the rows that links fields point at outside this plan (see link-names.ts);
 * `relying`, the functions that rely on each supplier of a supplier register (relying-functions.ts).
 */
export function planToMarkdown(rows: PlanRows, now: Date, linked: ItemNames = NO_NAMES, relying: RelyingNames = NO_RELYING): string {
  const names = namesOf(rows.items, linked)
  const { plan } = rows
  const sections = [...rows.sections].sort(byOrder)
  const itemsBySection = new Map(sections.map((s) => [s.id, sectionItems(s.id, rows.items)]))
  const progress = progressOf([...itemsBySection.values()].flat())

  const reviewed = plan.reviewedAt ? `${localDate(new Date(plan.reviewedAt))}${plan.reviewedBy.trim() ? ` by ${escapeOneLine(plan.reviewedBy)}` : ''}` : 'never'
  const out: string[] = [
    `# ${escapeOneLine(plan.title)}`,
    '',
    `- Kind: ${KIND_LABELS[plan.kind]}`,
    `- Owner: ${plan.owner.trim() ? escapeOneLine(plan.owner) : '—'}`,
    `- Status: ${PLAN_STATUS_LABELS[plan.status]}`,
    `- Last reviewed: ${reviewed}`,
    `- Next review: ${nextReviewDate(plan)}${isReviewOverdue(plan, now) ? ' (overdue)' : ''}`,
    `- Progress: ${progress.done}/${progress.applicable} done`,
    `- Exported: ${localDate(now)}`,
  ]
  for (const paragraph of paragraphs(plan.description)) {
    const text = escapeText(paragraph)
    if (text) out.push('', text)
  }
  for (const section of sections) {
    const items = itemsBySection.get(section.id) ?? []
    out.push('', `## ${escapeOneLine(section.title)}`)
    const guidance = paragraphs(section.guidance)
      .map((p) => escapeText(p, '> '))
      .filter((p) => p !== '')
    if (guidance.length > 0) out.push('', guidance.map((p) => `> ${p}`).join('\n>\n'))
    out.push('')
    if (items.length === 0) out.push('_No items._')
    else if (section.fields.length > 0) out.push(...sectionTable(section, items, names, relying))
    else out.push(...taskList(items))
  }
  return out.join('\n') + '\n'
}

/** E.g. `incident-response-2026-11-28.md`. */
export function markdownFileName(title: string, date: string): string {
  const base = slugify(title) || 'plan'
  const d = fileDate(date)
  return d ? `${base}-${d}.md` : `${base}.md`
}
