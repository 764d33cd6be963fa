// Installability: Chromium's own verdict on the manifest, icons and service worker, asked over the
// DevTools protocol in a normal (not incognito) profile.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROME_ARGS, CHROMIUM, startPreview, waitForServiceWorker } from './browser.mjs'

let server
before(async () => {
  server = await startPreview()
})
after(() => server?.stop())

test('Chromium finds the app installable, with a file handler for exports', { timeout: 90_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ck-install-'))
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROME_ARGS })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url, { waitUntil: 'load' })
    await waitForServiceWorker(page)
    const cdp = await context.newCDPSession(page)
    const manifest = await cdp.send('Page.getAppManifest')
    assert.deepEqual(manifest.errors, [])
    const parsed = JSON.parse(manifest.data)
    assert.equal(parsed.display, 'standalone')
    assert.deepEqual(parsed.file_handlers?.[0]?.accept, { 'application/json': ['.json'] })
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    assert.deepEqual(installabilityErrors, [])
  } finally {
    await context.close()
    rmSync(dir, { recursive: true, force: true })
  }
})
