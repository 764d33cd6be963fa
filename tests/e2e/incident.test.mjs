// A real incident run offline: declared from the home page, the cloud provider marked down, the
// functions that stop with their RTO countdowns, steps ticked, the log kept, the update reminder
// when one is due, a reload mid-incident, the close and the review, the actions found in the plan,
// and the printed incident report.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { AxeBuilder } from '@axe-core/playwright'
import { createPlan, eventually, launch, openApp, openItem, shutdown, startPreview, storedRows, waitForServiceWorker } from './browser.mjs'

let server
let browser
const T = { timeout: 150_000 }
const SHOT = '/tmp/continuity-kit-incident-report-print.png'
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** An axe scan of what `page` shows: every violation fails, listed with its rule and elements. */
async function assertAccessible(page, name) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
  const found = violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => `${n.target.join(' ')} ${n.html}`)
        .join(', ')})`,
  )
  assert.deepEqual(found, [], `${name} has accessibility problems`)
}

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

test('an incident runs offline from declaration to review, and its actions and report come out of it', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await waitForServiceWorker(page)
    const irPlan = await createPlan(page, 'Incident response procedure', 'IR plan')
    await page.goto(server.url, { waitUntil: 'load' })
    await createPlan(page, 'Supplier dependency review', 'Our suppliers')
    await page.goto(server.url, { waitUntil: 'load' })
    await createPlan(page, 'Business continuity', 'BC plan')
    // Orders need the cloud hosting provider (the dependency map the incident reads).
    const orders = await openItem(page, 'Take customer orders')
    await orders
      .getByRole('group', { name: 'Suppliers it needs' })
      .getByRole('checkbox', { name: /Cloud hosting provider/ })
      .click()
    await eventually(async () => assert.equal((await storedRows(page, 'items')).find((i) => i.text === 'Take customer orders')?.values?.suppliers?.length, 1))

    // From here on the network is gone, and the page's clock is ours to move.
    await context.setOffline(true)
    await page.clock.install()
    await page.goto(server.url, { waitUntil: 'load' })

    // Declare: two clicks and a title.
    await page.getByRole('button', { name: 'Start incident' }).click()
    const dialog = page.getByRole('dialog', { name: 'Start incident' })
    await dialog.getByLabel('Title').fill('Cloud hosting down')
    await dialog.getByLabel('Log keeper').fill('Sam')
    assert.equal(await dialog.getByRole('checkbox', { name: /IR plan/ }).isChecked(), true)
    assert.equal(await dialog.getByRole('checkbox', { name: /BC plan/ }).isChecked(), true)
    assert.equal(await dialog.getByRole('checkbox', { name: /Our suppliers/ }).isChecked(), false)
    await assertAccessible(page, 'the Start incident dialog')
    await dialog.getByRole('button', { name: 'Declare incident' }).click()
    await page.waitForURL(/\/incidents\/[^/]+$/)
    await page.getByRole('heading', { name: 'Cloud hosting down', level: 1 }).waitFor()
    await page.getByTestId('incident-banner').waitFor()

    // Mark the cloud provider down: orders stop, with the countdown to their 4 h RTO and the workaround.
    await page.getByRole('checkbox', { name: /^Cloud hosting provider/ }).click()
    const orderRow = page.getByTestId('stopped-function').filter({ hasText: 'Take customer orders' })
    await orderRow.waitFor()
    assert.match(await orderRow.innerText(), /RTO reached in (3 h 59 min|4 h)/)
    assert.match(await orderRow.innerText(), /Workaround: Take orders by phone/)

    // Tick a step; log an action by keyboard.
    await page.getByRole('checkbox', { name: 'Declare the incident and its severity' }).check()
    await page.getByText(/Done at 00:\d\d by Sam/).waitFor()
    await assertAccessible(page, 'the incident screen')
    await page.emulateMedia({ colorScheme: 'dark' })
    await assertAccessible(page, 'the incident screen, dark')
    await page.emulateMedia({ colorScheme: 'light' })
    const log = page.getByRole('textbox', { name: /^Log entry/ })
    await log.fill('a: Orders switched to phone and paper')
    await log.press('Enter')
    await eventually(async () => assert.ok((await page.getByTestId('log-entry').count()) >= 2))

    // 31 minutes on: the update is overdue, on the screen and in the banner.
    await page.clock.fastForward('31:00')
    await page.getByRole('alert').filter({ hasText: 'send a status update now' }).waitFor()
    assert.match(await page.getByTestId('incident-banner').innerText(), /Update overdue/)
    assert.match(await orderRow.innerText(), /RTO reached in 3 h 2\d min/)

    // Reload mid-incident: all of it is still there.
    await page.reload({ waitUntil: 'load' })
    await page.getByRole('heading', { name: 'Cloud hosting down', level: 1 }).waitFor()
    await orderRow.waitFor()
    assert.equal(await page.getByRole('checkbox', { name: 'Declare the incident and its severity' }).isChecked(), true)
    assert.equal(await page.getByRole('checkbox', { name: /^Cloud hosting provider/ }).isChecked(), true)
    await page.getByText('Orders switched to phone and paper').waitFor()

    // Send the holding statement: logged, and the reminder goes.
    await page.getByRole('button', { name: 'Log as sent' }).click()
    await page
      .getByTestId('update-due')
      .first()
      .filter({ hasText: /Next update due in 30 min/ })
      .waitFor()
    await page
      .getByText(/Holding statement sent/)
      .first()
      .waitFor()

    // The status board in a second window shows the same.
    const [board] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open status board' }).click()])
    board.on('pageerror', (e) => errors.push(String(e)))
    await board.getByTestId('status-board').waitFor()
    assert.match(await board.getByTestId('status-board').innerText(), /Take customer orders/)
    await assertAccessible(board, 'the status board')
    await board.close()

    // Close, review, an action into the plan.
    await page.getByRole('button', { name: 'Close incident' }).click()
    await page.getByRole('dialog', { name: 'Close the incident?' }).getByRole('button', { name: 'Close incident' }).click()
    await page.getByRole('heading', { name: 'Post-incident review: Cloud hosting down' }).waitFor()
    assert.equal(await page.getByTestId('incident-banner').count(), 0)
    await page.getByLabel('What went well').fill('Phone orders kept sales going')
    await page.getByLabel('What did not go well').fill('Nobody had the provider support number')
    const form = page.getByRole('form', { name: 'New action', exact: true })
    await form.getByLabel('Action', { exact: true }).fill('Put provider support numbers in the grab pack')
    await form.getByLabel('Owner', { exact: true }).fill('Ana')
    await form.getByRole('combobox', { name: 'Plan' }).selectOption({ label: 'IR plan' })
    await form.getByRole('button', { name: 'Add action' }).click()
    await page.getByRole('link', { name: 'Put provider support numbers in the grab pack' }).waitFor()
    await assertAccessible(page, 'the review')
    await eventually(async () => {
      const [incident] = (await storedRows(page, 'drills')).filter((d) => d.mode === 'incident')
      assert.equal(incident.incident.review.wentBadly, 'Nobody had the provider support number')
    })

    // The action is a task of the plan, pointing back at the incident.
    await page.goto(`${server.url}/plans/${irPlan}`, { waitUntil: 'load' })
    const task = page.getByTestId('item').filter({ hasText: 'Put provider support numbers in the grab pack' })
    await task.waitFor()
    assert.match(await task.innerText(), /Owner:\s*Ana/)
    await task.getByRole('link', { name: /Cloud hosting down/ }).click()
    await page.waitForURL(/\/incidents\/[^/]+\/report/)

    // The report: functions against their RTO, steps, updates, the review and its action; printed.
    await page.getByRole('heading', { name: 'Incident report: Cloud hosting down' }).waitFor()
    assert.match(await page.getByTestId('report-function').first().innerText(), /Take customer orders/)
    assert.match(await page.getByTestId('report-action').first().innerText(), /Put provider support numbers.*IR plan.*Ana.*Open/s)
    assert.match(await page.locator('article').innerText(), /Phone orders kept sales going/)
    await assertAccessible(page, 'the incident report')
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('header.app-bar').isVisible(), false)
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false)
    await page.screenshot({ path: SHOT, fullPage: true })
    await page.emulateMedia({ media: 'screen' })

    // The severity levels, in Settings.
    await page.goto(`${server.url}/settings`, { waitUntil: 'load' })
    await page.getByRole('heading', { name: 'Incident severity levels' }).waitFor()
    // The levels are a stored setting, read after the heading shows.
    await page.getByTestId('severity-level').first().waitFor()
    assert.equal(await page.getByTestId('severity-level').count(), 3)
    await assertAccessible(page, 'Settings with the severity levels')
    assert.deepEqual(errors, [], 'a page threw')
  } finally {
    await context.close()
  }
})
