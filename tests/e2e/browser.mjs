// Browser test support: Debian Chromium through playwright-core, and `vite preview` of ./dist on a
// free loopback port, started and stopped by the tests themselves.
import { chromium } from 'playwright-core'
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { existsSync } from 'node:fs'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium'
export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
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

/** Serves `dir` (default ./dist) with vite preview; returns { url, stop }. */
export async function startPreview({ dir = 'dist' } = {}) {
  if (!existsSync(path.join(ROOT, dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run npm run build first`)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--outDir', dir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
  })
  const kill = () => child.kill('SIGTERM')
  process.once('exit', kill)
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  for (let i = 0; i < 150 && !(await up(url)); i++) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  if (!(await up(url))) {
    kill()
    throw new Error(`vite preview did not start:\n${log}`)
  }
  return {
    url,
    stop: async () => {
      process.removeListener('exit', kill)
      if (child.exitCode !== null) return
      const exited = new Promise((r) => child.once('exit', r))
      kill()
      await exited
    },
  }
}

/** With registerType 'prompt' the first page is not controlled: wait for activation, reload once. */
export async function waitForServiceWorker(page, timeout = 30_000) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true))
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload({ waitUntil: 'load' })
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout })
  }
}

/** Creates a plan from the template whose title is given, through the New plan dialog. */
export async function createPlan(page, templateTitle, title = '') {
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('radio', { name: new RegExp(templateTitle) }).check()
  if (title) await page.getByLabel('Title (optional)').fill(title)
  await page.getByRole('button', { name: 'Create plan' }).click()
  await page.waitForURL(/\/plans\//)
  await page.getByTestId('item').first().waitFor()
}
