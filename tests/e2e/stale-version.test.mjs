// After an update, a tab still running the old version asks for code the server no longer has.
// The tab keeps working: the page whose code is gone says "A new version is installed — reload to
// continue" with a Reload button (not a blank page), and the edit made just before is saved.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { DIST, copyDist, createPlan, eventually, launch, navLink, storedRows } from './browser.mjs'
import { startStaticServer } from './static-server.mjs'

test('an old tab whose next page was removed by an update keeps the edit and offers a reload', { timeout: 120_000 }, async () => {
  // The new version on the server: the settings page's code under its old name is gone (a new
  // build names it after its new content).
  const next = copyDist()
  const assets = path.join(next.dir, 'assets')
  const removed = readdirSync(assets).filter((f) => /^settings-page-.*\.js$/.test(f))
  assert.equal(removed.length, 1, 'the build has one settings page chunk')
  for (const f of removed) rmSync(path.join(assets, f))

  const server = await startStaticServer(DIST)
  const browser = await launch()
  try {
    const context = await browser.newContext({ serviceWorkers: 'block' })
    const page = await context.newPage()
    const errors = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    const planId = await createPlan(page, 'Blank plan', 'Before the update')

    // The tab (re)starts on the plan page; meanwhile the server moves on to the new version.
    server.setRoot(next.dir)
    await page.reload()
    const title = page.getByLabel('Plan title', { exact: true })
    await title.click()
    await page.keyboard.press('Control+A')
    await page.keyboard.type('Typed in the old tab')
    await navLink(page, 'Settings').click()

    await page.getByRole('heading', { name: 'A new version is installed — reload to continue' }).waitFor()
    assert.ok(await page.getByRole('button', { name: 'Reload', exact: true }).isVisible())
    // The rest of the app still works around it: the navigation is there.
    assert.ok(await navLink(page, 'Plans').isVisible())
    await eventually(async () => {
      const plan = (await storedRows(page, 'plans')).find((p) => p.id === planId)
      assert.equal(plan?.title, 'Typed in the old tab')
    })

    // With the complete new version served, Reload opens the page, and the edit is there.
    server.setRoot(DIST)
    await page.getByRole('button', { name: 'Reload', exact: true }).click()
    await page.getByRole('heading', { name: 'Settings', exact: true }).waitFor()
    await navLink(page, 'Plans').click()
    await page.getByRole('link', { name: 'Typed in the old tab', exact: true }).first().waitFor()
    assert.deepEqual(errors, [])
  } finally {
    await browser.close()
    await server.stop()
    next.remove()
  }
})
