// The .xlsx export written by write-excel-file and read back cell by cell by another library
// (ExcelJS): text stays text (a phone number too), numbers are numbers, dates are dates, links name
// their rows, notes and evidence are there, and nothing is a formula.
import ExcelJS from 'exceljs'
import writeXlsxFile from 'write-excel-file/node'
import { describe, expect, it } from 'vitest'
import type { FieldDef, Item, Section } from '../../src/domain/model'
import { NO_RELYING } from '../../src/domain/relying-functions'
import { SUPPLIER_REGISTER_FIELDS } from '../../src/domain/section-roles'
import { sectionTable } from '../../src/domain/section-table'
import { sectionSheet, sheetName } from '../../src/domain/xlsx'
import { makeItemRow } from '../support/factories'

const NOW = '2026-11-28T12:00:00.000Z'
const fields: FieldDef[] = [
  { id: 'phone', label: 'Support line', type: 'contact' },
  { id: 'every', label: 'Review every (days)', type: 'number' },
  { id: 'end', label: 'Contract end', type: 'date' },
  { id: 'rto', label: 'RTO', type: 'duration' },
  { id: 'fns', label: 'Functions it needs', type: 'links', linksTo: 'function' },
]
const section: Section = {
  id: 's1',
  planId: 'p1',
  order: 'a1',
  title: 'Supplier register: EU/UK [main]',
  guidance: '',
  role: 'checklist',
  fields,
  updatedAt: NOW,
}
const item = (over: Partial<Item>): Item => makeItemRow({ sectionId: 's1', updatedAt: NOW, ...over })

async function readBack(buffer: Buffer) {
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(buffer as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) throw new Error('no sheet')
  return sheet
}

describe('the .xlsx export', () => {
  it('reads back with typed cells: text, numbers and dates', async () => {
    const rows = [
      item({
        text: '=HYPERLINK("http://evil","x")',
        owner: '+44 20 7946 0958',
        due: '2027-01-31',
        notes: 'Call first.\nThen e-mail.',
        evidence: 'Contract in drawer 2',
        values: { phone: '+44 20 7946 0958', every: 90, end: '2026-12-31', rto: 240, fns: ['f1', 'gone'] },
      }),
      item({ text: '00123', status: 'done', values: { phone: '0800 123 456', every: -5.5 } }),
    ]
    const table = sectionTable(section, rows, new Map([['f1', 'Payroll']]), NO_RELYING)
    const { data, options } = sectionSheet(table, section.title)
    const sheet = await readBack(await writeXlsxFile(data, options as never).toBuffer())

    expect(sheet.name).toBe('Supplier register EU UK main')
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Item',
      'Status',
      'Owner',
      'Due',
      'Support line',
      'Review every (days)',
      'Contract end',
      'RTO',
      'Functions it needs',
      'Notes',
      'Evidence',
    ])
    const V = ExcelJS.ValueType
    const expectCell = (row: number, col: number, type: ExcelJS.ValueType, value: unknown) => {
      const c = sheet.getRow(row).getCell(col)
      expect({ at: c.address, type: c.type, value: c.value }).toEqual({ at: c.address, type, value })
    }
    expectCell(2, 1, V.String, '=HYPERLINK("http://evil","x")')
    expectCell(2, 2, V.String, 'Open')
    expectCell(2, 3, V.String, '+44 20 7946 0958')
    expectCell(2, 4, V.Date, new Date(Date.UTC(2027, 0, 31)))
    expectCell(2, 5, V.String, '+44 20 7946 0958')
    expectCell(2, 6, V.Number, 90)
    expectCell(2, 7, V.Date, new Date(Date.UTC(2026, 11, 31)))
    expectCell(2, 8, V.String, '4h')
    expectCell(2, 9, V.String, 'Payroll, a removed item')
    expectCell(2, 10, V.String, 'Call first.\nThen e-mail.')
    expectCell(2, 11, V.String, 'Contract in drawer 2')
    expectCell(3, 1, V.String, '00123')
    expectCell(3, 2, V.String, 'Done')
    expectCell(3, 4, V.Null, null)
    expectCell(3, 5, V.String, '0800 123 456')
    expectCell(3, 6, V.Number, -5.5)
    // Text cells are declared text, so Excel does not turn "00123" or a phone number into a number.
    expect(sheet.getRow(3).getCell(1).numFmt).toBe('@')
    expect(sheet.getRow(2).getCell(4).numFmt).toBe('yyyy-mm-dd')
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(V.Formula)))
  })

  it('names the functions that rely on each supplier of a supplier register, in the column the screen shows', async () => {
    const register: Section = { ...section, role: 'supplier-register', fields: [...SUPPLIER_REGISTER_FIELDS] }
    const rows = [item({ id: 'cloud', text: 'Cloud host', notes: 'n' }), item({ id: 'spare', text: 'Spare courier' })]
    const relying = new Map([['cloud', ['Payroll (Head office)', 'Payroll (Head office copy)', 'Website']]])
    const { data, options } = sectionSheet(sectionTable(register, rows, new Map(), relying), register.title)
    const sheet = await readBack(await writeXlsxFile(data, options as never).toBuffer())
    const header = (sheet.getRow(1).values as unknown[]).slice(1)
    // After the fields, before the notes, as on the supplier's row.
    expect(header.slice(-3)).toEqual(['Functions that rely on it', 'Notes', 'Evidence'])
    const col = header.indexOf('Functions that rely on it') + 1
    expect(sheet.getRow(2).getCell(col).type).toBe(ExcelJS.ValueType.String)
    expect(sheet.getRow(2).getCell(col).value).toBe('Payroll (Head office), Payroll (Head office copy), Website')
    expect(sheet.getRow(2).getCell(col + 1).value).toBe('n')
    expect(sheet.getRow(3).getCell(col).value).toBeNull()
  })

  it('makes a sheet name Excel accepts', () => {
    expect(sheetName('a'.repeat(40))).toHaveLength(31)
    expect(sheetName('[]:*?/\\')).toBe('Sheet1')
    expect(sheetName("'Quoted'")).toBe('Quoted')
    expect(sheetName('History')).toBe('History (section)')
  })
})
