// Performance bench: how fast the built app opens a plan (warm and offline), next to a floor page
// that shows the same rows with the same stack (React + Dexie + @tanstack/react-virtual, a service
// worker, only the rows on screen rendered); how fast a checkbox answers and is stored; how smoothly
// the list scrolls; how much JS the first page loads before its first render. Prints every timing
// with its spread (min, median, max) and the load average, writes bench/out/results.json. It never
// fails on a figure: the exit code is 1 only when something crashed.
//
// Usage: npm run bench [-- --no-build] [--runs 5] [--toggles 20] [--sizes 5000,20000,50000]
//   default      builds the app into a temp dir (so a test run reading ./dist is not disturbed), 5,000 items
//   --sizes      plan sizes to measure, each in a fresh browser profile (--items N = --sizes N)
//   --no-build   measures ./dist as it is (run `npm run build` first)
//   --dist DIR   measures the build in DIR (to compare two builds at the same load)
//   --no-floor   skips the floor page
//   --profile    also records CPU profiles of one offline open, of one toggle and of one link to the last item
//                (bench/out/*.cpuprofile, open them in Chrome DevTools > Performance), prints the functions with the
//                most self time and a timeline of the open: scripts fetched, loading indicators, IndexedDB requests
//   --links-only measures only the ?item= links (halfway down and to the last item), without the floor page
// Timings are only comparable on a quiet machine: run it several times and read the load column.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { launch, ROOT, startPreview, waitForServiceWorker } from '../tests/e2e/browser.mjs'
import { seededPlan } from './seed.mjs'
import { fmtLoad, fmtSpread, load, median, r1, spread } from './stats.mjs'
import { evaluateWithIdb } from './in-page.mjs'

// ---------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const opt = (name) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  return i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]
}
const num = (name, dflt) => {
  const v = Number(opt(name))
  return Number.isFinite(v) && v > 0 ? v : dflt
}
const BUILD = !flag('no-build') && !opt('dist')
const LINKS_ONLY = flag('links-only')
const FLOOR = !flag('no-floor') && !LINKS_ONLY
const PROFILE = flag('profile')
const RUNS = num('runs', 5)
const TOGGLES = num('toggles', 20)
const SIZES = (opt('sizes') ?? String(num('items', 5000)))
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0)
const SECTIONS = 10
const VIEWPORT = { width: 1280, height: 900 }

const OUT = path.join(ROOT, 'bench/out')
// Builds go to a temp dir, removed at the end: outside the repo, eslint and the e2e tests never see them.
const TMP = mkdtempSync(path.join(tmpdir(), 'ck-bench-'))
const APP_DIST = opt('dist') ? path.resolve(opt('dist')) : BUILD ? path.join(TMP, 'app-dist') : path.join(ROOT, 'dist')
const FLOOR_SRC = path.join(ROOT, 'bench/floor')
const FLOOR_DIST = path.join(TMP, 'floor-dist')
process.once('SIGINT', () => {
  rmSync(TMP, { recursive: true, force: true })
  process.exit(130) // 'exit' handlers stop the preview servers; Playwright closes the browser
})

const TARGET = {
  open: 'no slower than the floor; < 1 s at 50,000',
  toggleFrames: 'the next frame, every time',
  toggleStored: '≤ 100 ms',
  scroll: '60 fps',
  initialJs: '< 120 KB gzip',
}

// ---------------------------------------------------------------------------------------- helpers
const ms = (x) => (x == null ? 'n/a' : `${r1(x)} ms`)
const kb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1000).toFixed(1)} KB`)
const gz = (buf) => gzipSync(buf, { level: 9 }).length
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
const log = (...a) => console.error('[bench]', ...a) // progress on stderr, figures on stdout
const elapsed = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`
/** A figure measured now: its spread over the runs and the load average at the end of them. */
const figure = (xs) => ({ ...spread(xs), ...load() })

// ---------------------------------------------------------------------------------------- builds
function buildApp() {
  const t0 = performance.now()
  const res = spawnSync(
    process.execPath,
    [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', APP_DIST, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  )
  if (res.status !== 0) throw new Error(`vite build failed (${res.status}):\n${res.stdout}\n${res.stderr}`)
  log(`app built in ${elapsed(t0)}`)
}

async function buildFloor() {
  const t0 = performance.now()
  const { build } = await import('vite')
  const react = (await import('@vitejs/plugin-react')).default
  const { VitePWA } = await import('vite-plugin-pwa')
  await build({
    configFile: false,
    root: FLOOR_SRC,
    logLevel: 'silent',
    // A service worker that precaches the page, as the app's does, so that offline is compared with offline.
    plugins: [react(), VitePWA({ registerType: 'autoUpdate', injectRegister: 'script', manifest: false, workbox: { globPatterns: ['**/*.{js,css,html}'] } })],
    build: { outDir: FLOOR_DIST, emptyOutDir: true, target: 'es2022' },
  })
  log(`floor built in ${elapsed(t0)}`)
}

// ---------------------------------------------------------------------------------------- JS size
function jsSizes(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/gi)].map((m) => m[0])
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1]
  const initial = [
    ...new Set(
      tags.flatMap((t) => {
        if (/^<script/i.test(t) && attr(t, 'type') === 'module' && attr(t, 'src')) return [attr(t, 'src')]
        if (/^<link/i.test(t) && attr(t, 'rel') === 'modulepreload' && attr(t, 'href')) return [attr(t, 'href')]
        return []
      }),
    ),
  ]
  const fileOf = (url) => path.join(dist, new URL(url, 'http://x/').pathname)
  const initialFiles = initial.map((u) => {
    const buf = readFileSync(fileOf(u))
    return { file: path.relative(dist, fileOf(u)), raw: buf.length, gzip: gz(buf) }
  })
  const assetsDir = path.join(dist, 'assets')
  const all = existsSync(assetsDir)
    ? walk(assetsDir)
        .filter((f) => f.endsWith('.js'))
        .map((f) => {
          const buf = readFileSync(f)
          return { file: path.relative(dist, f), raw: buf.length, gzip: gz(buf) }
        })
    : []
  const sum = (rows, k) => rows.reduce((a, r) => a + r[k], 0)
  return {
    initial: { files: initialFiles, raw: sum(initialFiles, 'raw'), gzip: sum(initialFiles, 'gzip') },
    all: { files: all, count: all.length, raw: sum(all, 'raw'), gzip: sum(all, 'gzip') },
    gzipOf: (pathname) => all.find((r) => `/${r.file}` === pathname)?.gzip ?? null,
  }
}

// ---------------------------------------------------------------------------------------- in-page code
/** Init script: ms since navigation start when the first item row enters the DOM, and the frame after. */
const FIRST_ITEM_PROBE = () => {
  const w = window
  w.__firstItem = null
  const count = () => document.querySelectorAll('[data-testid="item"]').length
  // When each loading indicator ([aria-busy="true"]) first appeared, to see what the wait is spent on.
  w.__busy = {}
  const check = () => {
    for (const el of document.querySelectorAll('[aria-busy="true"]')) {
      const text = el.textContent.trim().slice(0, 40) || el.tagName
      w.__busy[text] ??= performance.now()
    }
    if (w.__firstItem || !document.querySelector('[data-testid="item"]')) return false
    const probe = { dom: performance.now(), domItems: count() }
    w.__firstItem = probe
    requestAnimationFrame(() =>
      setTimeout(() => {
        probe.frame = performance.now()
        probe.frameItems = count()
      }, 0),
    )
    return true
  }
  new MutationObserver((_, obs) => check() && obs.disconnect()).observe(document, { childList: true, subtree: true })
}

async function readNavMetrics(page) {
  await page.waitForFunction(() => window.__firstItem?.frame, null, { timeout: 30_000 })
  // Let the page settle (the virtualiser measures rows after the first paint), then count rows.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 200)))))
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0]
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]
    const jsEntries = performance.getEntriesByType('resource').filter((e) => /\.m?js(\?|$)/.test(e.name))
    const js = jsEntries.map((e) => new URL(e.name).pathname)
    return {
      firstItemDom: window.__firstItem.dom,
      firstItemFrame: window.__firstItem.frame,
      itemsAtFirstFrame: window.__firstItem.frameItems,
      itemsSettled: document.querySelectorAll('[data-testid="item"]').length,
      fcp: fcp?.startTime ?? null,
      domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
      load: nav?.loadEventEnd ?? null,
      lastScript: jsEntries.reduce((a, e) => Math.max(a, e.responseEnd), 0) || null,
      busy: window.__busy,
      controlled: !!navigator.serviceWorker?.controller,
      js,
    }
  })
}

/** The storage floor: a raw IndexedDB read of the plan's items through the planId index, no Dexie, no React. */
async function rawRead({ planId, times }) {
  const req = globalThis.ckRequest
  const out = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    const db = await req(indexedDB.open('continuity-kit'))
    const t1 = performance.now()
    const rows = await req(db.transaction('items', 'readonly').objectStore('items').index('planId').getAll(planId))
    const t2 = performance.now()
    db.close()
    out.push({ open: t1 - t0, getAll: t2 - t1, rows: rows.length })
  }
  return out
}

/** Opens a raw IndexedDB connection the toggle probe reads stored statuses through. */
async function openProbeDb() {
  await new Promise((resolve, reject) => {
    const r = indexedDB.open('continuity-kit')
    r.onsuccess = () => {
      window.__benchDb = r.result
      // Never hold up a schema upgrade the app might run.
      r.result.onversionchange = () => r.result.close()
      resolve()
    }
    r.onerror = () => reject(r.error)
  })
  window.__longTasks = []
  try {
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({
      type: 'longtask',
      buffered: false,
    })
  } catch {
    // longtask entries are not supported: the figure stays empty
  }
}

/** Scrolls to a fraction of the list, lets it settle, and returns the id of an open item row in view. */
async function pickOpenItem(fraction) {
  const frames = (n) =>
    new Promise((r) => {
      const step = () => (n-- <= 0 ? r() : requestAnimationFrame(step))
      requestAnimationFrame(step)
    })
  const idle = () => new Promise((r) => requestIdleCallback(() => r(), { timeout: 1000 }))
  window.scrollTo(0, Math.floor(fraction * (document.documentElement.scrollHeight - innerHeight)))
  await frames(3)
  await idle()
  const rows = [...document.querySelectorAll('[data-testid="item"][data-status="open"]')]
  const inView = rows.filter((r) => {
    const b = r.getBoundingClientRect()
    return b.top >= 0 && b.bottom <= innerHeight
  })
  const row = inView[Math.floor(inView.length / 2)] ?? rows[0]
  const box = row?.querySelector('input[type="checkbox"]')
  const label = box?.getAttribute('aria-labelledby') ?? ''
  return label.startsWith('item-text-') ? label.slice('item-text-'.length) : null
}

/**
 * Clicks one item's checkbox and measures, from the click:
 *  - handler: the click's event handlers returned;
 *  - dom: React committed the new state (the row's data-status became "done");
 *  - frame: the frame that shows it has been produced (first animation frame that sees the change,
 *    then the task after it); frames: which frame after the click that was (1 = the very next one);
 *  - stored: the item's status read back from IndexedDB is "done";
 *  - busy: long tasks (> 50 ms) on the main thread from the click until the page is idle again.
 */
async function toggleItem(id) {
  const sel = `input[type="checkbox"][aria-labelledby="item-text-${CSS.escape(id)}"]`
  const box = document.querySelector(sel)
  if (!box) throw new Error(`no checkbox for item ${id}`)
  const rowOf = () => document.querySelector(sel)?.closest('[data-testid="item"]')
  const shown = () => {
    const row = rowOf()
    const b = row?.querySelector('input[type="checkbox"]')
    return !!row && row.getAttribute('data-status') === 'done' && !!b?.checked
  }
  const db = window.__benchDb
  const readStatus = () =>
    new Promise((resolve, reject) => {
      const r = db.transaction('items', 'readonly').objectStore('items').get(id)
      r.onsuccess = () => resolve(r.result?.status)
      r.onerror = () => reject(r.error)
    })
  const result = { id }
  let t0 = 0
  const domSeen = new Promise((resolve) => {
    const mo = new MutationObserver(() => {
      if (shown()) {
        result.dom = performance.now() - t0
        mo.disconnect()
        resolve()
      }
    })
    mo.observe(document.querySelector('main') ?? document.body, { attributes: true, attributeFilter: ['data-status', 'class'], subtree: true, childList: true })
  })
  const frameSeen = new Promise((resolve) => {
    let frames = 0
    const onFrame = () => {
      frames++
      if (!shown()) return requestAnimationFrame(onFrame)
      result.raf = performance.now() - t0
      result.frames = frames
      setTimeout(() => {
        result.frame = performance.now() - t0
        resolve()
      }, 0)
    }
    requestAnimationFrame(onFrame)
  })
  const stored = (async () => {
    const deadline = performance.now() + 10_000
    while (performance.now() < deadline) {
      if ((await readStatus()) === 'done') {
        result.stored = performance.now() - t0
        return
      }
    }
  })()
  t0 = performance.now()
  box.click()
  result.handler = performance.now() - t0
  await Promise.race([Promise.all([domSeen, frameSeen, stored]), new Promise((r) => setTimeout(r, 10_000))])
  // Wait until the page is idle again (the live query re-reads and re-renders after the write).
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))
  await new Promise((r) => requestIdleCallback(() => r(), { timeout: 2000 }))
  await new Promise((r) => setTimeout(r, 100))
  await new Promise((r) => requestIdleCallback(() => r(), { timeout: 2000 }))
  result.settled = performance.now() - t0
  const tasks = window.__longTasks.filter((t) => t.start >= t0 - 1)
  result.busy = tasks.reduce((a, t) => a + t.duration, 0)
  result.longest = tasks.reduce((a, t) => Math.max(a, t.duration), 0)
  window.__longTasks = []
  return result
}

// ---------------------------------------------------------------------------------------- profile
/** Init script for the profiled open: when each IndexedDB request (and storage.persist) starts and ends. */
const IDB_TRACE = () => {
  const trace = (window.__idbTrace = [])
  const wrap = (proto, name, label) => {
    const orig = proto[name]
    proto[name] = function (...args) {
      const req = orig.apply(this, args)
      const e = {
        op: `${label}.${name}`,
        on: label === 'indexedDB' ? String(args[0]) : `${this.objectStore?.name ?? this.name}${label === 'index' ? `.${this.name}` : ''}`,
        start: performance.now(),
      }
      trace.push(e)
      const end = () => (e.end ??= performance.now())
      req.addEventListener('success', end, { once: true })
      req.addEventListener('error', end, { once: true })
      return req
    }
  }
  wrap(IDBFactory.prototype, 'open', 'indexedDB')
  for (const m of ['get', 'getAll', 'count', 'openCursor']) {
    wrap(IDBObjectStore.prototype, m, 'store')
    wrap(IDBIndex.prototype, m, 'index')
  }
  const storage = navigator.storage
  for (const m of ['persist', 'persisted', 'estimate']) {
    const orig = storage?.[m]
    if (!orig) continue
    storage[m] = function (...args) {
      const e = { op: `storage.${m}`, on: '', start: performance.now() }
      trace.push(e)
      return orig.apply(this, args).finally(() => (e.end = performance.now()))
    }
  }
}

/** Self time per function (name and place in the bundle), most first. */
function topFunctions(profile, n = 15) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const self = new Map()
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame
    const where = f.url ? `${new URL(f.url).pathname}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ''
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim()
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
  })
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([fn, t]) => ({ function: fn, selfMs: r1(t) }))
}

/** Runs fn with the V8 sampling profiler on, saves the profile as bench/out/<name>.cpuprofile. */
async function profiled(page, name, fn) {
  const cdp = await page.context().newCDPSession(page)
  try {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    const value = await fn()
    const { profile } = await cdp.send('Profiler.stop')
    writeFileSync(path.join(OUT, `${name}.cpuprofile`), JSON.stringify(profile))
    return { value, top: topFunctions(profile) }
  } finally {
    await cdp.detach().catch(() => {})
  }
}

/** One open (in a page of its own) under the profiler, with a timeline of scripts, loading indicators and IndexedDB requests. */
async function profileOpen(context, url) {
  const page = await context.newPage()
  try {
    await page.addInitScript(IDB_TRACE)
    await page.goto(url, { waitUntil: 'load' })
    await readNavMetrics(page)
    const { value: nav, top } = await profiled(page, 'open-plan', async () => {
      await page.goto(url, { waitUntil: 'load' })
      return readNavMetrics(page)
    })
    const scripts = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js(\?|$)/.test(e.name))
        .map((e) => ({ op: 'script', on: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })),
    )
    const busy = Object.entries(nav.busy ?? {}).map(([text, at]) => ({ op: 'shown', on: text, start: at, end: at }))
    const first = [{ op: 'shown', on: 'first item row', start: nav.firstItemDom, end: nav.firstItemDom }]
    const timeline = [...(await page.evaluate(() => window.__idbTrace)), ...scripts, ...busy, ...first]
      .sort((a, b) => a.start - b.start)
      .filter((e) => e.start <= nav.firstItemDom + 50)
      .map((e) => ({ ...e, start: r1(e.start), end: r1(e.end), ms: r1(e.end - e.start) }))
    return { firstItemDom: nav.firstItemDom, lastScript: nav.lastScript, domContentLoaded: nav.domContentLoaded, top, timeline }
  } finally {
    await page.close()
  }
}

/** Scrolls the list at a steady 2,400 px/s from a point for `ms`; frames per second as drawn, and the worst gap. */
async function scrollRun({ from, ms }) {
  const frame = () => new Promise((r) => requestAnimationFrame(r))
  window.scrollTo(0, Math.floor(from * (document.documentElement.scrollHeight - innerHeight)))
  for (let i = 0; i < 5; i++) await frame()
  const gaps = []
  let last = await frame()
  const t0 = last
  while (last - t0 < ms) {
    window.scrollBy(0, 40)
    const t = await frame()
    gaps.push(t - last)
    last = t
  }
  return { fps: (gaps.length * 1000) / (last - t0), worst: Math.max(...gaps), rows: document.querySelectorAll('[data-testid="item"]').length }
}

/** In the page, once it has rendered: the JS it had fetched when its first render began, and FCP. */
function firstRenderEntries() {
  const mark = performance.getEntriesByName('first-render')[0]?.startTime ?? null
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null
  const js = performance
    .getEntriesByType('resource')
    .filter((e) => /\.m?js(\?|$)/.test(e.name))
    .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }))
  return { mark, fcp, js }
}

// ---------------------------------------------------------------------------------------- measurements
/** JS loaded before the first render of `url` (fresh profile, as a first visit), from the browser's own log. */
async function firstRenderJs(browser, url, sizes) {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForFunction(
      () => performance.getEntriesByName('first-render').length > 0 && performance.getEntriesByName('first-contentful-paint').length > 0,
      null,
      { timeout: 30_000 },
    )
    const { mark, fcp, js } = await page.evaluate(firstRenderEntries)
    const before = (t) => [...new Set(js.filter((e) => e.end <= t).map((e) => e.path))]
    const sum = (files) => files.reduce((a, p) => a + (sizes.gzipOf(p) ?? 0), 0)
    const atRender = before(mark)
    const atPaint = [...new Set(js.filter((e) => e.start <= fcp).map((e) => e.path))]
    return { files: atRender, gzip: sum(atRender), requestedBeforePaint: { files: atPaint, gzip: sum(atPaint) }, firstRender: mark, fcp }
  } finally {
    await context.close().catch(() => {})
  }
}

async function measureOpens(page, url, label) {
  const runs = []
  // One unrecorded load first, so every recorded run starts from the same caches.
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(url, { waitUntil: 'load' })
    const m = await readNavMetrics(page)
    if (i > 0) runs.push(m)
  }
  log(`${label}: first item ${runs.map((m) => r1(m.firstItemDom)).join(', ')} ms`)
  const col = (k) => runs.map((m) => m[k])
  return {
    firstItemDom: figure(col('firstItemDom')),
    firstItemFrame: figure(col('firstItemFrame')),
    fcp: figure(col('fcp')),
    itemsInDom: median(col('itemsSettled')),
    controlled: runs.every((m) => m.controlled),
    js: runs[0]?.js ?? [],
    runs: runs.map(({ js, busy, ...m }) => ({ ...m, busy: Object.fromEntries(Object.entries(busy ?? {}).map(([k, v]) => [k, r1(v)])), jsFiles: js.length })),
  }
}

/** In the page: the ids of the item halfway down the plan and of its last item, in the order the plan shows them. */
async function deepLinkTargets(planId) {
  const req = globalThis.ckRequest
  const db = await req(indexedDB.open('continuity-kit'))
  try {
    const tx = db.transaction(['sections', 'items'])
    const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0)
    const sections = (await req(tx.objectStore('sections').index('planId').getAll(planId))).sort((a, b) => cmp(a.order, b.order) || cmp(a.id, b.id))
    const rank = new Map(sections.map((s, i) => [s.id, i]))
    const items = (await req(tx.objectStore('items').index('planId').getAll(planId))).sort(
      (a, b) => rank.get(a.sectionId) - rank.get(b.sectionId) || cmp(a.order, b.order) || cmp(a.id, b.id),
    )
    return { middle: items[Math.floor(items.length / 2)]?.id, last: items.at(-1)?.id }
  } finally {
    db.close()
  }
}

/** Opens `?item=` links (halfway down, the last item): ms from navigation until that item has the focus. */
async function measureDeepLinks(page, planUrl, planId) {
  const targets = await evaluateWithIdb(page, deepLinkTargets, planId)
  const out = {}
  for (const [where, id] of Object.entries(targets)) {
    if (!id) continue
    const runs = []
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${planUrl}?item=${encodeURIComponent(id)}`, { waitUntil: 'load' })
      const at = await page.waitForFunction(
        (id) => (document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id') === id ? performance.now() : null),
        id,
        { timeout: 60_000, polling: 'raf' },
      )
      if (i > 0) runs.push(await at.jsonValue())
    }
    out[where] = figure(runs)
    log(`deep link to the item ${where === 'middle' ? 'halfway down' : 'at the end'}: focused at ${runs.map(r1).join(', ')} ms`)
  }
  if (PROFILE && targets.last) {
    const url = `${planUrl}?item=${encodeURIComponent(targets.last)}`
    const { value, top } = await profiled(page, 'link-last', async () => {
      await page.goto(url, { waitUntil: 'load' })
      const at = await page.waitForFunction(
        (id) => (document.activeElement?.closest('[data-item-id]')?.getAttribute('data-item-id') === id ? performance.now() : null),
        targets.last,
        { timeout: 60_000, polling: 'raf' },
      )
      return at.jsonValue()
    })
    out.profile = { focused: value, top }
  }
  return out
}

async function measureScroll(page) {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate(scrollRun, { from: (i / RUNS) * 0.8, ms: 2000 }))
  return { fps: figure(runs.map((r) => r.fps)), worst: figure(runs.map((r) => r.worst)), rows: median(runs.map((r) => r.rows)) }
}

async function benchApp(browser, items, sizes, out) {
  const server = await startPreview({ dir: APP_DIST })
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.addInitScript(FIRST_ITEM_PROBE)
    const page = await context.newPage()
    page.on('pageerror', (e) => log('page error:', e.message))

    let t0 = performance.now()
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await waitForServiceWorker(page)
    const { planUrl, planId, seed } = await seededPlan(page, items, SECTIONS)
    log(`${items}: seeded over ${seed.sections} sections in ${r1(seed.ms)} ms (setup ${elapsed(t0)})`)
    out.seed = { items, ...seed }
    if (LINKS_ONLY) {
      // Opened once first, as the other measures do, so the page and its code are cached.
      await page.goto(planUrl, { waitUntil: 'load' })
      await page.getByTestId('item').first().waitFor({ timeout: 60_000 })
      out.deepLink = await measureDeepLinks(page, planUrl, planId)
      return
    }

    t0 = performance.now()
    out.appWarm = await measureOpens(page, planUrl, `${items} app warm`)
    if (!out.appWarm.controlled) log('warning: the service worker did not control every warm run')
    const jsOpen = [...new Set(out.appWarm.js)].filter((p) => p.startsWith('/assets/'))
    out.planRouteJs = { files: jsOpen, gzip: jsOpen.reduce((a, p) => a + (sizes?.gzipOf(p) ?? 0), 0) }

    await context.setOffline(true)
    out.appOffline = await measureOpens(page, planUrl, `${items} app offline`)
    if (!out.appOffline.controlled) log('warning: offline runs were not served by the service worker')
    if (PROFILE) out.profile = await profileOpen(context, planUrl)
    const reads = await evaluateWithIdb(page, rawRead, { planId, times: RUNS })
    out.rawRead = { getAll: figure(reads.map((x) => x.getAll)), rows: reads[0]?.rows }
    await context.setOffline(false)
    log(`${items}: opens measured in ${elapsed(t0)}`)
    out.deepLink = await measureDeepLinks(page, planUrl, planId)

    // Toggles: one item per scroll position, spread over the whole list.
    t0 = performance.now()
    await page.goto(planUrl, { waitUntil: 'load' })
    await readNavMetrics(page)
    // A long plan shows its first screen first and the rest as it is read: toggles wait for all of it.
    await page.evaluate(async () => {
      let last = -1
      for (let still = 0; still < 4;) {
        await new Promise((r) => setTimeout(r, 250))
        const h = document.documentElement.scrollHeight
        still = h === last ? still + 1 : 0
        last = h
      }
    })
    await page.evaluate(openProbeDb)
    const toggles = []
    for (let i = 0; i < TOGGLES; i++) {
      const id = await page.evaluate(pickOpenItem, TOGGLES === 1 ? 0 : i / (TOGGLES - 1))
      if (!id) throw new Error('found no open item row to toggle')
      toggles.push(await page.evaluate(toggleItem, id))
    }
    const col = (k) => toggles.map((t) => t[k])
    out.toggle = {
      count: toggles.length,
      handler: figure(col('handler')),
      dom: figure(col('dom')),
      frame: figure(col('frame')),
      frames: figure(col('frames')),
      inNextFrame: toggles.filter((t) => t.frames === 1).length,
      stored: figure(col('stored')),
      settled: figure(col('settled')),
      busy: figure(col('busy')),
      longest: Math.max(0, ...col('longest')),
      missed: toggles.filter((t) => t.frame == null || t.stored == null).length,
      runs: toggles.map((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'number' ? r1(v) : v]))),
    }
    if (PROFILE) {
      const id = await page.evaluate(pickOpenItem, 0.5)
      const { value, top } = await profiled(page, `toggle-${items}`, () => page.evaluate(toggleItem, id))
      out.toggleProfile = { run: value, top }
    }
    log(`${items}: toggles measured in ${elapsed(t0)}`)
    out.scroll = await measureScroll(page)
  } finally {
    await context.close().catch(() => {})
    await server.stop()
  }
}

async function benchFloor(browser, items, out) {
  const server = await startPreview({ dir: FLOOR_DIST })
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.addInitScript(FIRST_ITEM_PROBE)
    const page = await context.newPage()
    page.on('pageerror', (e) => log('floor page error:', e.message))
    const url = `${server.url}/?n=${items}`
    await page.goto(url)
    await page.getByTestId('item').first().waitFor({ timeout: 120_000 })
    await waitForServiceWorker(page)
    out.floorWarm = await measureOpens(page, url, `${items} floor warm`)
    await context.setOffline(true)
    out.floorOffline = await measureOpens(page, url, `${items} floor offline`)
    if (!out.floorOffline.controlled) log('warning: floor offline runs were not served by its service worker')
    await context.setOffline(false)
    out.floorScroll = await measureScroll(page)
  } finally {
    await context.close().catch(() => {})
    await server.stop()
  }
}

// ---------------------------------------------------------------------------------------- report
const cell = (f) => (f?.median == null ? {} : { min: r1(f.min), median: r1(f.median), max: r1(f.max), n: f.n, load: f.load1 })

function reportSize(items, r) {
  const table = {}
  const row = (name, f, target = '', floor = null) => (table[name] = { ...cell(f), target, floor: floor?.median == null ? '' : r1(floor.median) })
  const o = r.appOffline
  const w = r.appWarm
  if (o) {
    row('open offline: first item in DOM (ms)', o.firstItemDom, TARGET.open, r.floorOffline?.firstItemDom)
    row('open offline: next frame (ms)', o.firstItemFrame, '', r.floorOffline?.firstItemFrame)
  }
  if (w) {
    row('open warm: first item in DOM (ms)', w.firstItemDom, TARGET.open, r.floorWarm?.firstItemDom)
    row('open warm: next frame (ms)', w.firstItemFrame, '', r.floorWarm?.firstItemFrame)
  }
  if (r.rawRead) row(`raw IndexedDB getAll of ${r.rawRead.rows} items (ms)`, r.rawRead.getAll, 'storage floor')
  if (r.deepLink?.middle) row('link to an item halfway down: focused (ms)', r.deepLink.middle, 'not after the whole plan')
  if (r.deepLink?.last) row('link to the last item: focused (ms)', r.deepLink.last)
  const t = r.toggle
  if (t) {
    row('toggle: handler returned (ms)', t.handler)
    row('toggle: shown, frame done (ms)', t.frame)
    row('toggle: frames after the click', t.frames, TARGET.toggleFrames)
    row('toggle: stored in IndexedDB (ms)', t.stored, TARGET.toggleStored)
    row('toggle: long tasks after (ms)', t.busy)
  }
  if (r.scroll) {
    row('scroll: frames per second', r.scroll.fps, TARGET.scroll, r.floorScroll?.fps)
    row('scroll: worst frame gap (ms)', r.scroll.worst, '', r.floorScroll?.worst)
  }
  console.log(
    `\n${items} items (${SECTIONS} sections): median of ${RUNS} opens and scrolls, ${TOGGLES} toggles; "load" is the 1-minute load average when each was measured (${r.cores ?? ''} cores)`,
  )
  console.table(table)
  const lines = []
  if (o)
    lines.push(
      `open ${items} items offline: first item ${fmtSpread(o.firstItemDom)}${r.floorOffline ? `; floor ${fmtSpread(r.floorOffline.firstItemDom)}` : ''} [${fmtLoad(o.firstItemDom)}]`,
    )
  if (w)
    lines.push(
      `open ${items} items warm: first item ${fmtSpread(w.firstItemDom)}${r.floorWarm ? `; floor ${fmtSpread(r.floorWarm.firstItemDom)}` : ''}; item rows in the DOM: app ${w.itemsInDom}, floor ${r.floorWarm?.itemsInDom ?? 'n/a'}`,
    )
  if (r.deepLink?.middle)
    lines.push(`?item= link: halfway down focused ${fmtSpread(r.deepLink.middle)}; last item ${fmtSpread(r.deepLink.last)} [${fmtLoad(r.deepLink.middle)}]`)
  if (t) {
    lines.push(
      `toggle: shown ${fmtSpread(t.frame)}, in the very next frame ${t.inNextFrame} of ${t.count} times; stored ${fmtSpread(t.stored)} [${fmtLoad(t.stored)}]${t.missed ? `; ${t.missed} not seen` : ''}`,
    )
  }
  if (r.scroll)
    lines.push(
      `scroll: ${fmtSpread(r.scroll.fps, 'fps')}, worst frame ${fmtSpread(r.scroll.worst)}${r.floorScroll ? `; floor ${fmtSpread(r.floorScroll.fps, 'fps')}` : ''} [${fmtLoad(r.scroll.fps)}]`,
    )
  for (const l of lines) console.log(l)
  if (r.profile) {
    const p = r.profile
    console.log(
      `\nCPU profile of one offline open (DOMContentLoaded ${ms(p.domContentLoaded)}, last script ${ms(p.lastScript)}, first item ${ms(p.firstItemDom)}); most self time; bench/out/open-plan.cpuprofile`,
    )
    console.table(p.top)
    console.log('Scripts fetched, loading indicators shown and IndexedDB requests until the first item (ms since navigation start)')
    console.table(p.timeline)
  }
  if (r.deepLink?.profile) {
    console.log(`\nCPU profile of one link to the last item (focused at ${ms(r.deepLink.profile.focused)}); most self time; bench/out/link-last.cpuprofile`)
    console.table(r.deepLink.profile.top)
  }
  if (r.toggleProfile) {
    const { run, top } = r.toggleProfile
    console.log(
      `\nCPU profile of one toggle (shown ${ms(run.frame)}, stored ${ms(run.stored)}, idle again ${ms(run.settled)}); most self time; bench/out/toggle-${items}.cpuprofile`,
    )
    console.table(top)
  }
}

function report(results) {
  console.log(
    `\nContinuity Kit bench (${BUILD ? 'fresh build' : (opt('dist') ?? './dist')}); load average ${results.loadBefore.join(' ')} before, ${results.loadAfter.join(' ')} after, on ${results.cores} cores`,
  )
  const s = results.size
  const fr = results.firstRenderJs
  if (s) {
    console.log(
      `JS before the first render of the home page: ${fr ? `${kb(fr.home.gzip)} gzip in ${fr.home.files.length} files` : 'n/a'} (target ${TARGET.initialJs}); requested before its first paint: ${fr ? kb(fr.home.requestedBeforePaint.gzip) : 'n/a'}`,
    )
    if (fr?.plan) console.log(`JS before the first render of a plan (deep link): ${kb(fr.plan.gzip)} gzip in ${fr.plan.files.length} files`)
    console.log(
      `entry and its modulepreloads in index.html: ${kb(s.initial.gzip)} gzip; all JS in dist/assets: ${kb(s.all.gzip)} in ${s.all.count} files${results.floorSize ? `; floor page JS: ${kb(results.floorSize.all.gzip)}` : ''}`,
    )
  }
  for (const [items, r] of Object.entries(results.sizes)) reportSize(items, { ...r, cores: results.cores })
  for (const [k, e] of Object.entries(results.errors)) console.log(`NOT MEASURED ${k}: ${e}`)
}

// ---------------------------------------------------------------------------------------- main
const started = performance.now()
const results = {
  at: new Date().toISOString(),
  sizes: {},
  runs: RUNS,
  toggles: TOGGLES,
  dist: BUILD ? 'fresh build' : (opt('dist') ?? 'dist'),
  targets: TARGET,
  errors: {},
  cores: load().cores,
  loadBefore: loadavg().map(r1),
}
const guard = async (name, fn) => {
  try {
    await fn()
  } catch (e) {
    results.errors[name] = e?.stack ?? String(e)
    log(`${name} failed: ${e?.message ?? e}`)
  }
}
mkdirSync(OUT, { recursive: true })

let sizes = null
await guard('build', async () => {
  if (BUILD) buildApp()
  if (FLOOR) await buildFloor()
})
await guard('size', async () => {
  const plain = ({ initial, all }) => ({ initial, all })
  sizes = jsSizes(APP_DIST)
  results.size = plain(sizes)
  if (FLOOR && existsSync(path.join(FLOOR_DIST, 'index.html'))) results.floorSize = plain(jsSizes(FLOOR_DIST))
})

let browser = null
try {
  await guard('browser', async () => {
    browser = await launch()
  })
  if (browser) {
    await guard('first-render JS', async () => {
      const server = await startPreview({ dir: APP_DIST })
      try {
        results.firstRenderJs = {
          home: await firstRenderJs(browser, `${server.url}/`, sizes),
          plan: await firstRenderJs(browser, `${server.url}/plans/none`, sizes),
        }
      } finally {
        await server.stop()
      }
    })
    for (const items of SIZES) {
      const out = (results.sizes[items] = {})
      await guard(`app ${items}`, () => benchApp(browser, items, sizes, out))
      if (FLOOR && existsSync(path.join(FLOOR_DIST, 'index.html'))) await guard(`floor ${items}`, () => benchFloor(browser, items, out))
    }
  }
} finally {
  await browser?.close().catch(() => {})
  rmSync(TMP, { recursive: true, force: true })
}

results.seconds = r1((performance.now() - started) / 1000)
results.loadAfter = loadavg().map(r1)
const round = (v) => (typeof v === 'number' && !Number.isInteger(v) ? r1(v) : v)
writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, (_, v) => round(v), 2)}\n`)
report(results)
console.log(`\nresults: ${path.relative(process.cwd(), path.join(OUT, 'results.json'))} (${results.seconds} s)`)
process.exit(Object.keys(results.errors).length ? 1 : 0)
