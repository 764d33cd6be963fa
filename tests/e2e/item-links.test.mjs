// A link to one item of a long plan (rendered only near the screen) scrolls to it, opens it and
// moves the focus there, as the dashboard's and the dependency tables' links expect.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, makeLongPlan, openApp, shutdown, startPreview } from './browser.mjs'

let server
let browser

before(async () => {
  server = await startPreview()
  browser = await launch()
})
after(() => shutdown({ browser, server }))

test('a link to an item far down a long plan brings it into view, open and focused', { timeout: 90_000 }, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    const { planId, ids } = await makeLongPlan(page, 400)

    await page.goto(`${server.url}/plans/${planId}?item=${ids[350]}`)
    const focused = page.locator('.item-text:focus')
    await focused.waitFor()
    assert.equal((await focused.innerText()).trim(), 'Bulk item 350')
    assert.equal(await focused.getAttribute('aria-expanded'), 'true')
    const box = await focused.boundingBox()
    const height = page.viewportSize()?.height ?? 0
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `item 350 is off screen at ${JSON.stringify(box)}`)
    // Far down a long list: only part of the plan is in the page, so this went through the virtual list.
    assert.ok((await page.getByTestId('item').count()) < 200, 'every row is rendered: the test proves less')
  } finally {
    await context.close()
  }
})

test('at 360 px, a link to an item far down keeps its focus while the rows around it are measured', { timeout: 90_000 }, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await page.setViewportSize({ width: 360, height: 900 })
    const { planId, ids } = await makeLongPlan(page, 400)
    // The plan opened first, as someone who then follows a link from the dashboard would have.
    await page.goto(`${server.url}/plans/${planId}`)
    await page.getByTestId('item').first().waitFor()

    await page.goto(`${server.url}/plans/${planId}?item=${ids[350]}`)
    const focused = page.locator('.item-text:focus')
    await focused.waitFor()
    // Still focused once the rows scrolled into view have been measured and placed.
    await page.waitForTimeout(500)
    assert.equal((await focused.innerText()).trim(), 'Bulk item 350')
    const box = await focused.boundingBox()
    assert.ok(box && box.y >= 0 && box.y + box.height <= 900, `item 350 is off screen at ${JSON.stringify(box)}`)
  } finally {
    await context.close()
  }
})
