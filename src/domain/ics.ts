// iCalendar (RFC 5545) output: review and due dates as all-day events with a reminder the day
// before, so they show in the user's own calendar. Text is escaped (§3.3.11), lines are folded at
// 75 octets of UTF-8 without splitting a character (§3.1), and every line ends in CRLF.
import { addDays } from './dates'

export interface CalendarEvent {
  /** Unique and stable across exports, so a re-import updates the event instead of adding another. */
  uid: string
  /** All-day date, YYYY-MM-DD. */
  date: string
  summary: string
  description: string
  /** RFC 5545 SEQUENCE: rises whenever the event changes (see sequenceOf). */
  sequence: number
}

/** 2024-01-01T00:00:00Z: SEQUENCE counts seconds from here. */
const SEQUENCE_EPOCH_MS = Date.UTC(2024, 0, 1)

/**
 * The SEQUENCE of an event whose source rows were last changed at `updatedAt` (ISO timestamps; the
 * latest counts). A calendar that already holds an event (same UID) replaces it only when the new
 * copy's SEQUENCE is higher (RFC 5545 §3.8.7.4, RFC 5546 §2.1.4). We keep no revision counter, but
 * every change to a due date, review date or title stamps its row's updatedAt, so the seconds since
 * a fixed epoch rise with each change and stay put when nothing changed. Counting from 2024 rather
 * than 1970 keeps the number within the 32-bit signed integer that libical and others store
 * until the year 2092.
 */
export function sequenceOf(...updatedAt: readonly string[]): number {
  const ms = Math.max(...updatedAt.map((t) => Date.parse(t)).filter(Number.isFinite))
  return Number.isFinite(ms) ? Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / 1000)) : 0
}

export const ICS_MIME = 'text/calendar;charset=utf-8'
const CRLF = '\r\n'
const MAX_OCTETS = 75

/** Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control characters. */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- TEXT may not hold control characters other than tab
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
  )
}

const octets = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4)

/** The UTF-8 length of a string, in octets. */
export function utf8Length(s: string): number {
  let n = 0
  for (const ch of s) n += octets(ch.codePointAt(0) ?? 0)
  return n
}

/**
 * Folds one content line: no physical line longer than 75 octets, continuations start with one
 * space, and a multi-octet character is never split across lines.
 */
export function foldLine(line: string): string {
  if (line.length <= MAX_OCTETS / 4 || utf8Length(line) <= MAX_OCTETS) return line
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const n = octets(ch.codePointAt(0) ?? 0)
    if (size + n > MAX_OCTETS) {
      parts.push(current)
      current = ' '
      size = 1
    }
    current += ch
    size += n
  }
  parts.push(current)
  return parts.join(CRLF)
}

/** 2026-03-05T09:04:00.000Z -> 20260305T090400Z */
export function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

const basicDate = (date: string): string => date.replace(/-/g, '')

/**
 * A whole VCALENDAR document, CRLF line ends, with one VEVENT (and one reminder) per event. No
 * METHOD: a file to import is not a scheduling message (RFC 5546), and METHOD:PUBLISH would require
 * an ORGANIZER, which we have no address for (libical's checks refuse PUBLISH without one).
 */
export function buildCalendar(events: readonly CalendarEvent[], now: Date, name = 'Continuity Kit'): string {
  const stamp = utcStamp(now)
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Continuity Kit//Continuity Kit//EN', 'CALSCALE:GREGORIAN', `X-WR-CALNAME:${escapeText(name)}`]
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTART;VALUE=DATE:${basicDate(e.date)}`,
      `DTEND;VALUE=DATE:${basicDate(addDays(e.date, 1))}`,
      `SUMMARY:${escapeText(e.summary)}`,
      `DESCRIPTION:${escapeText(e.description)}`,
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(e.summary)}`,
      'TRIGGER:-P1D',
      'END:VALARM',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}

const UID_DOMAIN = 'continuity-kit'

/** The dates worth a calendar entry: plan reviews, open items' due dates, supplier reviews and notice deadlines. */
export function calendarEvents(input: {
  plans: readonly { id: string; title: string; nextReview: string; updatedAt: string }[]
  /** `updatedAt`: the item's and its plan's (the plan's title is in the event). */
  items: readonly { id: string; text: string; due: string; planTitle: string; owner: string; updatedAt: readonly string[] }[]
  /** `updatedAt`: the supplier row's and its plan's (whose interval may set the date). */
  suppliers: readonly {
    id: string
    name: string
    planTitle: string
    nextReview: string
    /** The last day to give notice (contract end less notice period), with the contract end it counts back from. */
    notice: { deadline: string; contractEnd: string; period: string } | null
    /** Set when the supplier's own review interval could not be used: said in the event, never silent. */
    intervalProblem?: string | null
    updatedAt: readonly string[]
  }[]
}): CalendarEvent[] {
  const events: CalendarEvent[] = []
  for (const p of input.plans) {
    events.push({
      uid: `${p.id}@${UID_DOMAIN}`,
      date: p.nextReview,
      summary: `Review plan: ${p.title}`,
      description: `The plan "${p.title}" is due for review. Open Continuity Kit, check it is still right, and press Mark reviewed.`,
      sequence: sequenceOf(p.updatedAt),
    })
  }
  for (const i of input.items) {
    events.push({
      uid: `${i.id}@${UID_DOMAIN}`,
      date: i.due,
      summary: `Due: ${i.text}`,
      description: `In "${i.planTitle}"${i.owner ? `, owner ${i.owner}` : ''}.`,
      sequence: sequenceOf(...i.updatedAt),
    })
  }
  for (const s of input.suppliers) {
    events.push({
      uid: `review-${s.id}@${UID_DOMAIN}`,
      date: s.nextReview,
      summary: `Review supplier: ${s.name}`,
      description: `The supplier "${s.name}" in "${s.planTitle}" is due for review: update its register entry and the Last reviewed date.${s.intervalProblem ? ` Note: ${s.intervalProblem}.` : ''}`,
      sequence: sequenceOf(...s.updatedAt),
    })
    if (s.notice)
      events.push({
        uid: `notice-${s.id}@${UID_DOMAIN}`,
        date: s.notice.deadline,
        summary: `Notice deadline: ${s.name}`,
        description: `Last day to give notice to "${s.name}" (in "${s.planTitle}"): the contract ends on ${s.notice.contractEnd} with ${s.notice.period} notice. Decide to renew, renegotiate or leave before then.`,
        sequence: sequenceOf(...s.updatedAt),
      })
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid))
}

export function calendarFileName(today: string): string {
  return `continuity-kit-dates-${today}.ics`
}
