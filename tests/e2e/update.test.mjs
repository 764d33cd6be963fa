// A new version never reloads under the user's typing: the page says "Update available" and waits;
// Reload then brings the new service worker in, with nothing typed lost.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { appendFileSync } from 'node:fs'
import path from 'node:path'
import { copyDist, createPlan, launch, openApp, shutdown, sleep, startPreview, waitForServiceWorker } from './browser.mjs'

let copy
let server
let browser
const T = { timeout: 90_000 }

before(async () => {
  copy = copyDist() // the test changes sw.js: never touch the real build
  server = await startPreview({ dir: copy.dir })
  browser = await launch()
}, T)

after(async () => {
  try {
    await shutdown({ browser, server })
  } finally {
    copy?.remove()
  }
}, T)

// The "new version": sw.js changes, and the new worker answers a question the old one cannot.
const V2 = `
// v2
self.addEventListener('message', (e) => { if (e.data && e.data.type === 'E2E_VERSION') e.ports[0].postMessage('v2') })
`

/** Asks the controlling service worker its version: 'v2', or null when it does not answer (v1). */
function controllerVersion(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const sw = navigator.serviceWorker.controller
        if (!sw) return resolve('no controller')
        const channel = new MessageChannel()
        channel.port1.onmessage = (e) => resolve(e.data)
        sw.postMessage({ type: 'E2E_VERSION' }, [channel.port2])
        setTimeout(() => resolve(null), 800)
      }),
  )
}

test('an update is offered, not forced, while the user types; Reload switches to it', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Blank plan', 'Draft plan')
    await waitForServiceWorker(page)
    assert.equal(await controllerVersion(page), null, 'the first version already answers as v2')
    const planUrl = page.url()

    const navigations = []
    page.on('framenavigated', (f) => {
      if (f === page.mainFrame()) navigations.push(f.url())
    })
    await page.evaluate(() => {
      window.__e2eMarker = 'still here'
    })
    const title = page.getByLabel('Plan title')
    await title.click()
    await page.keyboard.press('End')
    await page.keyboard.type(' for the board')

    appendFileSync(path.join(copy.dir, 'sw.js'), V2)
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()))
    const prompt = page.getByRole('status').filter({ hasText: 'Update available' })
    await prompt.waitFor({ timeout: 30_000 })
    await sleep(1000) // a forced reload would happen about now

    assert.deepEqual(navigations, [], 'the page navigated on its own')
    assert.equal(await page.evaluate(() => window.__e2eMarker), 'still here', 'the page reloaded on its own')
    assert.equal(await title.inputValue(), 'Draft plan for the board', 'the typed text is gone')
    assert.equal(await title.evaluate((el) => el === document.activeElement), true, 'the input lost focus')
    assert.equal(await controllerVersion(page), null, 'the new version took over without being asked')
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)), true, 'no new worker is waiting')

    const reloaded = page.waitForEvent('load', { timeout: 30_000 })
    await prompt.getByRole('button', { name: 'Reload' }).click()
    await reloaded
    assert.equal(page.url(), planUrl)
    assert.equal(await page.evaluate(() => window.__e2eMarker), undefined, 'Reload did not reload the page')
    await page.getByLabel('Plan title').waitFor()
    assert.equal(await controllerVersion(page), 'v2', 'the page is not controlled by the new service worker')
    assert.equal(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting)), false)
    assert.equal(await page.getByLabel('Plan title').inputValue(), 'Draft plan for the board', 'the typed text was not saved')
    assert.equal(await page.getByText('Update available').count(), 0, 'the prompt is still shown after the update')
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})
