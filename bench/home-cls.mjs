// How much the home page moves while it loads (cumulative layout shift, as Lighthouse counts it: the
// shifts not caused by input, largest 5-second session window), at a phone's width (412 px) and a
// desktop's (1280 px), with an empty database and with plans of 100 and 5,000 items, on the built app.
// Each page load is measured twice: the first visit at that width (no layout hint kept) and the next.
// The CPU is slowed 4x, as Lighthouse's mobile run does. Prints the worst CLS per case and its shifts.
//
// Usage: node bench/home-cls.mjs [--dist DIR] [--runs 3] [--sizes 100,5000]
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { launch, ROOT, startPreview, waitForServiceWorker } from '../tests/e2e/browser.mjs'
import { seededPlan } from './seed.mjs'
import { fmtLoad, r1, spread } from './stats.mjs'

const argv = process.argv.slice(2)
const opt = (name) => {
  const i = argv.indexOf(`--${name}`)
  return i < 0 ? undefined : argv[i + 1]
}
const RUNS = Math.max(1, Number(opt('runs') ?? 3) || 3)
const SIZES = (opt('sizes') ?? '100,5000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
const WIDTHS = [
  { width: 412, height: 823 },
  { width: 1280, height: 900 },
]
const TMP = mkdtempSync(path.join(tmpdir(), 'ck-cls-'))
const DIST = opt('dist') ? path.resolve(opt('dist')) : path.join(TMP, 'dist')
const log = (...a) => console.error('[cls]', ...a)

if (!opt('dist')) {
  const res = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', DIST, '--logLevel', 'warn', '--bypass-lock'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
  if (res.status !== 0) throw new Error(`vite build failed:\n${res.stdout}\n${res.stderr}`)
}

/** Runs in the page before its scripts: collects every layout shift with what moved. */
function probe() {
  window.__shifts = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue
      const moved = e.sources.map((s) => {
        const n = s.node
        const name = n instanceof Element ? `${n.tagName.toLowerCase()}${n.className ? `.${String(n.className).split(' ')[0]}` : ''}` : String(n?.nodeName)
        return `${name} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`
      })
      window.__shifts.push({ t: Math.round(e.startTime), value: e.value, moved })
    }
  }).observe({ type: 'layout-shift', buffered: true })
  // When the plan list (or the empty page) and the dashboard were first on screen.
  window.__seen = {}
  const look = () => {
    const visible = (sel) => {
      const el = document.querySelector(sel)
      return el && el.checkVisibility({ visibilityProperty: true })
    }
    if (!window.__seen.list && visible('.plan-list, .empty')) window.__seen.list = Math.round(performance.now())
    if (!window.__seen.dashboard && visible('[data-testid="readiness"]')) window.__seen.dashboard = Math.round(performance.now())
    requestAnimationFrame(look)
  }
  requestAnimationFrame(look)
}

/** Lighthouse's CLS: the largest sum over session windows (gaps < 1 s, at most 5 s long). */
function cls(shifts) {
  let best = 0
  let sum = 0
  let start = -Infinity
  let last = -Infinity
  for (const s of shifts) {
    if (s.t - last > 1000 || s.t - start > 5000) {
      sum = 0
      start = s.t
    }
    sum += s.value
    last = s.t
    best = Math.max(best, sum)
  }
  return best
}

async function measure(context, url, viewport, { keepHint }) {
  const page = await context.newPage()
  await page.setViewportSize(viewport)
  const cdp = await context.newCDPSession(page)
  await page.goto(`${url}/settings`)
  if (!keepHint) await page.evaluate(() => localStorage.removeItem('ck:dashboard-height'))
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.addInitScript(probe)
  await page.goto(url)
  await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
  // Long enough for the dashboard's code and figures to arrive at 4x slower CPU.
  await page.waitForTimeout(4000)
  const { shifts, seen } = await page.evaluate(() => ({ shifts: window.__shifts, seen: window.__seen }))
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await page.close()
  return { cls: cls(shifts), shifts, seen }
}

const server = await startPreview({ dir: DIST })
const browser = await launch()
const rows = {}
try {
  const context = await browser.newContext({ viewport: WIDTHS[1] })
  const page = await context.newPage()
  await page.goto(server.url)
  await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
  await waitForServiceWorker(page)
  const cases = [{ label: 'empty database', seed: null }, ...SIZES.map((n) => ({ label: `+ plan of ${n} items`, seed: n }))]
  for (const c of cases) {
    if (c.seed) {
      await page.goto(server.url)
      await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
      const { planUrl } = await seededPlan(page, c.seed)
      await page.goto(planUrl)
      await page.getByTestId('item').first().waitFor({ timeout: 60_000 })
    }
    for (const viewport of WIDTHS) {
      for (const keepHint of [false, true]) {
        const key = `${c.label}, ${viewport.width} px, ${keepHint ? 'next visit' : 'first visit'}`
        const runs = []
        for (let i = 0; i < RUNS; i++) runs.push(await measure(context, server.url, viewport, { keepHint: keepHint || i > 0 ? keepHint : false }))
        const worst = runs.reduce((a, b) => (b.cls > a.cls ? b : a))
        const s = spread(runs.map((r) => r.cls))
        const at = (k) => r1(spread(runs.map((r) => r.seen[k]))?.median)
        rows[key] = {
          'list shown ms': at('list'),
          'dashboard shown ms': at('dashboard'),
          'CLS median': r1(s.median * 1000) / 1000,
          'CLS max': r1(s.max * 1000) / 1000,
          'worst shifts': worst.shifts
            .map((x) => x.moved.join(', '))
            .join(' | ')
            .slice(0, 120),
        }
        log(key, rows[key]['CLS median'], fmtLoad())
      }
    }
  }
} finally {
  await browser.close()
  await server.stop()
  rmSync(TMP, { recursive: true, force: true })
}
console.log(`\nHome page CLS, CPU 4x slower, ${RUNS} run(s) per case; ${fmtLoad()}`)
console.table(rows)
