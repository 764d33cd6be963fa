// A short tabletop drill run offline: start it, open the players' view in a second tab, release an
// inject, log by keyboard, pause and reload in the middle, finish it, turn a gap into a plan task,
// and see the task in the plan (linked back) and in the printed after-action report.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, eventually, launch, openApp, shutdown, startPreview, storedRows, waitForServiceWorker } from './browser.mjs'

let server
let browser
const T = { timeout: 90_000 }
const SHOT = '/tmp/continuity-kit-drill-report-print.png'
const SCENARIO = 'Cloud provider down: an attack its own defences made worse'

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

test('a drill runs offline, survives a reload, and its findings become plan tasks and a printed report', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await waitForServiceWorker(page)
    const planId = await createPlan(page, 'Incident response procedure', 'IR plan')
    await context.setOffline(true)

    // The programme flags the plan as never exercised.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drills' }).click()
    await page.getByRole('heading', { name: 'Drills', exact: true }).waitFor()
    const row = page.getByTestId('exercised-row').filter({ hasText: 'IR plan' })
    assert.match(await row.innerText(), /Never exercised/)

    // Start drill: facilitator, a participant, the plan ticked because the scenario exercises its kind.
    await page.getByRole('button', { name: `Start drill: ${SCENARIO}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Start drill' })
    await dialog.getByLabel('Facilitator').fill('Sam')
    await dialog.getByLabel('Participant 1 name').fill('Ana')
    await dialog.getByLabel('Participant 1 role').fill('Incident lead')
    assert.equal(await dialog.getByRole('checkbox', { name: /IR plan/ }).isChecked(), true)
    await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
    await page.waitForURL(/\/drills\/[^/]+$/)
    const drillId = new URL(page.url()).pathname.split('/').pop()
    await page.getByRole('heading', { name: 'Slow, then nothing' }).waitFor()

    // The players' view opens in another tab and shows only what players may see.
    const [players] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: "Open players' view" }).click()])
    players.on('pageerror', (e) => errors.push(String(e)))
    await players.getByTestId('players-view').waitFor()
    assert.match(await players.getByTestId('players-view').innerText(), /customer portal will not load/)
    assert.doesNotMatch(await players.content(), /unexpected usage spike|What happens|Discussion questions/)
    assert.equal(await players.locator('header.app-bar').isVisible(), false)

    // Release the next inject early: both tabs follow.
    await page.getByRole('button', { name: 'Release next inject now' }).click()
    await page.getByRole('heading', { name: 'The status page admits a problem' }).waitFor()
    await eventually(async () => assert.match(await players.getByTestId('players-view').innerText(), /unexpected usage spike/))

    // Log by keyboard: Enter saves, Alt+3 makes a gap, Alt+2 an observation.
    const log = page.getByRole('textbox', { name: /^Log entry/ })
    await log.fill('Declared severity 2, incident lead is Ana')
    await log.press('Enter')
    await page.keyboard.press('Alt+3')
    await log.fill('Nobody knew the address of the provider status page')
    await log.press('Enter')
    await page.keyboard.press('Alt+2')
    await log.fill('Customers were told within 15 minutes')
    await log.press('Enter')
    await eventually(async () => assert.equal(await page.getByTestId('log-entry').count(), 3))
    const types = (await storedRows(page, 'drillEvents')).map((e) => e.type).sort()
    assert.deepEqual(types, ['decision', 'gap', 'observation'])
    await page.getByRole('checkbox', { name: 'Open an incident record and a decision log' }).check()

    // Pause, reload in the middle: the drill is where it was, clock stopped, log kept.
    await page.getByRole('button', { name: 'Pause' }).click()
    await page.getByRole('button', { name: 'Resume' }).waitFor()
    const before = await page.getByTestId('elapsed').innerText()
    await page.reload({ waitUntil: 'load' })
    await page.getByRole('button', { name: 'Resume' }).waitFor()
    assert.equal(await page.getByTestId('elapsed').innerText(), before)
    assert.equal(await page.getByTestId('log-entry').count(), 3)
    assert.equal(await page.getByRole('checkbox', { name: 'Open an incident record and a decision log' }).isChecked(), true)
    await page.getByRole('heading', { name: 'The status page admits a problem' }).waitFor()
    await page.getByRole('button', { name: 'Resume' }).click()
    await eventually(async () => assert.notEqual(await page.getByTestId('elapsed').innerText(), before), { timeout: 4000 })

    // End drill -> hot wash: rate an objective, turn the gap into an action in the plan.
    await page.getByRole('button', { name: 'End drill' }).click()
    await page.getByRole('dialog', { name: 'End the drill?' }).getByRole('button', { name: 'End drill' }).click()
    await page.getByRole('heading', { name: /^Hot wash:/ }).waitFor()
    await page
      .getByTestId('objective')
      .first()
      .getByRole('radio', { name: /Partly met/ })
      .check()
    const finding = page.getByTestId('finding').filter({ hasText: 'Nobody knew the address' })
    await finding.getByLabel('Action', { exact: true }).fill('Add provider status pages to the contact list')
    await finding.getByLabel('Owner', { exact: true }).fill('Ana')
    await finding.getByLabel('Due', { exact: true }).fill('2030-05-01')
    await eventually(async () =>
      assert.equal(await finding.getByLabel('Section', { exact: true }).evaluate((s) => s.selectedOptions[0]?.textContent), 'Post-incident activity'),
    )
    await finding.getByRole('button', { name: 'Add action' }).click()
    await finding.getByText('Add provider status pages to the contact list').waitFor()

    // The task is in the plan, says where it came from, and links back to the report.
    await page.goto(`${server.url}/plans/${planId}`, { waitUntil: 'load' })
    const task = page.getByTestId('item').filter({ hasText: 'Add provider status pages to the contact list' })
    await task.waitFor()
    assert.match(await task.innerText(), /Owner:\s*Ana/)
    await task.getByRole('link', { name: /Cloud provider down/ }).click()
    await page.waitForURL(new RegExp(`/drills/${drillId}/report`))
    await page.getByRole('heading', { name: /^After-action report:/ }).waitFor()
    const action = page.getByTestId('report-action')
    assert.match(await action.innerText(), /Add provider status pages.*IR plan.*Ana.*Open/s)
    assert.match(await page.getByTestId('report-objective').first().innerText(), /Partly met/)
    assert.ok((await page.getByTestId('timeline-row').count()) >= 5, 'the timeline misses injects or entries')
    assert.match(await page.locator('.report-facts').innerText(), /Ana.*Incident lead/s)

    // Printed: the report, without the app bar, navigation or buttons.
    await page.emulateMedia({ media: 'print' })
    assert.equal(await page.locator('header.app-bar').isVisible(), false)
    assert.equal(await page.getByRole('button', { name: 'Print or save as PDF' }).isVisible(), false)
    assert.ok(await page.getByRole('heading', { name: /^After-action report:/ }).isVisible())
    assert.ok(await action.isVisible())
    await page.screenshot({ path: SHOT, fullPage: true })

    // The programme now lists the drill and when the plan was last exercised.
    await page.emulateMedia({ media: 'screen' })
    await page.goto(`${server.url}/drills`, { waitUntil: 'load' })
    await page.getByTestId('drill-row').first().waitFor()
    assert.doesNotMatch(await page.getByTestId('exercised-row').filter({ hasText: 'IR plan' }).innerText(), /Never exercised/)
    assert.deepEqual(errors, [], 'a page threw')
  } finally {
    await context.close()
  }
})
