// Two tabs on one plan: each shows the other's changes without a reload, and two people (or one
// person in two tabs) editing two items at the same moment both keep their edits.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, eventually, itemRow, launch, openApp, openItem, shutdown, startPreview, waitForStoredItem } from './browser.mjs'

let server
let browser
const T = { timeout: 60_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

/** Tab A creates a plan; tab B opens the same plan in the same browser profile. */
async function twoTabs(fn) {
  const { context, page: a, errors } = await openApp(browser, server.url)
  try {
    await createPlan(a, 'Business continuity plan', 'Shared plan')
    const b = await context.newPage()
    b.on('pageerror', (e) => errors.push(String(e)))
    await b.goto(a.url(), { waitUntil: 'load' })
    await b.getByTestId('item').first().waitFor()
    await fn(a, b)
    assert.deepEqual(errors, [], 'a page threw')
  } finally {
    await context.close()
  }
}

test('a change in one tab shows in the other without a reload', T, () =>
  twoTabs(async (a, b) => {
    const text = 'Define the scope'
    const navigations = []
    b.on('framenavigated', (f) => {
      if (f === b.mainFrame()) navigations.push(f.url())
    })
    await b.evaluate(() => {
      window.__sameDocument = true
    })

    const boxB = b.getByRole('checkbox', { name: text, exact: true })
    assert.equal(await boxB.isChecked(), false)
    const progressB = b.getByRole('progressbar', { name: /^Plan progress/ })
    assert.match(await progressB.getAttribute('aria-label'), /: 0%$/)
    await a.getByRole('checkbox', { name: text, exact: true }).check()
    await eventually(async () => assert.equal(await boxB.isChecked(), true, 'tab B does not show the tick'))
    assert.match(await itemRow(b, text).innerText(), /Done/)
    await eventually(async () => assert.doesNotMatch(await progressB.getAttribute('aria-label'), /: 0%$/, 'tab B progress did not move'))

    // Notes typed in A appear in B's open item (B is not editing it).
    const rowB = await openItem(b, text)
    const rowA = await openItem(a, text)
    await rowA.getByLabel('Notes', { exact: true }).fill('Covers head office and the warehouse.')
    await rowA.getByLabel('Notes', { exact: true }).blur()
    await eventually(async () => assert.equal(await rowB.getByLabel('Notes', { exact: true }).inputValue(), 'Covers head office and the warehouse.'))

    // The plan title too.
    await a.getByLabel('Plan title').fill('Shared plan, renamed')
    await a.getByLabel('Plan title').blur()
    await eventually(async () => assert.equal(await b.getByLabel('Plan title').inputValue(), 'Shared plan, renamed'))

    assert.deepEqual(navigations, [], 'tab B navigated')
    assert.equal(await b.evaluate(() => window.__sameDocument), true, 'tab B reloaded')
  }),
)

test('two tabs editing two items at the same time both keep their edits', T, () =>
  twoTabs(async (a, b) => {
    const one = 'Take customer orders'
    const two = 'Pay staff'
    const rowA = await openItem(a, one)
    const rowB = await openItem(b, two)
    const notesA = rowA.getByLabel('Notes', { exact: true })
    const notesB = rowB.getByLabel('Notes', { exact: true })
    await Promise.all([notesA.click(), notesB.click()])
    // Interleave the keystrokes of both tabs, then let both debounced saves fire together.
    await Promise.all([notesA.pressSequentially('Orders by phone.', { delay: 15 }), notesB.pressSequentially('Bank repeats last run.', { delay: 15 })])
    await Promise.all([
      waitForStoredItem(a, one, (i) => assert.equal(i.notes, 'Orders by phone.')),
      waitForStoredItem(a, two, (i) => assert.equal(i.notes, 'Bank repeats last run.')),
    ])
    // Each tab also shows the other's edit in the item it is not editing.
    await rowA.getByLabel('Owner', { exact: true }).fill('Ana')
    await eventually(async () => assert.match(await itemRow(b, one).innerText(), /Owner:\s*Ana/))

    await Promise.all([a.reload({ waitUntil: 'load' }), b.reload({ waitUntil: 'load' })])
    for (const page of [a, b]) {
      await page.getByTestId('item').first().waitFor()
      assert.equal(await (await openItem(page, one)).getByLabel('Notes', { exact: true }).inputValue(), 'Orders by phone.')
      assert.equal(await (await openItem(page, two)).getByLabel('Notes', { exact: true }).inputValue(), 'Bank repeats last run.')
      assert.equal(await itemRow(page, one).getByLabel('Owner', { exact: true }).inputValue(), 'Ana')
    }
  }),
)
