// A printed copy is the last line when every screen is down: in print, the plan's content shows and
// the app's chrome (bar, navigation, buttons, filters, add forms) does not.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, itemTexts, launch, openApp, shutdown, startPreview } from './browser.mjs'

let server
let browser
const T = { timeout: 60_000 }
const SHOT = '/tmp/continuity-kit-print.png'

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

/** Elements among `locator`'s matches that are visible. */
async function visibleCount(locator) {
  let n = 0
  for (const el of await locator.all()) if (await el.isVisible()) n++
  return n
}

async function assertPrintedContent(page, sectionTitles, texts) {
  const sections = page.getByRole('textbox', { name: 'Section title', exact: true })
  assert.deepEqual(await Promise.all((await sections.all()).map((s) => s.inputValue())), sectionTitles, 'sections differ in print')
  for (const s of await sections.all()) assert.ok(await s.isVisible(), `section "${await s.inputValue()}" is not printed`)
  assert.deepEqual(await itemTexts(page), texts, 'items differ in print')
  const items = page.locator('[data-testid="item"] .item-text')
  for (const item of await items.all()) assert.ok(await item.isVisible(), `item "${await item.innerText()}" is not printed`)
  assert.ok(await page.getByLabel('Plan title').isVisible(), 'the plan title is not printed')
}

test('print shows every section and item, and hides the app bar, navigation and buttons', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Incident response procedure', 'IR plan for print')
    const sectionTitles = await Promise.all((await page.getByRole('textbox', { name: 'Section title', exact: true }).all()).map((s) => s.inputValue()))
    const texts = await itemTexts(page)
    assert.ok(sectionTitles.length >= 3 && texts.length >= 10, 'the template has too little content to test')
    // On screen the chrome is there, so hiding it in print means something.
    const chrome = [
      page.locator('header.app-bar'),
      page.getByRole('navigation', { name: 'Main' }),
      ...['Mark reviewed', 'Print', 'Duplicate', 'Delete'].map((name) => page.getByRole('button', { name, exact: true })),
      page.getByRole('search', { name: 'Filter items' }),
      page.getByRole('button', { name: 'Add section' }),
    ]
    for (const c of chrome) assert.ok(await c.isVisible(), `${c} is not visible on screen`)
    assert.ok(await visibleCount(page.getByRole('button', { name: /^Move item (up|down):/ })) > 0)

    await page.emulateMedia({ media: 'print' })
    for (const c of chrome) assert.equal(await c.isVisible(), false, `${c} is printed`)
    for (const [name, pattern] of [
      ['move buttons', /^Move (item|section) (up|down):/],
      ['add-item buttons', /^Add item$/],
      ['section tools', /^(Collapse|Expand) section |^Guidance and fields of |^Delete section /],
    ]) assert.equal(await visibleCount(page.getByRole('button', { name: pattern })), 0, `${name} are printed`)
    assert.equal(await visibleCount(page.getByRole('textbox', { name: /^New item in / })), 0, 'add-item inputs are printed')
    await assertPrintedContent(page, sectionTitles, texts)
    await page.screenshot({ path: SHOT, fullPage: true })
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})

// Known app bug (todo until fixed): buildRows() leaves out the items of collapsed sections, and the
// print path does not bypass it (src/features/checklist/checklist-rows.ts, `if (collapsed.has(...)) return`).
test('a section collapsed on screen still prints its items', { ...T, todo: 'app bug: collapsed sections print without their items' }, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Incident response procedure')
    const sectionTitles = await Promise.all((await page.getByRole('textbox', { name: 'Section title', exact: true }).all()).map((s) => s.inputValue()))
    const texts = await itemTexts(page)
    await page.getByRole('button', { name: `Collapse section ${sectionTitles[0]}` }).click()
    await page.getByRole('button', { name: `Expand section ${sectionTitles[0]}` }).waitFor()
    await page.emulateMedia({ media: 'print' })
    await assertPrintedContent(page, sectionTitles, texts)
  } finally {
    await context.close()
  }
})

// Known app bug (todo until fixed): text areas keep their on-screen rows in print, so a long
// description (or notes) is cut off on paper: the print style lets no textarea grow to its content.
test('a long description is printed in full, not cut off', { ...T, todo: 'app bug: textareas are clipped in print' }, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Incident response procedure')
    await page.emulateMedia({ media: 'print' })
    const description = page.getByLabel('Description', { exact: true })
    assert.ok((await description.inputValue()).length > 300, 'the template description is too short to test')
    const { scrollHeight, clientHeight } = await description.evaluate((t) => ({ scrollHeight: t.scrollHeight, clientHeight: t.clientHeight }))
    assert.ok(scrollHeight <= clientHeight + 1, `the printed description is cut off: ${scrollHeight}px of text in a ${clientHeight}px box`)
  } finally {
    await context.close()
  }
})
