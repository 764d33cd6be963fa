import { describe, expect, it } from 'vitest'
import ICAL from 'ical.js'
import { buildCalendar, calendarEvents, calendarFileName, escapeText, foldLine, sequenceOf, utcStamp, utf8Length } from '../../src/domain/ics'

const bytes = (s: string) => new TextEncoder().encode(s).length

/** Undoes folding (RFC 5545 §3.1): a CRLF followed by one space or tab is removed. */
const unfold = (s: string) => s.replace(/\r\n[ \t]/g, '')

/** Undoes TEXT escaping (§3.3.11). */
const unescape = (s: string) => s.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))

describe('iCalendar text escaping (RFC 5545 §3.3.11)', () => {
  it('escapes backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('a\\b;c,d')).toBe('a\\\\b\\;c\\,d')
    expect(escapeText('one\ntwo\r\nthree\rfour')).toBe('one\\ntwo\\nthree\\nfour')
    // Colons and quotes need no escape in a TEXT value.
    expect(escapeText('Note: "quoted"')).toBe('Note: "quoted"')
  })

  it('escapes the backslash first, so an escape is never doubled', () => {
    expect(escapeText('\\n')).toBe('\\\\n')
    expect(unescape(escapeText('C:\\dir; a, b\nend'))).toBe('C:\\dir; a, b\nend')
  })

  it('drops control characters other than tab', () => {
    expect(escapeText('a\u0000b\u0007c\td\u007f')).toBe('abc\td')
  })
})

describe('line folding (RFC 5545 §3.1)', () => {
  it('leaves a line of 75 octets alone and folds one of 76', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75))
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`)
  })

  it('counts octets, not characters, and never splits a multi-byte character', () => {
    for (const text of ['é'.repeat(100), '😀'.repeat(50), `SUMMARY:${'aé😀€'.repeat(40)}`, `x${'😀'.repeat(30)}`, 'ab'.repeat(20) + '𝄞'.repeat(30)]) {
      const folded = foldLine(text)
      const lines = folded.split('\r\n')
      for (const [i, line] of lines.entries()) {
        expect(bytes(line), `line ${i} of ${text.slice(0, 10)}`).toBeLessThanOrEqual(75)
        if (i > 0) expect(line.startsWith(' ')).toBe(true)
        // No lone surrogate: each physical line is well-formed text on its own.
        expect(line.isWellFormed()).toBe(true)
      }
      expect(unfold(folded)).toBe(text)
    }
  })

  it('fills each line as far as the next character allows', () => {
    // 37 two-octet characters are 74 octets; the 38th would make 76, so it starts the next line.
    const folded = foldLine('é'.repeat(40)).split('\r\n')
    expect(bytes(folded[0] ?? '')).toBe(74)
    expect(folded[1]).toBe(` ${'é'.repeat(3)}`)
  })

  it('measures UTF-8 length like TextEncoder', () => {
    for (const s of ['', 'abc', 'é', '€', '😀', 'a😀é€𝄞']) expect(utf8Length(s)).toBe(bytes(s))
  })
})

describe('the calendar document', () => {
  const now = new Date('2026-03-05T09:04:07.123Z')
  const events = calendarEvents({
    plans: [{ id: 'plan-1', title: 'Business continuity, main office; v2', nextReview: '2026-04-01', updatedAt: '2026-01-10T08:00:00.000Z' }],
    items: [
      {
        id: 'item-1',
        text: 'Renew the domain 🌐 — with the registrar, before the end of the month and not a day later',
        due: '2026-12-31',
        planTitle: 'Suppliers',
        owner: 'Zoë',
        updatedAt: ['2026-02-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z'],
      },
    ],
    suppliers: [
      { id: 'sup-1', name: 'Cloud hosting', planTitle: 'Suppliers', nextReview: '2026-02-01', notice: null, updatedAt: ['2024-01-01T00:00:01.900Z', ''] },
    ],
  })
  const ics = buildCalendar(events, now)

  it('ends every line with CRLF and has no bare LF or CR', () => {
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('keeps every physical line within 75 octets', () => {
    for (const line of ics.split('\r\n')) expect(bytes(line)).toBeLessThanOrEqual(75)
  })

  it('has the calendar header and one VEVENT with a reminder per date', () => {
    const lines = unfold(ics).split('\r\n')
    expect(lines.slice(0, 4)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Continuity Kit//Continuity Kit//EN', 'CALSCALE:GREGORIAN'])
    expect(lines.at(-2)).toBe('END:VCALENDAR')
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(3)
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(3)
    expect(lines.filter((l) => l === 'BEGIN:VALARM')).toHaveLength(3)
    expect(lines.filter((l) => l === 'TRIGGER:-P1D')).toHaveLength(3)
    expect(lines.filter((l) => l === 'ACTION:DISPLAY')).toHaveLength(3)
    expect(lines.filter((l) => l === 'DTSTAMP:20260305T090407Z')).toHaveLength(3)
  })

  it('writes all-day dates, ending the next day, in date order', () => {
    const lines = unfold(ics).split('\r\n')
    expect(lines.filter((l) => l.startsWith('DTSTART'))).toEqual(['DTSTART;VALUE=DATE:20260201', 'DTSTART;VALUE=DATE:20260401', 'DTSTART;VALUE=DATE:20261231'])
    expect(lines.filter((l) => l.startsWith('DTEND'))).toEqual(['DTEND;VALUE=DATE:20260202', 'DTEND;VALUE=DATE:20260402', 'DTEND;VALUE=DATE:20270101'])
  })

  it('gives stable UIDs from the ids', () => {
    const uids = unfold(ics)
      .split('\r\n')
      .filter((l) => l.startsWith('UID:'))
    expect(uids).toEqual(['UID:review-sup-1@continuity-kit', 'UID:plan-1@continuity-kit', 'UID:item-1@continuity-kit'])
    expect(buildCalendar(events, new Date('2027-01-01T00:00:00Z')).match(/^UID:.*$/gm)).toEqual(ics.match(/^UID:.*$/gm))
  })

  it('escapes summaries so that they read back exactly', () => {
    const summaries = unfold(ics)
      .split('\r\n')
      .filter((l) => l.startsWith('SUMMARY:'))
      .map((l) => unescape(l.slice('SUMMARY:'.length)))
    expect(summaries).toContain('Review plan: Business continuity, main office; v2')
    expect(summaries).toContain('Due: Renew the domain 🌐 — with the registrar, before the end of the month and not a day later')
    expect(ics).toContain('SUMMARY:Review plan: Business continuity\\, main office\\; v2')
  })

  it('parses with ical.js: every event has its UID, date, summary, SEQUENCE and reminder; no METHOD without ORGANIZER', () => {
    const root = new ICAL.Component(ICAL.parse(ics))
    const method = root.getFirstPropertyValue('method')
    // RFC 5546 (and libical's checks): METHOD:PUBLISH needs an ORGANIZER on every event.
    const vevents = root.getAllSubcomponents('vevent')
    if (method !== null) for (const v of vevents) expect(v.getFirstPropertyValue('organizer')).not.toBeNull()
    expect(
      vevents.map((v) => {
        const e = new ICAL.Event(v)
        return { uid: e.uid, start: e.startDate.toString(), allDay: e.startDate.isDate, sequence: e.sequence, alarms: v.getAllSubcomponents('valarm').length }
      }),
    ).toEqual([
      { uid: 'review-sup-1@continuity-kit', start: '2026-02-01', allDay: true, sequence: 1, alarms: 1 },
      { uid: 'plan-1@continuity-kit', start: '2026-04-01', allDay: true, sequence: (Date.UTC(2026, 0, 10, 8) - Date.UTC(2024, 0, 1)) / 1000, alarms: 1 },
      { uid: 'item-1@continuity-kit', start: '2026-12-31', allDay: true, sequence: (Date.UTC(2026, 1, 1) - Date.UTC(2024, 0, 1)) / 1000, alarms: 1 },
    ])
    expect(new ICAL.Event(vevents[2]).summary).toBe('Due: Renew the domain 🌐 — with the registrar, before the end of the month and not a day later')
  })

  it('raises SEQUENCE when an item changes again, so a calendar that holds the event updates it', () => {
    const seq = (updatedAt: string) => {
      const [event] = calendarEvents({
        plans: [],
        suppliers: [],
        items: [{ id: 'i', text: 'Renew', due: '2026-12-31', planTitle: 'P', owner: '', updatedAt: [updatedAt] }],
      })
      return new ICAL.Event(new ICAL.Component(ICAL.parse(buildCalendar(event ? [event] : [], now))).getFirstSubcomponent('vevent') ?? undefined).sequence
    }
    expect(seq('2026-05-01T10:00:00.000Z')).toBeGreaterThan(seq('2026-05-01T09:59:58.000Z'))
    expect(seq('2026-05-01T10:00:00.000Z')).toBe(seq('2026-05-01T10:00:00.000Z'))
    // Within a 32-bit signed integer for decades.
    expect(sequenceOf('2091-12-31T23:59:59.000Z')).toBeLessThan(2 ** 31)
    expect(sequenceOf('not a date')).toBe(0)
  })

  it('is valid with no events at all', () => {
    const empty = buildCalendar([], now)
    expect(empty).toContain('BEGIN:VCALENDAR\r\n')
    expect(empty).not.toContain('BEGIN:VEVENT')
  })

  it('formats stamps and names the file', () => {
    expect(utcStamp(new Date('2026-12-01T23:59:59.999Z'))).toBe('20261201T235959Z')
    expect(calendarFileName('2026-03-05')).toBe('continuity-kit-dates-2026-03-05.ics')
  })
})

describe('notice deadlines in the calendar', () => {
  it('carries a supplier notice deadline as its own all-day event that ical.js reads back', () => {
    const events = calendarEvents({
      plans: [],
      items: [],
      suppliers: [
        {
          id: 'isp',
          name: 'ISP, fibre line',
          planTitle: 'Suppliers',
          nextReview: '2027-01-10',
          notice: { deadline: '2026-10-02', contractEnd: '2026-12-31', period: '90 days' },
          updatedAt: ['2026-03-01T00:00:00.000Z'],
        },
      ],
    })
    const root = new ICAL.Component(ICAL.parse(buildCalendar(events, new Date('2026-03-05T09:00:00Z'))))
    const read = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(read.map((e) => [e.uid, e.startDate.toString(), e.startDate.isDate, e.summary])).toEqual([
      ['notice-isp@continuity-kit', '2026-10-02', true, 'Notice deadline: ISP, fibre line'],
      ['review-isp@continuity-kit', '2027-01-10', true, 'Review supplier: ISP, fibre line'],
    ])
    expect(read[0]?.description).toContain('the contract ends on 2026-12-31 with 90 days notice')
  })
})

describe('supplier reviews in the calendar', () => {
  it('says in the event when the supplier review date follows the plan interval because its own is no number of days', () => {
    const problem = "its own review interval (-5) is not a whole number of days from 1; the plan's 180 days are used until it is corrected"
    const events = calendarEvents({
      plans: [],
      items: [],
      suppliers: [
        { id: 'odd', name: 'Cloud hosting', planTitle: 'Suppliers', nextReview: '2027-01-10', notice: null, intervalProblem: problem, updatedAt: [''] },
        { id: 'fine', name: 'ISP', planTitle: 'Suppliers', nextReview: '2027-01-10', notice: null, updatedAt: [''] },
      ],
    })
    const said = new Map(events.map((e) => [e.uid, e.description]))
    expect(said.get('review-odd@continuity-kit')).toBe(
      `The supplier "Cloud hosting" in "Suppliers" is due for review: update its register entry and the Last reviewed date. Note: ${problem}.`,
    )
    expect(said.get('review-fine@continuity-kit')).toBe(
      'The supplier "ISP" in "Suppliers" is due for review: update its register entry and the Last reviewed date.',
    )
  })
})
