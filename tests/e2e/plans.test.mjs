// Working on a plan: edits that survive a reload, validation that keeps the last good value,
// keyboard reordering, new sections and items, reviews signed with the user's name, duplicate,
// trash and restore.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  createPlan,
  eventually,
  itemRow,
  itemTexts,
  launch,
  navLink,
  openApp,
  planLink,
  openItem,
  shutdown,
  startPreview,
  storedRows,
  waitForStoredItem,
} from './browser.mjs'

let server
let browser
const T = { timeout: 60_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

/** Runs a scenario in a fresh context (its own IndexedDB); fails on any uncaught page error. */
async function scenario(fn) {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await fn(page)
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
}

async function reload(page) {
  await page.reload({ waitUntil: 'load' })
  await page.getByTestId('item').first().waitFor()
}

const ITEM = 'Take customer orders' // in "Business impact analysis", whose items carry RTO, RPO, MTPD…

test('item edits (status, owner, notes, RTO) are kept after a reload', T, () =>
  scenario(async (page) => {
    await createPlan(page, 'Business continuity plan', 'Shop continuity')
    assert.equal(await page.getByLabel('Plan title').inputValue(), 'Shop continuity')

    await page.getByRole('checkbox', { name: ITEM, exact: true }).check()
    const row = await openItem(page, ITEM)
    assert.equal(await row.getByLabel('RTO', { exact: true }).inputValue(), '4h', 'the template value of RTO is shown')
    await row.getByLabel('Owner', { exact: true }).fill('Dana Ortiz')
    await row.getByLabel('Notes', { exact: true }).fill('Phone orders go on the paper forms in the red folder.')
    await row.getByLabel('RTO', { exact: true }).fill('2h')
    await row.getByLabel('RTO', { exact: true }).blur()
    await waitForStoredItem(page, ITEM, (i) => {
      assert.equal(i.status, 'done')
      assert.equal(i.owner, 'Dana Ortiz')
      assert.match(i.notes, /red folder/)
      assert.equal(i.values.rto, 120)
    })

    await reload(page)
    const after = itemRow(page, ITEM)
    assert.ok(await page.getByRole('checkbox', { name: ITEM, exact: true }).isChecked(), 'the tick is lost')
    assert.equal(await after.getAttribute('data-status'), 'done')
    const facts = await after.innerText()
    assert.match(facts, /Done/)
    assert.match(facts, /Owner:\s*Dana Ortiz/)
    assert.match(facts, /RTO:\s*2h/)
    await openItem(page, ITEM)
    assert.equal(await after.getByLabel('Owner', { exact: true }).inputValue(), 'Dana Ortiz')
    assert.equal(await after.getByLabel('Notes', { exact: true }).inputValue(), 'Phone orders go on the paper forms in the red folder.')
    assert.equal(await after.getByLabel('RTO', { exact: true }).inputValue(), '2h')
    assert.equal(await after.getByRole('combobox', { name: 'Status', exact: true }).inputValue(), 'done')
  }),
)

test('an invalid RTO shows an error and the last good value is kept', T, () =>
  scenario(async (page) => {
    await createPlan(page, 'Business continuity plan')
    const row = await openItem(page, ITEM)
    const rto = row.getByLabel('RTO', { exact: true })
    await rto.fill('2h')
    await rto.blur()
    await waitForStoredItem(page, ITEM, (i) => assert.equal(i.values.rto, 120))

    await rto.fill('soon')
    const alert = row.getByRole('alert')
    await alert.waitFor()
    assert.match(await alert.innerText(), /RTO: "soon" is not a duration/)
    assert.equal(await rto.getAttribute('aria-invalid'), 'true')
    const describedBy = await rto.getAttribute('aria-describedby')
    assert.equal(describedBy, await alert.getAttribute('id'), 'the error is not tied to the input')
    await rto.blur()
    // Give a (wrong) save every chance to happen before checking it did not.
    await page.waitForTimeout(700)
    assert.equal((await storedRows(page, 'items')).find((i) => i.text === ITEM).values.rto, 120)

    await reload(page)
    assert.match(await itemRow(page, ITEM).innerText(), /RTO:\s*2h/)
    const again = await openItem(page, ITEM)
    assert.equal(await again.getByLabel('RTO', { exact: true }).inputValue(), '2h')
    assert.equal(await again.getByRole('alert').count(), 0, 'the error outlived the reload')
  }),
)

test('an item can be moved with the keyboard only, and the order is kept', T, () =>
  scenario(async (page) => {
    await createPlan(page, 'Business continuity plan')
    const first = "Write the plan's objective"
    const second = 'Define the scope'
    const before = await itemTexts(page)
    assert.deepEqual(before.slice(0, 2), [first, second])

    const down = page.getByRole('button', { name: `Move item down: ${first}`, exact: true })
    assert.equal(await page.getByRole('button', { name: `Move item up: ${first}`, exact: true }).isDisabled(), true, 'the first item can move up')
    await down.focus()
    await page.keyboard.press('Enter')
    await eventually(async () => assert.deepEqual((await itemTexts(page)).slice(0, 3), [second, first, 'Name the plan owner and a senior sponsor']))
    // Nothing else moved.
    const moved = await itemTexts(page)
    assert.deepEqual([...moved].sort(), [...before].sort())
    assert.deepEqual(moved.slice(2), before.slice(2))

    await reload(page)
    assert.deepEqual(await itemTexts(page), moved, 'the new order is lost after a reload')
  }),
)

test('after a keyboard move, focus stays on the move button so the next Enter moves again', T, () =>
  scenario(async (page) => {
    await createPlan(page, 'Business continuity plan')
    const first = "Write the plan's objective"
    const label = `Move item down: ${first}`
    await page.getByRole('button', { name: label, exact: true }).focus()
    await page.keyboard.press('Enter')
    await eventually(async () => assert.equal((await itemTexts(page)).indexOf(first), 1))
    await eventually(async () => assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), label), { timeout: 2000 })
    await page.keyboard.press('Enter')
    await eventually(async () => assert.equal((await itemTexts(page)).indexOf(first), 2))
  }),
)

test('a new section and a new item are added and kept', T, () =>
  scenario(async (page) => {
    await createPlan(page, 'Business continuity plan')
    const sections = page.getByRole('textbox', { name: 'Section title', exact: true })
    const count = await sections.count()

    await page.getByLabel('New section title', { exact: true }).fill('Office move')
    await page.getByRole('button', { name: 'Add section', exact: true }).click()
    await eventually(async () => assert.equal(await sections.count(), count + 1))
    assert.equal(await sections.last().inputValue(), 'Office move')
    assert.equal(await page.getByLabel('New section title', { exact: true }).inputValue(), '', 'the form is not cleared')
    await page.getByText('No items in this section yet').waitFor()

    const add = page.getByLabel('New item in Office move', { exact: true })
    await add.fill('Book the removal van')
    await add.press('Enter')
    await page.getByRole('checkbox', { name: 'Book the removal van', exact: true }).waitFor()
    assert.equal(await add.inputValue(), '')
    assert.equal(await page.getByText('No items in this section yet').count(), 0)
    assert.equal((await itemTexts(page)).at(-1), 'Book the removal van', 'the item is not last, in the new section')

    await reload(page)
    assert.equal(await sections.count(), count + 1)
    assert.equal(await sections.last().inputValue(), 'Office move')
    assert.equal((await itemTexts(page)).at(-1), 'Book the removal van')
  }),
)

test('Mark reviewed records who reviewed the plan (the name set in Settings)', T, () =>
  scenario(async (page) => {
    await createPlan(page, 'Incident response procedure', 'IR procedure')
    const planUrl = page.url()
    await page.getByText(/Never reviewed/).waitFor()

    await navLink(page, 'Settings').click()
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
    await page.getByLabel('Your name').fill('Robin Reyes')
    await page.getByLabel('Your name').blur()
    await eventually(async () => assert.deepEqual((await storedRows(page, 'settings')).find((s) => s.key === 'userName')?.value, 'Robin Reyes'))

    await navLink(page, 'Plans').click()
    await planLink(page, 'IR procedure').click()
    assert.equal(page.url(), planUrl)
    await page.getByRole('button', { name: 'Mark reviewed' }).click()
    const review = page.getByText(/Last reviewed .+ by Robin Reyes\./)
    await review.waitFor()
    assert.doesNotMatch(await review.innerText(), /Overdue/)
    assert.equal(await page.getByText(/Never reviewed/).count(), 0)
    await page.reload()
    await page.getByText(/Last reviewed .+ by Robin Reyes\./).waitFor()
  }),
)

test('Duplicate copies a plan; Delete moves it to the Trash; Restore brings it back', T, () =>
  scenario(async (page) => {
    const originalId = await createPlan(page, 'Supplier dependency review', 'Suppliers 2026')
    const firstItem = (await itemTexts(page))[0]
    await page.getByRole('checkbox', { name: firstItem, exact: true }).check()
    await waitForStoredItem(page, firstItem, (i) => assert.equal(i.status, 'done'))

    await page.getByRole('button', { name: 'Duplicate' }).click()
    await page.waitForURL((u) => /\/plans\//.test(u.pathname) && !u.pathname.endsWith(originalId))
    const title = page.getByLabel('Plan title')
    await eventually(async () => assert.equal(await title.inputValue(), 'Suppliers 2026 (copy)'))
    assert.ok(await page.getByRole('checkbox', { name: firstItem, exact: true }).isChecked(), 'the copy lost the tick')

    await page.getByRole('button', { name: 'Delete', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'Move this plan to the trash?' })
    await dialog.getByRole('button', { name: 'Move to trash' }).click()
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await planLink(page, 'Suppliers 2026').waitFor()
    await eventually(async () => assert.equal(await page.getByTestId('plan-row').count(), 1, 'the deleted copy is still listed'))
    assert.equal(await planLink(page, 'Suppliers 2026 (copy)').count(), 0)

    await navLink(page, 'Trash').click()
    const trashRow = page.getByTestId('trash-row')
    await trashRow.first().waitFor()
    assert.equal(await trashRow.count(), 1)
    assert.match(await trashRow.innerText(), /Suppliers 2026 \(copy\)/)
    await page.getByRole('button', { name: 'Restore Suppliers 2026 (copy)' }).click()
    await page.getByText('The trash is empty').waitFor()

    await navLink(page, 'Plans').click()
    await planLink(page, 'Suppliers 2026 (copy)').waitFor()
    assert.equal(await page.getByTestId('plan-row').count(), 2)
    await planLink(page, 'Suppliers 2026 (copy)').click()
    await page.getByTestId('item').first().waitFor()
    assert.ok(await page.getByRole('checkbox', { name: firstItem, exact: true }).isChecked(), 'the restored copy lost its content')
  }),
)
