import { describe, expect, it } from 'vitest'
import { markdownFileName, planToMarkdown } from '../../src/domain/markdown'
import type { FieldDef, Item, Plan, Section } from '../../src/domain/model'
import type { PlanRows } from '../../src/domain/plan-factory'
import { makeItemRow, makePlanRow } from '../support/factories'

// Midday UTC, so the local calendar date is the same in every time zone the tests run in.
const CREATED = '2026-10-01T12:00:00.000Z'
const NOW = new Date(2026, 10, 28, 12)

const plan = (over: Partial<Plan> = {}): Plan =>
  makePlanRow({
    id: 'p1',
    kind: 'incident-response',
    title: 'Incident response',
    owner: 'Sam',
    reviewEveryDays: 90,
    createdAt: CREATED,
    updatedAt: CREATED,
    ...over,
  })

function section(id: string, order: string, title: string, over: Partial<Section> = {}): Section {
  return { id, planId: 'p1', order, title, guidance: '', role: 'checklist', fields: [], updatedAt: CREATED, ...over }
}

const item = (sectionId: string, text: string, over: Partial<Item> = {}): Item => makeItemRow({ sectionId, text, updatedAt: CREATED, ...over })

function rows(p: Plan, sections: Section[], items: Item[]): PlanRows {
  return { plan: p, sections, items }
}

/** The lines of the markdown between the `## title` heading of a section and the next heading. */
function sectionBody(md: string, title: string): string[] {
  const all = md.split('\n')
  const start = all.indexOf(`## ${title}`)
  expect(start).toBeGreaterThan(-1)
  const rest = all.slice(start + 1)
  const end = rest.findIndex((l) => l.startsWith('## '))
  return (end === -1 ? rest : rest.slice(0, end)).filter((l) => l !== '')
}

const biaFields: FieldDef[] = [
  { id: 'rto', label: 'RTO', type: 'duration' },
  { id: 'impact', label: 'Impact', type: 'text' },
]

describe('planToMarkdown', () => {
  it('writes a whole plan: title, metadata, description, sections in order as task lists or tables', () => {
    const md = planToMarkdown(
      rows(
        plan({ description: 'How we respond.\n\nSecond paragraph.', reviewedAt: '2026-11-01T12:00:00.000Z', reviewedBy: 'Alex' }),
        [
          section('s2', 'a2', 'Impact analysis', { role: 'impact-analysis', fields: biaFields }),
          section('s1', 'a1', 'First hour', { guidance: 'Stay calm.\nCall the lead.' }),
        ],
        [
          item('s1', 'Open the bridge', { status: 'done', order: 'a2' }),
          item('s1', 'Declare the incident', { order: 'a1', owner: 'Sam', due: '2027-01-15', status: 'blocked' }),
          item('s2', 'Payroll', { values: { rto: 240, impact: 'High' } }),
          item('s2', 'Website', { status: 'not-applicable' }),
        ],
      ),
      NOW,
    )
    expect(md).toBe(
      [
        '# Incident response',
        '',
        '- Kind: Incident response',
        '- Owner: Sam',
        '- Status: Active',
        '- Last reviewed: 2026-11-01 by Alex',
        '- Next review: 2027-01-30',
        '- Progress: 1/3 done',
        '- Exported: 2026-11-28',
        '',
        'How we respond.',
        '',
        'Second paragraph.',
        '',
        '## First hour',
        '',
        '> Stay calm.\\',
        '> Call the lead.',
        '',
        '- [ ] Declare the incident — Owner: Sam, due 2027-01-15, Blocked',
        '- [x] Open the bridge',
        '',
        '## Impact analysis',
        '',
        '| Item | Status | Owner | Due | RTO | Impact |',
        '| --- | --- | --- | --- | --- | --- |',
        '| Payroll | Open |  |  | 4h | High |',
        '| Website | Not applicable |  |  |  |  |',
        '',
      ].join('\n'),
    )
  })

  it('says when the plan was never reviewed and marks an overdue next review', () => {
    const md = planToMarkdown(rows(plan({ owner: '', status: 'draft', reviewEveryDays: 30 }), [], []), NOW)
    expect(md.split('\n').slice(2, 9)).toEqual([
      '- Kind: Incident response',
      '- Owner: —',
      '- Status: Draft',
      '- Last reviewed: never',
      '- Next review: 2026-10-31 (overdue)',
      '- Progress: 0/0 done',
      '- Exported: 2026-11-28',
    ])
  })

  it('ticks done items only and appends owner, due date and non-obvious status', () => {
    const md = planToMarkdown(
      rows(
        plan(),
        [section('s1', 'a1', 'Tasks')],
        [
          item('s1', 'Done one', { status: 'done', owner: 'Kim' }),
          item('s1', 'Open one'),
          item('s1', 'Skipped', { status: 'not-applicable' }),
          item('s1', 'Due only', { due: '2027-02-01' }),
        ],
      ),
      NOW,
    )
    expect(sectionBody(md, 'Tasks')).toEqual([
      '- [x] Done one — Owner: Kim',
      '- [ ] Open one',
      '- [ ] Skipped — Not applicable',
      '- [ ] Due only — due 2027-02-01',
    ])
  })

  it('puts notes and evidence on indented lines below the item, with hard breaks inside them', () => {
    const md = planToMarkdown(
      rows(
        plan(),
        [section('s1', 'a1', 'Tasks')],
        [item('s1', 'Call insurer', { notes: 'Policy 123\nin the safe', evidence: 'Ticket 9' }), item('s1', 'No extras', { notes: '   ', evidence: '' })],
      ),
      NOW,
    )
    expect(sectionBody(md, 'Tasks')).toEqual(['- [ ] Call insurer', '  - Notes: Policy 123\\', '    in the safe', '  - Evidence: Ticket 9', '- [ ] No extras'])
  })

  it('escapes markup in user text so it stays text', () => {
    const md = planToMarkdown(
      rows(
        plan(),
        [section('s1', 'a1', 'Tasks')],
        [
          item('s1', '<script>alert(1)</script>'),
          item('s1', '[link](x)'),
          item('s1', '# heading'),
          item('s1', '* bullet', {
            notes: '> quote\n1. one\n- dash\n    code\n+ plus\n=== under',
            evidence: '![img](http://x/y.png) `code` a_b_c ~~s~~ &lt; a|b \\',
          }),
        ],
      ),
      NOW,
    )
    expect(sectionBody(md, 'Tasks')).toEqual([
      '- [ ] \\<script\\>alert(1)\\</script\\>',
      '- [ ] \\[link\\](x)',
      '- [ ] \\# heading',
      '- [ ] \\* bullet',
      '  - Notes: \\> quote\\',
      '    1\\. one\\',
      '    \\- dash\\',
      '    code\\',
      '    \\+ plus\\',
      '    \\=== under',
      '  - Evidence: !\\[img\\](<http://x/y.png>) \\`code\\` a\\_b\\_c \\~\\~s\\~\\~ \\&lt; a\\|b \\\\',
    ])
  })

  it('escapes markup in the title, metadata, description, section titles and guidance', () => {
    const md = planToMarkdown(
      rows(
        plan({ title: 'Plan #1 <b>', owner: '*Sam*', description: '# Not a heading\n| a | b |\n|---|---|' }),
        [section('s1', 'a1', '## Sub', { guidance: '<img src=x onerror=alert(1)>' })],
        [],
      ),
      NOW,
    )
    const out = md.split('\n')
    expect(out[0]).toBe('# Plan \\#1 \\<b\\>')
    expect(out[3]).toBe('- Owner: \\*Sam\\*')
    expect(out.slice(10, 13)).toEqual(['\\# Not a heading\\', '\\| a \\| b \\|\\', '\\|---\\|---\\|'])
    expect(out.slice(13)).toEqual(['', '## \\#\\# Sub', '', '> \\<img src=x onerror=alert(1)\\>', '', '_No items._', ''])
  })

  it('escapes pipes and writes table cells on one line, without HTML', () => {
    const md = planToMarkdown(
      rows(
        plan(),
        [section('s1', 'a1', 'Suppliers', { fields: [{ id: 'c', label: 'Contact | phone', type: 'contact' }] })],
        [item('s1', 'Acme | Ltd', { owner: 'Sam\nKim', values: { c: 'line 1\r\nline 2 <b>' } })],
      ),
      NOW,
    )
    expect(sectionBody(md, 'Suppliers')).toEqual([
      '| Item | Status | Owner | Due | Contact \\| phone |',
      '| --- | --- | --- | --- | --- |',
      '| Acme \\| Ltd | Open | Sam Kim |  | line 1 line 2 \\<b\\> |',
    ])
  })

  it('orders items by `order` within their section and sections by `order`', () => {
    const md = planToMarkdown(
      rows(
        plan(),
        [section('b', 'a2', 'Second'), section('a', 'a1', 'First')],
        [item('b', 'b2', { order: 'a2' }), item('a', 'a1', { order: 'a1' }), item('b', 'b1', { order: 'a1' }), item('orphan', 'lost', { order: 'a0' })],
      ),
      NOW,
    )
    expect(md.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('- ['))).toEqual(['## First', '- [ ] a1', '## Second', '- [ ] b1', '- [ ] b2'])
  })

  it('is deterministic', () => {
    const r = rows(plan(), [section('s1', 'a1', 'Tasks')], [item('s1', 'One'), item('s1', 'Two')])
    expect(planToMarkdown(r, NOW)).toBe(planToMarkdown(structuredClone(r), new Date(NOW.getTime())))
  })
})

describe('markdownFileName', () => {
  it('slugifies the title and adds the date', () => {
    expect(markdownFileName('Incident Response', '2026-11-28')).toBe('incident-response-2026-11-28.md')
    expect(markdownFileName('Plan #1: Café & <Co>', '2026-11-28')).toBe('plan-1-cafe-co-2026-11-28.md')
  })
  it('falls back to "plan" when the title has nothing usable', () => {
    expect(markdownFileName('!!!', '2026-11-28')).toBe('plan-2026-11-28.md')
  })
})
