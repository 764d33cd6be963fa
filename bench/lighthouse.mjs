// Lighthouse 12 (13 needs Node 22) against the built app in Debian Chromium: a plan of 100 items and
// one of 5,000, seeded into a persistent browser profile that Lighthouse then opens without clearing
// it (--disable-storage-reset), on mobile (its default: a mid-range phone, slow 4G, simulated) and
// desktop. Prints performance, accessibility and best practices per run with their spread, the key
// metrics, the load average, and the audits that fall short. Never fails on a score.
//
// Usage: node bench/lighthouse.mjs [--no-build] [--runs 3] [--sizes 100,5000] [--forms mobile,desktop] [--no-home] [--traces]
//   the home page is measured too, with every seeded plan on it; --dist DIR measures the build in DIR
//   the JSON reports are kept in bench/out/lighthouse/ (open them in https://googlechrome.github.io/lighthouse/viewer/)
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { CHROME_ARGS, CHROMIUM, ROOT, startPreview, waitForServiceWorker } from '../tests/e2e/browser.mjs'
import { seededPlan } from './seed.mjs'
import { fmtLoad, fmtSpread, load, median, r1, spread } from './stats.mjs'

const argv = process.argv.slice(2)
const opt = (name) => {
  const i = argv.indexOf(`--${name}`)
  return i < 0 ? undefined : argv[i + 1]
}
const BUILD = !argv.includes('--no-build') && !opt('dist')
const RUNS = Math.max(1, Number(opt('runs') ?? 3) || 3)
const SIZES = (opt('sizes') ?? '100,5000')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
const FORMS = (opt('forms') ?? 'mobile,desktop').split(',')
const HOME = !argv.includes('--no-home')
// Keeps each run's trace and DevTools log beside its report (Lighthouse's --save-assets), to see which tasks cost the score.
const TRACES = argv.includes('--traces')
const CATEGORIES = ['performance', 'accessibility', 'best-practices']
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
const TARGET = { 'mobile performance': '≥ 95 with 5,000 items', accessibility: '100', 'best-practices': '100' }
const OUT = path.join(ROOT, 'bench/out/lighthouse')
const TMP = mkdtempSync(path.join(tmpdir(), 'ck-lighthouse-'))
const DIST = opt('dist') ? path.resolve(opt('dist')) : BUILD ? path.join(TMP, 'dist') : path.join(ROOT, 'dist')
const PROFILE = path.join(TMP, 'profile')
const log = (...a) => console.error('[lighthouse]', ...a)

function build() {
  const res = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', DIST, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  )
  if (res.status !== 0) throw new Error(`vite build failed:\n${res.stdout}\n${res.stderr}`)
}

/** Seeds one plan per size into the profile, through the app; returns their URLs. */
async function seed(url) {
  const context = await chromium.launchPersistentContext(PROFILE, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROME_ARGS,
    viewport: { width: 1280, height: 900 },
  })
  try {
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await waitForServiceWorker(page)
    const plans = {}
    for (const n of SIZES) {
      await page.goto(url)
      await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
      const { planUrl, seed } = await seededPlan(page, n)
      log(`seeded ${n} items in ${r1(seed.ms)} ms`)
      // Opened once, as someone who made the plan would have.
      await page.goto(planUrl)
      await page.getByTestId('item').first().waitFor({ timeout: 60_000 })
      plans[n] = planUrl
    }
    return plans
  } finally {
    await context.close()
  }
}

/** One Lighthouse run in its own Chromium on the seeded profile; returns the report. */
function lighthouse(url, form, file) {
  const flags = ['--headless', ...CHROME_ARGS, `--user-data-dir=${PROFILE}`].join(' ')
  const args = [
    path.join(ROOT, 'node_modules/lighthouse/cli/index.js'),
    url,
    '--quiet',
    '--disable-storage-reset',
    `--chrome-flags=${flags}`,
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${file}`,
    ...(form === 'desktop' ? ['--preset=desktop'] : []),
    ...(TRACES ? ['--save-assets'] : []),
  ]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    child.stderr.on('data', (d) => (err += d))
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(readFileSync(file, 'utf8'))) : reject(new Error(`lighthouse exited ${code}:\n${err.slice(-2000)}`)),
    )
  })
}

const failing = (r) =>
  Object.values(r.audits)
    .filter((a) => a.score !== null && a.score < 0.9 && !['informative', 'manual', 'notApplicable'].includes(a.scoreDisplayMode))
    .map((a) => `${a.id}${a.displayValue ? ` (${a.displayValue})` : ''}`)

let server
const results = { at: new Date().toISOString(), runs: RUNS, loadBefore: load(), reports: {} }
try {
  mkdirSync(OUT, { recursive: true })
  if (BUILD) build()
  server = await startPreview({ dir: DIST })
  const plans = await seed(server.url)
  // Each plan's page, then the home page, which lists them all with their progress.
  const pages = [
    ...SIZES.map((n) => ({ key: `${n} items`, file: `plan-${n}`, url: plans[n] })),
    ...(HOME ? [{ key: `home (plans of ${SIZES.join(' and ')} items)`, file: 'home', url: `${server.url}/` }] : []),
  ]
  for (const target of pages) {
    for (const form of FORMS) {
      const key = `${target.key}, ${form}`
      const runs = []
      for (let i = 0; i < RUNS; i++) {
        const file = path.join(OUT, `${target.file}-${form}-${i + 1}.json`)
        const r = await lighthouse(target.url, form, file)
        const items = r.audits['dom-size']?.numericValue
        runs.push({
          scores: Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((r.categories[c]?.score ?? 0) * 100)])),
          metrics: Object.fromEntries(METRICS.map((m) => [m, r.audits[m]?.numericValue])),
          domElements: items,
          failing: failing(r),
          finalUrl: r.finalDisplayedUrl,
          // Lighthouse's CPU benchmark of this host at the time: its 4x mobile slowdown assumes a fast desktop, so a
          // lower index (a busy or slow host) lengthens every task before it is multiplied.
          benchmarkIndex: r.environment?.benchmarkIndex,
          warnings: r.runWarnings,
          ...load(),
        })
        log(`${key} #${i + 1}: ${CATEGORIES.map((c) => `${c} ${runs.at(-1).scores[c]}`).join(', ')} (${items} DOM elements) [${fmtLoad()}]`)
      }
      results.reports[key] = runs
    }
  }
} finally {
  await server?.stop()
  rmSync(TMP, { recursive: true, force: true })
}

results.loadAfter = load()
writeFileSync(path.join(OUT, 'summary.json'), `${JSON.stringify(results, null, 2)}\n`)
console.log(
  `\nLighthouse 12 on the built app in Debian Chromium, seeded profile (storage not reset); ${RUNS} run(s) each; ${fmtLoad(results.loadBefore)} before, ${fmtLoad(results.loadAfter)} after`,
)
const table = {}
for (const [key, runs] of Object.entries(results.reports)) {
  const s = (f) => spread(runs.map(f))
  const cell = (sp, unit = '') => (sp ? `${r1(sp.median)}${unit} (${r1(sp.min)}–${r1(sp.max)})` : 'n/a')
  table[key] = {
    ...Object.fromEntries(CATEGORIES.map((c) => [c, cell(s((r) => r.scores[c]))])),
    'LCP ms': cell(s((r) => r.metrics['largest-contentful-paint'])),
    'TBT ms': cell(s((r) => r.metrics['total-blocking-time'])),
    CLS: cell(s((r) => r.metrics['cumulative-layout-shift'])),
    load: r1(median(runs.map((r) => r.load1))),
    'CPU index': r1(median(runs.map((r) => r.benchmarkIndex))),
  }
}
console.table(table)
console.log('(median, min–max over the runs; "load" is the 1-minute load average after each run, median; "CPU index" is Lighthouse\'s benchmark of the host)')
console.log(
  `targets: ${Object.entries(TARGET)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ')}`,
)
for (const [key, runs] of Object.entries(results.reports)) {
  const perf = spread(runs.map((r) => r.scores.performance))
  console.log(
    `${key}: performance ${fmtSpread(perf, '')}, ${runs[0]?.domElements} DOM elements${runs.some((r) => r.failing.length) ? `; audits below 0.9: ${[...new Set(runs.flatMap((r) => r.failing))].join(', ')}` : ''}`,
  )
}
