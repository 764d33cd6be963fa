// @vitest-environment jsdom
// The Markdown export read back through an independent CommonMark + GFM parser (micromark with its
// GFM extension, as GitHub's dialect): whatever a person typed renders as the same text, no markup
// of theirs comes alive, and the only links are http(s) and mail.
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'
import { describe, expect, it } from 'vitest'
import { planToMarkdown } from '../../src/domain/markdown'
import type { FieldDef, Item, Plan, Section } from '../../src/domain/model'
import { makeItemRow, makePlanRow } from '../support/factories'

const CREATED = '2026-10-01T12:00:00.000Z'
const NOW = new Date(2026, 10, 28, 12)

const plan: Plan = makePlanRow({ id: 'p1', title: 'Continuity', owner: 'Sam', reviewEveryDays: 90, createdAt: CREATED, updatedAt: CREATED })
const fields: FieldDef[] = [
  { id: 'note', label: 'Workaround', type: 'text' },
  { id: 'sup', label: 'Suppliers it needs', type: 'links', linksTo: 'supplier' },
  { id: 'fn', label: 'Functions it needs', type: 'links', linksTo: 'function' },
]
const sections: Section[] = [
  { id: 'tasks', planId: 'p1', order: 'a1', title: 'Tasks', guidance: '', role: 'checklist', fields: [], updatedAt: CREATED },
  { id: 'bia', planId: 'p1', order: 'a2', title: 'Impact analysis', guidance: '', role: 'impact-analysis', fields, updatedAt: CREATED },
]
const item = (sectionId: string, over: Partial<Item>): Item => makeItemRow({ sectionId, updatedAt: CREATED, ...over })

/** Text people type that means something in Markdown, HTML or a wiki, each a value to survive as typed. */
const HOSTILE = [
  'see https://example.com/a_b\\',
  'Status page: https://status.example.com/incidents/(42)_x.',
  'www.example.com\\',
  'plain www.example.org/path_with_underscores',
  '[click](javascript:alert(1))',
  '<javascript:alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  'javascript:alert(document.cookie)',
  '[x]: javascript:alert(1)',
  '![img](https://evil.example/x.png)',
  '&#x5B;x&#x5D;(javascript:alert(1)) &amp; &lt;b&gt;',
  '# not a heading',
  '1. not a list',
  '> not a quote',
  '---',
  '| a | b |',
  '`code` *em* _em_ ~~del~~ **bold**',
  'ftp://files.example.com/x',
  'xmpp:ops@example.com',
  'mailto:ops@example.com',
  'call tel:+442079460958',
  'a_b@example.com',
  '<script>alert(1)</script>',
  '<!-- comment -->',
  'https://x.example/?q=<b>&r=1|2',
  'ends with a backslash \\',
  '- [ ] not a task',
  '=== ',
  '+44 20 7946 0958',
  'Tab\there',
]

function render(md: string): Document {
  // Dangerous protocols allowed: the test must see a javascript: link if the export made one.
  const html = micromark(md, { extensions: [gfm()], htmlExtensions: [gfmHtml()], allowDangerousProtocol: true })
  return new DOMParser().parseFromString(html, 'text/html')
}

/** What a person typed as it should read: each line trimmed, blank lines gone, lines as line breaks. */
const asTyped = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n')
/** A single-line output (a table cell): lines become spaces, as an input field shows them. */
const oneLine = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join(' ')
/** A list entry's own text, without the entries nested in it. */
function ownText(li: Element | undefined): string {
  const copy = li?.cloneNode(true) as Element | undefined
  copy?.querySelectorAll('ul, ol').forEach((l) => l.remove())
  return copy?.textContent?.trim() ?? ''
}

describe('the Markdown export read by a GFM parser', () => {
  const notes = HOSTILE.join('\n')
  const evidence = HOSTILE.slice().reverse().join('\n')
  const tasks = HOSTILE.map((text) => item('tasks', { text, notes: text, owner: text }))
  const supplier = item('bia', { text: 'Cloud host' })
  const bia = HOSTILE.map((text) => item('bia', { text, values: { note: text, sup: ['far-away', 'gone'], fn: [supplier.id] }, notes: text, evidence: text }))
  const withLong = item('tasks', { text: 'Long one', notes, evidence })
  const md = planToMarkdown({ plan, sections, items: [...tasks, supplier, ...bia, withLong] }, NOW, new Map([['far-away', 'Payroll bureau [EU]']]))
  const doc = render(md)

  it('links only to http(s) and mail addresses, never javascript: or ftp:', () => {
    const hrefs = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '')
    expect(hrefs.length).toBeGreaterThan(0)
    for (const href of hrefs) expect(href).toMatch(/^(https?:|mailto:)/)
    expect(hrefs.some((h) => h.includes('%5C'))).toBe(false)
    expect(doc.querySelectorAll('img, script, h3, h4, blockquote, code, em, strong, del, hr').length).toBe(0)
  })

  it('renders task text, notes and evidence as typed, line breaks kept', () => {
    const items = [...doc.querySelectorAll('li')]
    for (const text of HOSTILE) {
      const li = items.find((l) => ownText(l) === `${asTyped(text)} — Owner: ${oneLine(text)}`)
      expect(li, `task "${text}"`).toBeDefined()
      const sub = [...(li?.querySelectorAll('li') ?? [])].map((l) => l.textContent ?? '')
      expect(sub).toContain(`Notes: ${asTyped(text)}`)
    }
    const long = items.find((l) => ownText(l) === 'Long one')
    const parts = [...(long?.querySelectorAll('li') ?? [])].map((l) => l.textContent?.replace(/\n$/, ''))
    expect(parts).toEqual([`Notes: ${asTyped(notes)}`, `Evidence: ${asTyped(evidence)}`])
  })

  it('names the functions that rely on each supplier of a supplier register, hostile names as typed', () => {
    const register: Section = {
      id: 'reg',
      planId: 'p1',
      order: 'a3',
      title: 'Supplier register',
      guidance: '',
      role: 'supplier-register',
      fields,
      updatedAt: CREATED,
    }
    const cloud = item('reg', { id: 'cloud', text: 'Cloud host' })
    const spare = item('reg', { id: 'spare', text: 'Spare courier' })
    const relying = new Map([['cloud', ['Payroll (Head office)', ...HOSTILE.slice(0, 12)]]])
    const doc = render(planToMarkdown({ plan, sections: [...sections, register], items: [cloud, spare] }, NOW, new Map(), relying))
    const table = [...doc.querySelectorAll('table')].at(-1)
    const header = [...(table?.querySelectorAll('th') ?? [])].map((th) => th.textContent)
    const col = header.indexOf('Functions that rely on it')
    expect(col).toBe(header.length - 1)
    const rows = [...(table?.querySelectorAll('tbody tr') ?? [])].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))
    expect(rows.map((r) => [r[0], r[col]])).toEqual([
      ['Cloud host', ['Payroll (Head office)', ...HOSTILE.slice(0, 12)].map(oneLine).join(', ')],
      ['Spare courier', ''],
    ])
  })

  it('keeps typed rows in table cells as typed, and their notes and evidence below the table', () => {
    const rows = [...doc.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? ''))
    for (const text of HOSTILE) {
      const row = rows.find((r) => r[0] === oneLine(text))
      expect(row, `row "${text}"`).toBeDefined()
      expect(row?.[4]).toBe(oneLine(text))
      // Links by name: one in another plan (named by the caller), one removed, one in the same plan.
      expect(row?.[5]).toBe('Payroll bureau [EU], a removed item')
      expect(row?.[6]).toBe('Cloud host')
    }
    const afterTable = [...doc.querySelectorAll('table + p + ul > li')]
    expect(afterTable.length).toBe(HOSTILE.length)
    for (const [i, text] of HOSTILE.entries()) {
      const li = afterTable[i]
      expect(ownText(li)).toBe(oneLine(text))
      expect([...(li?.querySelectorAll('li') ?? [])].map((l) => l.textContent)).toEqual([`Notes: ${asTyped(text)}`, `Evidence: ${asTyped(text)}`])
    }
  })
})
