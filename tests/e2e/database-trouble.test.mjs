// When the database cannot be used, the app says why and offers a way out instead of a blank
// page: data written by a newer version, and another tab upgrading the database under this one.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { createPlan, eventually, launch, openApp, shutdown, startPreview } from './browser.mjs'

let server
let browser
const T = { timeout: 90_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

/** Opens the app's database at a later IndexedDB version than this build knows, as a newer app would. */
function upgradeFromElsewhere(page, version = 1000) {
  return page.evaluate(
    (v) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('continuity-kit', v)
        req.onupgradeneeded = () => req.result.createObjectStore(`later-${v}`)
        req.onsuccess = () => {
          req.result.close()
          resolve(req.result.version)
        }
        req.onerror = () => reject(req.error)
        req.onblocked = () => undefined
      }),
    version,
  )
}

test('data saved by a newer version: a screen says so, and a copy of everything can be saved', T, async () => {
  const { context, page } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Business continuity plan', 'Kept through a downgrade')
    await page.goto(`${server.url}/robots.txt`)
    assert.equal(await upgradeFromElsewhere(page), 1000)
    await page.goto(server.url, { waitUntil: 'load' })
    await page.getByRole('heading', { name: 'Your data was saved by a newer version of Continuity Kit' }).waitFor()
    assert.equal(await page.getByRole('heading', { name: 'Plans', exact: true }).count(), 0)

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save a copy of all data' }).click()])
    const copy = JSON.parse(await readFile(await download.path(), 'utf8'))
    assert.equal(copy.format, 'continuity-kit-rescue')
    assert.equal(copy.version, 1000)
    assert.deepEqual(
      copy.tables.plans.map((p) => p.title),
      ['Kept through a downgrade'],
    )
    assert.ok(copy.tables.items.length > 10, 'the items are in the copy')
    await page.getByRole('status').filter({ hasText: 'A copy of everything on this device was saved' }).waitFor()
  } finally {
    await context.close()
  }
})

test('another tab upgrading the database: this tab is told to reload, not left failing', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Business continuity plan', 'Open in two tabs')
    const other = await context.newPage()
    await other.goto(`${server.url}/robots.txt`)
    await upgradeFromElsewhere(other)
    const banner = page.getByRole('alert').filter({ hasText: 'A newer version of Continuity Kit was opened in another tab' })
    await eventually(async () => assert.equal(await banner.count(), 1), { timeout: 10_000 })
    await banner.getByRole('button', { name: 'Reload' }).waitFor()
    assert.deepEqual(errors, [])
  } finally {
    await context.close()
  }
})
