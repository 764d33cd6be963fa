// Items say what they are: a user turns a preparation task into a response step (when, who), sees
// its phase and role on the row, finds it in the grab pack's runbook, and turns it back.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  createPlan,
  eventually,
  itemRow,
  launch,
  navLink,
  openApp,
  openItem,
  shutdown,
  startPreview,
  waitForServiceWorker,
  waitForStoredItem,
} from './browser.mjs'

let server
let browser
const T = { timeout: 180_000 }
const TASK = 'Check what your cyber insurance requires'

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

test('a task becomes a response step with a phase and a role, shows them on its row and in the grab pack, and becomes a task again', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Incident response procedure')
    // The template's own steps say when and who on their rows; its preparation tasks say nothing.
    assert.equal(await itemRow(page, 'Call the incident lead').getByTestId('step-fact').innerText(), 'Response step · Deciding to invoke · Technical lead')
    assert.equal(await itemRow(page, TASK).getByTestId('step-fact').count(), 0)

    const row = await openItem(page, TASK)
    await row.getByLabel('What it is').selectOption({ label: 'Response step' })
    await waitForStoredItem(page, TASK, (i) => assert.deepEqual([i.kind, i.phase], ['step', 'first-hour']))
    await row.getByLabel('When (phase)').selectOption({ label: 'Deciding to invoke' })
    const role = row.getByLabel('Who (role)')
    // Roles are suggested from the plan's roles section.
    const suggested = await page.locator(`datalist#${await role.getAttribute('list')} option`).evaluateAll((os) => os.map((o) => o.value))
    assert.ok(suggested.includes('Senior decision-maker'), `roles suggested: ${suggested.join(', ')}`)
    await role.fill('Senior decision-maker')
    await role.blur()
    await waitForStoredItem(page, TASK, (i) => assert.deepEqual([i.kind, i.phase, i.role], ['step', 'invoke', 'Senior decision-maker']))
    await eventually(async () =>
      assert.equal(await itemRow(page, TASK).getByTestId('step-fact').innerText(), 'Response step · Deciding to invoke · Senior decision-maker'),
    )

    await navLink(page, 'Grab pack').click()
    const invoke = page.locator('section[aria-labelledby=rb-invoke]')
    await invoke.waitFor()
    const card = invoke.getByTestId('role-card').filter({ has: page.getByRole('heading', { name: 'Senior decision-maker' }) })
    assert.match(await card.innerText(), new RegExp(TASK))

    await page.goBack()
    const again = await openItem(page, TASK)
    await again.getByLabel('What it is').selectOption({ label: 'Preparation task' })
    // Its role is kept, should it become a step again; a task has no phase.
    await waitForStoredItem(page, TASK, (i) => assert.deepEqual([i.kind, i.phase, i.role], ['task', null, 'Senior decision-maker']))
    // The row follows the stored item once the page's live read brings it back.
    await eventually(async () => assert.equal(await itemRow(page, TASK).getByTestId('step-fact').count(), 0))
    await eventually(async () => assert.equal(await again.getByLabel('When (phase)').count(), 0))
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})

test('with the network cut, the grab pack and every quick card open, by address and by their links', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Business continuity plan')
    await waitForServiceWorker(page)
    await context.setOffline(true)
    const response = await page.goto(`${server.url}/grab-pack`, { waitUntil: 'load' })
    assert.ok(response?.fromServiceWorker(), 'offline /grab-pack was not answered by the service worker')
    await page.getByRole('heading', { name: 'The first hour, by role' }).waitFor()
    const links = page.getByRole('navigation', { name: 'Quick cards' }).getByRole('link')
    const names = await links.allTextContents()
    assert.equal(names.length, 4)
    for (const name of names) {
      await page.getByRole('navigation', { name: 'Quick cards' }).getByRole('link', { name }).click()
      await page.getByRole('heading', { name: `If this happens: ${name}` }).waitFor()
      assert.ok((await page.getByTestId('runbook-step').count()) > 0, `the quick card "${name}" has no steps`)
      await page.getByRole('link', { name: '← Grab pack' }).click()
      await page.getByRole('heading', { name: 'Call list' }).waitFor()
    }
    await context.setOffline(false)
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})
