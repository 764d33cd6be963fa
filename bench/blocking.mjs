// Main-thread blocking of a plan's open, for builds side by side at the same load: Chromium's trace of
// each open (no CPU throttling), its main-thread tasks summed, and the blocking time Lighthouse's 4×
// mobile slowdown would make of the tasks after the first paint (each task × 4, less 50 ms). Much
// quicker than Lighthouse and run alternately, so that two builds meet the same load; an estimate
// of what costs the mobile score, not the score.
//
// Usage: node bench/blocking.mjs --dist DIR[,DIR2] [--items 5000] [--runs 3] [--home]
//   each build gets its own seeded profile; the builds are opened in turn, `runs` times each
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROME_ARGS, CHROMIUM, startPreview, waitForServiceWorker } from '../tests/e2e/browser.mjs'
import { seededPlan } from './seed.mjs'
import { fmtLoad, fmtSpread, load, spread } from './stats.mjs'

const argv = process.argv.slice(2)
const opt = (name) => {
  const i = argv.indexOf(`--${name}`)
  return i < 0 ? undefined : argv[i + 1]
}
const DISTS = (opt('dist') ?? '').split(',').filter(Boolean)
const ITEMS = Number(opt('items') ?? 5000)
const RUNS = Number(opt('runs') ?? 3)
const HOME = argv.includes('--home')
const VIEWPORT = { width: 412, height: 823 } // Lighthouse's mobile screen
if (!DISTS.length) throw new Error('give the builds to measure: --dist DIR[,DIR2]')
const log = (...a) => console.error('[blocking]', ...a)

const launchProfile = (dir) => chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: CHROME_ARGS, viewport: VIEWPORT })

/** Seeds a plan into a fresh profile through the build's own UI; returns the profile and the URL to open. */
async function prepare(dist) {
  const profile = mkdtempSync(path.join(tmpdir(), 'ck-blocking-'))
  const server = await startPreview({ dir: path.resolve(dist) })
  const context = await launchProfile(profile)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await waitForServiceWorker(page)
    const { planUrl } = await seededPlan(page, ITEMS)
    await page.goto(planUrl)
    await page.getByTestId('item').first().waitFor({ timeout: 60_000 })
    return { dist, profile, server, url: HOME ? `${server.url}/` : planUrl, runs: [] }
  } finally {
    await context.close()
  }
}

/** One open under Chromium's tracing: first paint, main-thread time, and blocking after the first paint at 1× and 4×. */
async function traceOpen(target) {
  const context = await launchProfile(target.profile)
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    const cdp = await context.newCDPSession(page)
    const events = []
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value))
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r))
    await cdp.send('Tracing.start', {
      categories: 'devtools.timeline,disabled-by-default-devtools.timeline,loading,blink.user_timing',
      transferMode: 'ReportEvents',
    })
    await page.goto(target.url)
    await new Promise((r) => setTimeout(r, 5000))
    await cdp.send('Tracing.end')
    await done
    const nav = events.find((e) => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame) ?? events.find((e) => e.name === 'navigationStart')
    const fcp = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === nav?.pid)
    if (!nav || !fcp) throw new Error('no navigation or first paint in the trace')
    const tasks = events.filter((e) => e.name === 'RunTask' && e.pid === nav.pid && e.tid === nav.tid && e.ts > nav.ts)
    const after = tasks.filter((t) => t.ts >= fcp.ts).map((t) => t.dur / 1000)
    return {
      fcp: (fcp.ts - nav.ts) / 1000,
      mainThread: tasks.reduce((a, t) => a + t.dur / 1000, 0),
      blocking1x: after.reduce((a, d) => a + Math.max(0, d - 50), 0),
      blocking4x: after.reduce((a, d) => a + Math.max(0, d * 4 - 50), 0),
      ...load(),
    }
  } finally {
    await context.close()
  }
}

const targets = []
try {
  for (const dist of DISTS) targets.push(await prepare(dist))
  for (let i = 0; i < RUNS; i++) {
    for (const t of targets) {
      t.runs.push(await traceOpen(t))
      log(`${t.dist} #${i + 1}: blocking after first paint at 4× ${Math.round(t.runs.at(-1).blocking4x)} ms [${fmtLoad()}]`)
    }
  }
} finally {
  for (const t of targets) {
    await t.server.stop()
    rmSync(t.profile, { recursive: true, force: true })
  }
}

console.log(`\nOpening ${HOME ? 'the home page' : 'a plan'} of ${ITEMS} items (412 × 823), ${RUNS} runs per build in turn; ms as median (min, max, n)`)
for (const t of targets) {
  const f = (k) => fmtSpread(spread(t.runs.map((r) => r[k])))
  const loads = t.runs.map((r) => r.load1)
  console.log(`${t.dist}: first paint ${f('fcp')}; main thread ${f('mainThread')}`)
  console.log(
    `  blocking after the first paint: ${f('blocking1x')}; as at Lighthouse's 4× slowdown: ${f('blocking4x')} [load ${Math.min(...loads)}–${Math.max(...loads)}]`,
  )
}
