// A printed copy is the last line when every screen is down: in print media the plan's content
// shows in full (every section, every item, what was ticked, notes and typed values) and the app's
// chrome (bar, navigation, buttons, filters, add forms) does not. Checked by what is visible, not by
// how the paper layout is built.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, eventually, itemTexts, launch, makeLongPlan, openApp, openItem, shutdown, startPreview, waitForStoredItem } from './browser.mjs'

let server
let browser
const T = { timeout: 60_000 }
const SHOT = '/tmp/continuity-kit-print.png'

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** How many of the locator's matches are visible (one round trip, fine for hundreds). */
function visibleCount(locator) {
  return locator.evaluateAll((els) => els.filter((e) => e.checkVisibility()).length)
}

/** Fails unless some visible element's text starts with `text` (a heading, a cell, a list entry…). */
async function assertPrinted(page, text, what) {
  const n = await visibleCount(page.getByText(new RegExp(`^\\s*${escape(text)}`)))
  assert.ok(n > 0, `${what} "${text}" is not printed`)
}

async function sectionTitles(page) {
  return Promise.all((await page.getByRole('textbox', { name: 'Section title', exact: true }).all()).map((s) => s.inputValue()))
}

test('print shows the whole plan and none of the app chrome', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Business continuity plan', 'Head office continuity')
    await page.getByRole('checkbox', { name: 'Define the scope', exact: true }).check()
    const row = await openItem(page, 'Take customer orders')
    await row.getByLabel('Notes', { exact: true }).fill('Paper order forms are in the red folder.')
    await row.getByLabel('Notes', { exact: true }).blur()
    await waitForStoredItem(page, 'Take customer orders', (i) => assert.match(i.notes, /red folder/))
    await waitForStoredItem(page, 'Define the scope', (i) => assert.equal(i.status, 'done'))

    const sections = await sectionTitles(page)
    const texts = await itemTexts(page)
    assert.ok(sections.length >= 5 && texts.length >= 20, 'the template has too little content to test')
    // On screen the chrome is there, so its absence in print means something.
    const chrome = {
      'app bar': page.locator('header.app-bar'),
      navigation: page.getByRole('navigation', { name: 'Main' }),
      filters: page.getByRole('search', { name: 'Filter items' }),
      'Mark reviewed': page.getByRole('button', { name: 'Mark reviewed', exact: true }),
      'Add section': page.getByRole('button', { name: 'Add section', exact: true }),
      'add-item inputs': page.getByRole('textbox', { name: /^New item in / }),
      'move buttons': page.getByRole('button', { name: /^Move item (up|down):/ }),
    }
    for (const [name, locator] of Object.entries(chrome)) assert.ok((await visibleCount(locator)) > 0, `${name}: not visible on screen`)

    await page.emulateMedia({ media: 'print' })
    await eventually(() => assertPrinted(page, 'Head office continuity', 'the plan title'))
    for (const [name, locator] of Object.entries(chrome)) assert.equal(await visibleCount(locator), 0, `${name}: printed`)
    assert.equal(await visibleCount(page.getByRole('button')), 0, 'buttons are printed')
    for (const s of sections) await assertPrinted(page, s, 'section')
    for (const t of texts) await assertPrinted(page, t, 'item')
    await assertPrinted(page, 'Notes: Paper order forms are in the red folder.', 'the notes of an item')
    // A ticked item says so in words on paper; a typed value (RTO) is printed with its label.
    const done = await page
      .getByText(/Define the scope/)
      .evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.closest('li, tr, .print-record')?.innerText ?? ''))
    assert.ok(
      done.some((t) => /Done/.test(t)),
      `the ticked item does not read as done on paper: ${JSON.stringify(done)}`,
    )
    assert.ok((await visibleCount(page.getByText('RTO', { exact: true }))) > 0, 'the RTO label is not printed')
    const orders = await page
      .getByText(/^\s*Take customer orders/)
      .evaluateAll((els) => els.filter((e) => e.checkVisibility()).map((e) => e.closest('li, tr, .print-record')?.innerText ?? ''))
    assert.ok(
      orders.some((t) => /\b4h\b/.test(t)),
      `the RTO of "Take customer orders" (4h) is not printed: ${JSON.stringify(orders)}`,
    )

    await page.screenshot({ path: SHOT, fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    await page.getByRole('button', { name: 'Mark reviewed', exact: true }).waitFor()
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})

test('a section collapsed on screen still prints its items', T, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Incident response procedure')
    const [first] = await sectionTitles(page)
    const texts = await itemTexts(page)
    await page.getByRole('button', { name: `Collapse section ${first}` }).click()
    await page.getByRole('button', { name: `Expand section ${first}` }).waitFor()
    assert.ok((await itemTexts(page)).length < texts.length, 'collapsing hid nothing')
    await page.emulateMedia({ media: 'print' })
    await eventually(() => assertPrinted(page, texts[0], 'item'))
    for (const t of texts) await assertPrinted(page, t, 'item')
  } finally {
    await context.close()
  }
})

test('a long description prints in full, not cut off', T, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Incident response procedure')
    const description = await page.getByLabel('Description', { exact: true }).inputValue()
    assert.ok(description.length > 300, 'the template description is too short to test')
    await page.emulateMedia({ media: 'print' })
    const tail = description.slice(-40)
    await eventually(async () => {
      // Where the description's end is printed, it must not be clipped by its box.
      const boxes = await page
        .getByText(tail)
        .evaluateAll((els) =>
          els.filter((e) => e.checkVisibility()).map((e) => ({ text: e.value ?? e.textContent, scroll: e.scrollHeight, client: e.clientHeight })),
        )
      assert.ok(boxes.length > 0, 'the end of the description is not printed')
      for (const b of boxes) assert.ok(b.scroll <= b.client + 1, `the printed description is cut off: ${b.scroll}px of text in a ${b.client}px box`)
    })
  } finally {
    await context.close()
  }
})

test('a long plan (virtualised on screen) prints every item', { timeout: 90_000 }, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await makeLongPlan(page, 300)
    await page.reload({ waitUntil: 'load' })
    await page.getByTestId('item').first().waitFor()
    const bulk = page.getByText(/^\s*Bulk item \d+\s*$/)
    assert.ok((await visibleCount(bulk)) < 300, 'all 300 rows are on screen: nothing is virtualised, the test proves less')

    await page.emulateMedia({ media: 'print' })
    await eventually(async () => assert.equal(await visibleCount(bulk), 300, 'not every item of a long plan is printed'))
  } finally {
    await context.close()
  }
})
