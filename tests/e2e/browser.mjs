// Browser test support: Debian Chromium through playwright-core, and `vite preview` of ./dist on a
// free loopback port, started and stopped by the tests themselves.
//   E2E_DIST=/some/folder  serves (and checks) that build instead of ./dist, e.g. a private copy
//   made while someone else rebuilds ./dist.
import { chromium } from 'playwright-core'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
/** The build under test: ./dist, or $E2E_DIST (absolute, or relative to the project root). */
export const DIST = path.resolve(ROOT, process.env.E2E_DIST ?? 'dist')
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'
export const CHROME_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
]

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_ARGS })
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

async function up(url) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok
  } catch {
    return false
  }
}

/**
 * Serves `dir` (default: the build under test) with vite preview; returns { url, dir, stop }.
 * `dir` may be absolute or relative to the project root.
 */
export async function startPreview({ dir = DIST } = {}) {
  const outDir = path.resolve(ROOT, dir)
  if (!existsSync(path.join(outDir, 'index.html'))) throw new Error(`${outDir}/index.html is missing: run npm run build first`)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'preview',
      '--outDir',
      outDir,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      // Vite refuses a second preview of one project; another one (npm start, a colleague's run) is no reason to fail.
      '--bypass-lock',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  )
  const kill = (signal = 'SIGTERM') => child.kill(signal)
  const killOnExit = () => kill('SIGKILL')
  process.once('exit', killOnExit)
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const stop = async () => {
    process.removeListener('exit', killOnExit)
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    kill()
    // Never hang a test run on a server that ignores SIGTERM.
    const timer = setTimeout(() => kill('SIGKILL'), 3000)
    await exited
    clearTimeout(timer)
  }
  for (let i = 0; i < 150 && !(await up(url)); i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${log}`)
    await sleep(100)
  }
  if (!(await up(url))) {
    await stop()
    throw new Error(`vite preview did not start:\n${log}`)
  }
  return { url, dir: outDir, stop }
}

/** A private copy of the build under test in a temporary folder; returns { dir, remove }. */
export function copyDist() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ck-dist-'))
  cpSync(DIST, dir, { recursive: true })
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/** Closes what before() opened, whatever state it is in, and never waits forever. */
export async function shutdown({ browser, server } = {}) {
  const bounded = (p, ms) => {
    let timer
    return Promise.race([
      p,
      new Promise((r) => {
        timer = setTimeout(r, ms)
      }),
    ]).finally(() => clearTimeout(timer))
  }
  try {
    if (browser)
      await bounded(
        browser.close().catch(() => {}),
        10_000,
      )
  } finally {
    if (server) await server.stop()
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * Retries `fn` (an async assertion) until it stops throwing, like Playwright Test's expect.poll:
 * returns its result, or rethrows its last error after `timeout` ms.
 */
export async function eventually(fn, { timeout = 5000, interval = 100 } = {}) {
  const end = Date.now() + timeout
  for (;;) {
    try {
      return await fn()
    } catch (error) {
      if (Date.now() > end) throw error
      await sleep(interval)
    }
  }
}

/** A fresh context (its own IndexedDB and service worker) and page; page errors are collected. */
export async function openApp(browser, url) {
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  await page.goto(url, { waitUntil: 'load' })
  await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
  return { context, page, errors }
}

/** With registerType 'prompt' the first page is not controlled: wait for activation, reload once. */
export async function waitForServiceWorker(page, timeout = 30_000) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload({ waitUntil: 'load' })
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout })
  }
}

/** Creates a plan from the template whose title is given, through the New plan dialog; returns its id. */
export async function createPlan(page, templateTitle, title = '') {
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('radio', { name: new RegExp(templateTitle) }).check()
  if (title) await page.getByLabel('Title (optional)').fill(title)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await page.waitForURL(/\/plans\//)
  // The plan page shows its header, sections and items together, once all are read.
  await page.getByLabel('Plan title').waitFor()
  return new URL(page.url()).pathname.split('/').pop()
}

/** The link to a plan in the home page's list of plans. */
export function planLink(page, title) {
  return page.getByTestId('plan-row').getByRole('link', { name: title, exact: true })
}

/** A link of the main navigation: Plans, Trash, Settings. */
export function navLink(page, name) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true })
}

/** The row of the item whose text is `text`. */
export function itemRow(page, text) {
  return page.getByTestId('item').filter({ has: page.getByRole('button', { name: text, exact: true }) })
}

/** Opens an item's details (if closed) and returns its row. */
export async function openItem(page, text) {
  const row = itemRow(page, text)
  const toggle = row.getByRole('button', { name: text, exact: true })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  await row.getByLabel('Item text').waitFor()
  return row
}

/** The texts of every item on the page, in the order shown. */
export function itemTexts(page) {
  return page.locator('[data-testid="item"] .item-text').allInnerTexts()
}

/** Every row of one IndexedDB store of the app, read in the page (to wait until a write has landed). */
export function storedRows(page, store) {
  return page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('continuity-kit')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          const req = db.transaction(name, 'readonly').objectStore(name).getAll()
          req.onsuccess = () => {
            db.close()
            resolve(req.result)
          }
          req.onerror = () => {
            db.close()
            reject(req.error)
          }
        }
      }),
    store,
  )
}

/** Waits until the stored item with this text satisfies `check(item)` (an assertion that may throw). */
export function waitForStoredItem(page, text, check, timeout = 5000) {
  return eventually(
    async () => {
      const item = (await storedRows(page, 'items')).find((i) => i.text === text)
      if (!item) throw new Error(`no stored item "${text}"`)
      check(item)
      return item
    },
    { timeout },
  )
}

/**
 * Makes a blank plan of `count` items quickly: the app writes "Bulk item 0", and clones of it
 * ("Bulk item 1", "Bulk item 2"…) go straight into IndexedDB. Returns the plan id and every item id.
 */
export async function makeLongPlan(page, count) {
  await createPlan(page, 'Blank plan', 'Long plan')
  const add = page.getByRole('textbox', { name: /^New item in / })
  await add.fill('Bulk item 0')
  await add.press('Enter')
  const seed = await waitForStoredItem(page, 'Bulk item 0', () => {})
  const ids = await page.evaluate(
    ({ row, count }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('continuity-kit')
        open.onsuccess = () => {
          const tx = open.result.transaction('items', 'readwrite')
          const ids = [row.id]
          for (let n = 1; n < count; n++) {
            const id = crypto.randomUUID()
            ids.push(id)
            tx.objectStore('items').put({ ...row, id, text: `Bulk item ${n}`, order: row.order + n })
          }
          tx.oncomplete = () => {
            open.result.close()
            resolve(ids)
          }
          tx.onerror = () => reject(tx.error)
        }
        open.onerror = () => reject(open.error)
      }),
    { row: seed, count },
  )
  return { planId: seed.planId, ids }
}
