// Dependencies in a real browser: a supplier linked to two critical functions is flagged as a
// concentration on the Dependencies page and drawn in the diagram; the home page shows Readiness.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, eventually, launch, openItem, shutdown, startPreview, storedRows } from './browser.mjs'

let server
let browser

before(async () => {
  server = await startPreview()
  browser = await launch()
})
after(() => shutdown({ browser, server }))

async function linkSupplier(page, functionText, supplierText) {
  const row = await openItem(page, functionText)
  // The box follows the stored value, so click (check() expects the state to change at once).
  await row
    .getByRole('group', { name: 'Suppliers it needs' })
    .getByRole('checkbox', { name: new RegExp(supplierText) })
    .click()
  await eventually(async () => {
    const item = (await storedRows(page, 'items')).find((i) => i.text === functionText)
    assert.equal(item?.values?.suppliers?.length, 1)
  })
  // The row now names the supplier instead of counting links.
  await row.locator('.fact', { hasText: supplierText }).waitFor()
}

test('a supplier behind two critical functions is flagged and drawn', async () => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(server.url)
  await createPlan(page, 'Supplier dependency review', 'Our suppliers')
  await page.goto(server.url)
  await createPlan(page, 'Business continuity', 'Our continuity plan')

  await linkSupplier(page, 'Take customer orders', 'Cloud hosting provider')
  await linkSupplier(page, 'Answer customer support', 'Cloud hosting provider')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dependencies' }).click()
  await page.getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor()
  const flag = page.getByTestId('flag-concentration')
  await flag.waitFor()
  assert.match(await flag.innerText(), /Cloud hosting provider is behind 2 critical functions: Take customer orders, Answer customer support/)

  const diagram = page.getByRole('img', { name: /Diagram of \d+ suppliers/ })
  await diagram.waitFor()
  assert.match(await diagram.getAttribute('aria-label'), /Concentration risk: Cloud hosting provider/)
  // Lines of one look share a path: count the curves drawn, one "M" each.
  const curves = (selector) => diagram.locator(selector).evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute('d').match(/M/g) ?? []).length, 0))
  assert.equal(await curves('path.dep-link'), 2)
  assert.equal(await curves('path.dep-link-flagged'), 2)
  assert.match(await diagram.locator('.dep-flagged').first().textContent(), /Cloud hosting provider.*⚠ Concentration/)
  const box = await diagram.boundingBox()
  assert.ok(box && box.width > 300 && box.height > 100, `diagram drawn at ${JSON.stringify(box)}`)

  // The table equivalent says the same in words.
  const row = page.getByRole('table', { name: 'Suppliers and the functions that rely on them' }).getByTestId('supplier-row').first()
  assert.match(await row.innerText(), /Cloud hosting provider[\s\S]*Concentration \(2 critical\)/)
  // On screen the tables are grids of row groups (so long ones skip off-screen layout); printed, real tables.
  await page.emulateMedia({ media: 'print' })
  await eventually(async () => assert.equal(await row.evaluate((r) => getComputedStyle(r).display), 'table-row'))
  await page.emulateMedia({ media: 'screen' })

  // A name in the flags opens that row of the register: its details open, the focus on it.
  await flag.getByRole('link', { name: 'Cloud hosting provider' }).click()
  await page.waitForURL(/\/plans\/[^/?]+\?item=/)
  const focused = page.locator('.item-text:focus')
  await focused.waitFor()
  assert.equal((await focused.innerText()).trim(), 'Cloud hosting provider')
  assert.equal(await focused.getAttribute('aria-expanded'), 'true')

  // The home page shows the readiness dashboard with the calendar export.
  await page.getByRole('link', { name: 'Plans', exact: true }).click()
  await page.getByRole('heading', { name: 'Readiness' }).waitFor()
  await page.getByRole('button', { name: 'Export calendar (.ics)' }).waitFor()
  assert.deepEqual(errors, [])
  await context.close()
})
