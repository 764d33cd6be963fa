import { describe, expect, it } from 'vitest'
import { csvFileName, sectionToCsv } from '../../src/domain/csv'
import { slugify } from '../../src/domain/slug'
import type { FieldDef, Item, Section } from '../../src/domain/model'
import { SUPPLIER_REGISTER_FIELDS } from '../../src/domain/section-roles'
import { makeItemRow, makeSectionRow } from '../support/factories'

const NOW = '2026-11-28T12:00:00.000Z'
const BOM = '\uFEFF'

const section = (fields: FieldDef[] = [], over: Partial<Section> = {}): Section =>
  makeSectionRow({ id: 's1', planId: 'p1', title: 'Supplier register', fields, updatedAt: NOW, ...over })
const item = (over: Partial<Item> = {}): Item => makeItemRow({ sectionId: 's1', updatedAt: NOW, ...over })

/** The CSV without its BOM, split into lines (the final CRLF leaves one empty string at the end). */
function body(csv: string): string[] {
  expect(csv.startsWith(BOM)).toBe(true)
  return csv.slice(BOM.length).split('\r\n')
}

const supplierFields: FieldDef[] = [
  { id: 'tier', label: 'Tier', type: 'select', options: ['Critical', 'Important'] },
  { id: 'rto', label: 'RTO', type: 'duration' },
  { id: 'score', label: 'Score', type: 'number' },
  { id: 'contact', label: 'Contact', type: 'contact' },
]

describe('sectionToCsv', () => {
  it('starts with a UTF-8 BOM and ends every line, the last included, with CRLF', () => {
    const csv = sectionToCsv(section(), [item({ text: 'Café Müller' })])
    expect(csv).toBe(`${BOM}Item,Status,Owner,Due,Notes,Evidence\r\nCafé Müller,Open,,,,\r\n`)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
  })

  it('puts the columns in order: Item, Status, Owner, Due, each field label, Notes, Evidence', () => {
    const csv = sectionToCsv(section(supplierFields), [
      item({
        text: 'Acme Hosting',
        status: 'not-applicable',
        owner: 'Sam',
        due: '2027-01-15',
        notes: 'n',
        evidence: 'e',
        values: { tier: 'Critical', rto: 240, score: 3, contact: 'ops@acme.test' },
      }),
    ])
    expect(body(csv)).toEqual([
      'Item,Status,Owner,Due,Tier,RTO,Score,Contact,Notes,Evidence',
      'Acme Hosting,Not applicable,Sam,2027-01-15,Critical,4h,3,ops@acme.test,n,e',
      '',
    ])
  })

  it('names the functions that rely on each supplier of a supplier register, after the fields', () => {
    const register = section([...SUPPLIER_REGISTER_FIELDS], { role: 'supplier-register' })
    const relying = new Map([['cloud', ['Payroll (Head office)', 'Website']]])
    const csv = sectionToCsv(
      register,
      [item({ id: 'cloud', text: 'Cloud host', notes: 'n' }), item({ id: 'spare', text: 'Spare courier' })],
      new Map(),
      relying,
    )
    const [header, cloud, spare] = body(csv)
    expect(header?.endsWith(',Functions that rely on it,Notes,Evidence')).toBe(true)
    expect(cloud?.endsWith(',"Payroll (Head office), Website",n,')).toBe(true)
    expect(spare?.endsWith(',,,')).toBe(true)
    // Only a supplier register has the column.
    expect(body(sectionToCsv(section(supplierFields), [], new Map(), relying))[0]).not.toContain('rely')
  })

  it('formats durations in units and leaves missing values empty', () => {
    const csv = sectionToCsv(section(supplierFields), [item({ text: 'A', values: { rto: 1500 } }), item({ text: 'B', values: { rto: 30, tier: null } })])
    expect(body(csv).slice(1)).toEqual(['A,Open,,,,1d 1h,,,,', 'B,Open,,,,30m,,,,', ''])
  })

  it('quotes fields holding commas, double quotes, CR or LF and doubles inner quotes', () => {
    const csv = sectionToCsv(section(), [
      item({ text: 'Acme, Inc.', owner: 'Sam "the man"', notes: 'line 1\nline 2', evidence: 'a\r\nb' }),
      item({ text: 'cr\ronly', owner: 'plain' }),
    ])
    expect(csv).toBe(
      `${BOM}Item,Status,Owner,Due,Notes,Evidence\r\n` + '"Acme, Inc.",Open,"Sam ""the man""",,"line 1\nline 2","a\r\nb"\r\n' + '"cr\ronly",Open,plain,,,\r\n',
    )
  })

  it('neutralises cells that a spreadsheet would run as a formula, and quotes tabs and semicolons', () => {
    const fields: FieldDef[] = [{ id: 'note', label: 'Note', type: 'text' }]
    const csv = sectionToCsv(section(fields), [
      item({ text: '=HYPERLINK("http://x","y")', owner: "+1+cmd|' /C calc'!A0", notes: '-2+3', evidence: '@SUM(A1)', values: { note: '\tcmd' } }),
      item({ text: '\r=1+1', values: { note: 'a;=1+1' } }),
      item({ text: '+A1', owner: '-B2', notes: '=1', evidence: '+44 (0)20 CALL', values: { note: '\0=1+1' } }),
    ])
    expect(body(csv)).toEqual([
      'Item,Status,Owner,Due,Note,Notes,Evidence',
      `"'=HYPERLINK(""http://x"",""y"")",Open,'+1+cmd|' /C calc'!A0,,"'\tcmd",'-2+3,'@SUM(A1)`,
      `"'\r=1+1",Open,,,"a;=1+1",,`,
      `'+A1,Open,'-B2,,'\0=1+1,'=1,'+44 (0)20 CALL`,
      '',
    ])
  })

  it('leaves phone numbers and plain numbers as typed: no apostrophe shows in the spreadsheet', () => {
    const fields: FieldDef[] = [
      { id: 'delta', label: 'Delta', type: 'number' },
      { id: 'phone', label: 'Phone', type: 'contact' },
    ]
    const csv = sectionToCsv(section(fields), [
      item({ text: 'Budget', values: { delta: -5, phone: '+44 20 7946 0958' } }),
      item({ text: 'Desk', owner: '-5', notes: '+1 (555) 010-9999', values: { phone: '+33 1.23.45.67.89' } }),
    ])
    expect(body(csv).slice(1, 3)).toEqual(['Budget,Open,,,-5,+44 20 7946 0958,,', 'Desk,Open,-5,,,+33 1.23.45.67.89,+1 (555) 010-9999,'])
  })

  it('names linked rows (from the caller or the same rows) and says "removed" only for rows gone', () => {
    const fields: FieldDef[] = [{ id: 'needs', label: 'Functions it needs', type: 'links', linksTo: 'function' }]
    const payroll = item({ text: 'Payroll' })
    const csv = sectionToCsv(
      section(fields),
      [payroll, item({ text: 'Invoicing', values: { needs: [payroll.id, 'elsewhere', 'gone'] }, notes: 'Paper, then =SUM later', evidence: 'Drill 2026' })],
      new Map([['elsewhere', 'Cloud host']]),
    )
    expect(body(csv)[2]).toBe('Invoicing,Open,,,"Payroll, Cloud host, a removed item","Paper, then =SUM later",Drill 2026')
  })

  it('neutralises field labels in the header too', () => {
    const csv = sectionToCsv(section([{ id: 'f', label: '=cmd|x', type: 'text' }]), [])
    expect(csv).toBe(`${BOM}Item,Status,Owner,Due,'=cmd|x,Notes,Evidence\r\n`)
  })

  it('lists only the section’s items, in `order` rather than array order', () => {
    const csv = sectionToCsv(section(), [
      item({ text: 'third', order: 'a3' }),
      item({ text: 'other section', sectionId: 's2', order: 'a0' }),
      item({ text: 'first', order: 'a1' }),
      item({ text: 'second', order: 'a1V' }),
    ])
    expect(body(csv).map((l) => l.split(',')[0])).toEqual(['Item', 'first', 'second', 'third', ''])
  })
})

describe('file names', () => {
  it('slugifies plan and section titles before the date', () => {
    expect(csvFileName('Supplier Review', 'Supplier register', '2026-11-28')).toBe('supplier-review-supplier-register-2026-11-28.csv')
  })
  it('drops accents and collapses punctuation into single dashes', () => {
    expect(csvFileName('  Café -- Müller & Co. ', 'BIA: Straße / Ærø!', '2026-01-02')).toBe('cafe-muller-co-bia-strasse-aero-2026-01-02.csv')
  })
  it('falls back to "section" when nothing usable is left', () => {
    expect(csvFileName('???', '日本', '2026-11-28')).toBe('section-2026-11-28.csv')
  })
  it('keeps at most 80 characters before the date, without a trailing dash', () => {
    const name = csvFileName('a'.repeat(79), 'bbbb', '2026-11-28')
    expect(name).toBe(`${'a'.repeat(79)}-2026-11-28.csv`)
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(80))
    expect(slugify('Hello World', 7)).toBe('hello-w')
    expect(slugify('Hello World', 6)).toBe('hello')
  })
})
