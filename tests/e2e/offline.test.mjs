// Offline is the normal case: after one visit, every screen loads from the service worker with the
// network cut, deep links included, with the user's data, and edits made offline are kept.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import {
  createPlan,
  itemRow,
  launch,
  navLink,
  planLink,
  openApp,
  openItem,
  shutdown,
  startPreview,
  waitForServiceWorker,
  waitForStoredItem,
} from './browser.mjs'

let server
let browser
const T = { timeout: 90_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

test('after the first visit, the home page, a plan deep link and Settings load offline', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    const planId = await createPlan(page, 'Incident response procedure', 'Offline IR plan')
    await waitForServiceWorker(page)
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'no service worker controls the page')
    // Load the lazily loaded screens once online, as a user would have (they are precached anyway).
    await page.getByLabel('Plan title').waitFor()

    await context.setOffline(true)
    assert.equal(await page.evaluate(() => navigator.onLine), false)
    const cut = await page.evaluate(() =>
      fetch(`/not-cached-${Date.now()}`, { cache: 'no-store' }).then(
        () => false,
        () => true,
      ),
    )
    assert.ok(cut, 'the network is not really cut')

    // Home page, by address and by reload.
    let response = await page.goto(server.url, { waitUntil: 'load' })
    assert.ok(response?.fromServiceWorker(), 'offline / was not answered by the service worker')
    await planLink(page, 'Offline IR plan').waitFor()
    response = await page.reload({ waitUntil: 'load' })
    assert.ok(response?.fromServiceWorker(), 'offline reload of / was not answered by the service worker')
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await planLink(page, 'Offline IR plan').waitFor()

    // A deep link typed into the address bar.
    response = await page.goto(`${server.url}/plans/${planId}`, { waitUntil: 'load' })
    assert.ok(response?.fromServiceWorker(), 'offline /plans/<id> was not answered by the service worker')
    await page.getByTestId('item').first().waitFor()
    assert.equal(await page.getByLabel('Plan title').inputValue(), 'Offline IR plan')
    assert.ok((await page.getByTestId('item').count()) > 10, 'the plan items are missing')

    // Settings, directly.
    response = await page.goto(`${server.url}/settings`, { waitUntil: 'load' })
    assert.ok(response?.fromServiceWorker(), 'offline /settings was not answered by the service worker')
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
    await page.getByLabel('Your name').waitFor()
    await page.getByTestId('storage').waitFor()

    // Trash, by the in-app link.
    await navLink(page, 'Trash').click()
    await page.getByRole('heading', { name: 'Trash', exact: true }).waitFor()
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})

test('an edit made offline survives another offline reload', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    const planId = await createPlan(page, 'Business continuity plan')
    await waitForServiceWorker(page)
    await context.setOffline(true)
    const response = await page.goto(`${server.url}/plans/${planId}`, { waitUntil: 'load' })
    assert.ok(response?.fromServiceWorker())
    await page.getByTestId('item').first().waitFor()

    const text = 'Define the scope'
    await page.getByRole('checkbox', { name: text, exact: true }).check()
    const row = await openItem(page, text)
    await row.getByLabel('Notes', { exact: true }).fill('Written during the outage, on battery.')
    await row.getByLabel('Notes', { exact: true }).blur()
    await waitForStoredItem(page, text, (i) => {
      assert.equal(i.status, 'done')
      assert.equal(i.notes, 'Written during the outage, on battery.')
    })

    const again = await page.reload({ waitUntil: 'load' })
    assert.ok(again?.fromServiceWorker(), 'the second offline reload was not answered by the service worker')
    await page.getByTestId('item').first().waitFor()
    assert.ok(await page.getByRole('checkbox', { name: text, exact: true }).isChecked(), 'the offline tick is lost')
    await openItem(page, text)
    assert.equal(await itemRow(page, text).getByLabel('Notes', { exact: true }).inputValue(), 'Written during the outage, on battery.')
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.setOffline(false)
    await context.close()
  }
})
