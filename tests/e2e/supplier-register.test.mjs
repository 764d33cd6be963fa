// The supplier register reads as a table on a wide screen (one row per supplier, its columns side
// by side) and as cards on a phone (every column a labelled line, nothing sideways).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, launch, openApp, shutdown, startPreview } from './browser.mjs'

let server
let browser
const T = { timeout: 90_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)
after(() => shutdown({ browser, server }), T)

const firstRowBoxes = (page) =>
  page
    .getByTestId('supplier-register-row')
    .first()
    .evaluate((row) =>
      [...row.children].map((c) => {
        const r = c.getBoundingClientRect()
        return { top: Math.round(r.top), left: Math.round(r.left), right: Math.round(r.right) }
      }),
    )

test('a table of columns at 1280 px, cards with labelled lines at 360 px', T, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Supplier dependency review', 'Suppliers')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.url}/suppliers`)
    await page.getByTestId('supplier-register-row').first().waitFor()
    const wide = await firstRowBoxes(page)
    assert.equal(wide.length, 7)
    assert.ok(
      wide.every((c) => c.top === wide[0].top),
      'the cells of a row are not on one line',
    )
    assert.ok(
      wide.every((c, i) => i === 0 || c.left >= wide[i - 1].right - 1),
      'the columns are not side by side',
    )

    await page.setViewportSize({ width: 360, height: 800 })
    const narrow = await firstRowBoxes(page)
    assert.ok(
      narrow.every((c, i) => i === 0 || c.top > narrow[i - 1].top),
      'a card does not stack its lines',
    )
    assert.ok(
      narrow.every((c) => c.right <= 360),
      'a card runs off the screen',
    )
    const label = await page
      .getByTestId('supplier-register-row')
      .first()
      .locator('td')
      .first()
      .evaluate((td) => getComputedStyle(td, '::before').content)
    assert.equal(label, '"Criticality: "')
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 360))
  } finally {
    await context.close()
  }
})
