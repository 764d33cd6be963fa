// The plan's other formats as downloaded from the app: the .xlsx (its writer fetched only when asked
// for) read back by ExcelJS with typed cells, and CSV and Markdown naming every linked row — a
// supplier in another plan, a function in the same plan, the functions that rely on a supplier —
// as the screen does.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { launch, shutdown, startPreview } from './browser.mjs'
import { seedOutputs } from './outputs-data.mjs'

let server
let browser
const T = { timeout: 180_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

async function download(page, name) {
  const button = page.getByRole('button', { name, exact: true })
  if (!(await button.isVisible())) await page.getByText('Other formats', { exact: true }).click()
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()])
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) }
}

test('.xlsx, CSV and Markdown downloads hold typed cells and name every linked row', T, async () => {
  const context = await browser.newContext({ acceptDownloads: true })
  const page = await context.newPage()
  const scripts = []
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url())
  })
  try {
    await page.goto(server.url, { waitUntil: 'load' })
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    const { plans, items } = await seedOutputs(page)
    const names = new Map(items.map((i) => [i.id, i.text]))

    // The supplier register as .xlsx: text, numbers and dates typed.
    await page.goto(`${server.url}/plans/${plans.suppliers}`)
    await page.getByLabel('Plan title').waitFor()
    const before = scripts.length
    const xlsx = await download(page, 'Excel (.xlsx): Supplier register')
    assert.match(xlsx.name, /^key-suppliers-supplier-register-\d{4}-\d{2}-\d{2}\.xlsx$/)
    assert.ok(scripts.length > before, 'the spreadsheet writer was not fetched on demand (already loaded before?)')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.bytes)
    const sheet = book.worksheets[0]
    const header = sheet.getRow(1).values.slice(1)
    const col = (label) => header.indexOf(label) + 1
    const first = items
      .filter((i) => i.planId === plans.suppliers && 'criticality' in i.values)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))[0]
    const row = sheet.getRow(2)
    assert.equal(row.getCell(col('Item')).value, first.text)
    assert.equal(row.getCell(col('Review every (days)')).type, ExcelJS.ValueType.Number)
    assert.equal(row.getCell(col('Review every (days)')).value, first.values.reviewEveryDays)
    assert.equal(row.getCell(col('Contract end')).type, ExcelJS.ValueType.Date)
    assert.equal(row.getCell(col('Contract end')).value.toISOString().slice(0, 10), first.values.contractEnd)
    assert.equal(row.getCell(col('Notes')).value, first.notes)
    assert.equal(row.getCell(col('Evidence')).value, first.evidence)
    // A supplier that functions (in another plan) rely on: the relation is stored on the functions,
    // and every output of the register names them, as the supplier's row does.
    const byOrder = (a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)
    const relyingOn = (s) =>
      items
        .filter((i) => i.values.suppliers?.includes(s.id))
        .sort(byOrder)
        .map((i) => i.text)
    const relied = items.find((i) => i.planId === plans.suppliers && relyingOn(i).length >= 2)
    assert.ok(relied, 'the seed links no supplier to two functions')
    const relying = relyingOn(relied)
    const reliedRow = sheet.getRows(2, sheet.rowCount - 1).find((r) => r.getCell(col('Item')).value === relied.text)
    assert.equal(reliedRow?.getCell(col('Functions that rely on it')).value, relying.join(', '))
    const supplierCsv = (await download(page, 'CSV: Supplier register')).bytes.toString('utf8')
    const supplierLine = supplierCsv.split('\r\n').find((l) => l.startsWith(relied.text))
    assert.ok(supplierLine?.includes(`"${relying.join(', ')}"`), `the supplier's CSV row does not name the functions that rely on it: ${supplierLine}`)
    const supplierMd = (await download(page, 'Markdown (.md)')).bytes.toString('utf8')
    assert.ok(supplierMd.includes(`| ${relying.join(', ')} |`), 'the Markdown supplier register does not name the functions that rely on a supplier')

    // The impact analysis as CSV and the whole plan as Markdown: links by name.
    await page.goto(`${server.url}/plans/${plans.continuity}`)
    await page.getByLabel('Plan title').waitFor()
    const fn = items.find((i) => i.planId === plans.continuity && Array.isArray(i.values.dependsOn) && i.values.dependsOn.length > 0)
    const suppliersOf = fn.values.suppliers.map((id) => names.get(id)).join(', ')
    const dependsOn = fn.values.dependsOn.map((id) => names.get(id)).join(', ')
    const csv = (await download(page, 'CSV: Business impact analysis')).bytes.toString('utf8')
    const line = csv.split('\r\n').find((l) => l.startsWith(fn.text))
    assert.ok(line?.includes(`"${suppliersOf}"`), `the CSV row does not name its suppliers: ${line}`)
    assert.ok(line?.includes(dependsOn), `the CSV row does not name the function it needs: ${line}`)
    assert.doesNotMatch(csv, /a removed item/)
    const md = (await download(page, 'Markdown (.md)')).bytes.toString('utf8')
    assert.doesNotMatch(md, /a removed item/)
    assert.ok(md.includes(`Notes: Notes`) && md.includes('Evidence: Evidence'), 'notes or evidence missing from the Markdown')
    assert.ok(md.includes(`| ${suppliersOf} |`), 'the Markdown table does not name the suppliers')
  } finally {
    await context.close()
  }
})
