// Items say what they are: a user turns a preparation task into a response step (when, who), sees
// its phase and role on the row, finds it in the grab pack's runbook, and turns it back.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, itemRow, launch, navLink, openApp, openItem, shutdown, startPreview, waitForStoredItem } from './browser.mjs'

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
    assert.equal(await itemRow(page, TASK).getByTestId('step-fact').innerText(), 'Response step · Deciding to invoke · Senior decision-maker')

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
    assert.equal(await itemRow(page, TASK).getByTestId('step-fact').count(), 0)
    assert.equal(await again.getByLabel('When (phase)').count(), 0)
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})
