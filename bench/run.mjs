// Performance bench: how fast the built app opens a plan of 5,000 items (warm and offline), next to
// a bare React + Dexie floor page; how fast a checkbox answers; how much JS the first page loads.
// Prints figures beside their targets and writes them to bench/out/results.json. It never fails on
// a figure: the exit code is 1 only when something crashed.
//
// Usage: npm run bench [-- --no-build] [--runs 5] [--toggles 20] [--items 5000]
//   default      builds the app into a temp dir (so a test run reading ./dist is not disturbed)
//   --no-build   measures ./dist as it is (run `npm run build` first)
//   --profile    also records CPU profiles of one offline open and of one toggle (bench/out/*.cpuprofile,
//                open them in Chrome DevTools > Performance), prints the functions with the most self time
//                and a timeline of the open: scripts fetched, loading indicators, IndexedDB requests
// Timings are only comparable on a quiet machine; the load average is printed and kept with the results.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { launch, ROOT, startPreview, waitForServiceWorker } from '../tests/e2e/browser.mjs'

// ---------------------------------------------------------------------------------------- options
const argv = process.argv.slice(2)
const flag = (name) => argv.includes(`--${name}`)
const num = (name, dflt) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`))
  if (i < 0) return dflt
  const v = Number(argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1])
  return Number.isFinite(v) && v > 0 ? v : dflt
}
const BUILD = !flag('no-build')
const PROFILE = flag('profile')
const RUNS = num('runs', 5)
const TOGGLES = num('toggles', 20)
const ITEMS = num('items', 5000)
const SECTIONS = 10
const VIEWPORT = { width: 1280, height: 900 }

const OUT = path.join(ROOT, 'bench/out')
// Builds go to a temp dir, removed at the end: outside the repo, eslint and the e2e tests never see them.
const TMP = mkdtempSync(path.join(tmpdir(), 'ck-bench-'))
const APP_DIST = BUILD ? path.join(TMP, 'app-dist') : path.join(ROOT, 'dist')
const FLOOR_SRC = path.join(ROOT, 'bench/floor')
const FLOOR_DIST = path.join(TMP, 'floor-dist')
process.once('SIGINT', () => {
  rmSync(TMP, { recursive: true, force: true })
  process.exit(130) // 'exit' handlers stop the preview servers; Playwright closes the browser
})

const TARGET = {
  openOffline: 'no slower than the floor (~370 ms offline here)',
  toggleFrame: '≤ 16 ms (one frame)',
  initialJs: '< 120 KB gzip',
}

// ---------------------------------------------------------------------------------------- helpers
const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  if (!s.length) return null
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const pct = (xs, p) => {
  const s = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : null
}
const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10)
const ms = (x) => (x == null ? 'n/a' : `${r1(x)} ms`)
const kb = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1000).toFixed(1)} KB`)
const gz = (buf) => gzipSync(buf, { level: 9 }).length
const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]))
const log = (...a) => console.error('[bench]', ...a) // progress on stderr, figures on stdout
const elapsed = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`

// ---------------------------------------------------------------------------------------- builds
function buildApp() {
  const t0 = performance.now()
  const res = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', APP_DIST, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'], {
    cwd: ROOT, encoding: 'utf8',
  })
  if (res.status !== 0) throw new Error(`vite build failed (${res.status}):\n${res.stdout}\n${res.stderr}`)
  log(`app built in ${elapsed(t0)}`)
}

async function buildFloor() {
  const t0 = performance.now()
  const { build } = await import('vite')
  const react = (await import('@vitejs/plugin-react')).default
  await build({
    configFile: false, root: FLOOR_SRC, logLevel: 'silent', plugins: [react()],
    build: { outDir: FLOOR_DIST, emptyOutDir: true, target: 'es2022' },
  })
  log(`floor built in ${elapsed(t0)}`)
}

// ---------------------------------------------------------------------------------------- JS size
function jsSizes(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8')
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/gi)].map((m) => m[0])
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1]
  const initial = [...new Set(tags.flatMap((t) => {
    if (/^<script/i.test(t) && attr(t, 'type') === 'module' && attr(t, 'src')) return [attr(t, 'src')]
    if (/^<link/i.test(t) && attr(t, 'rel') === 'modulepreload' && attr(t, 'href')) return [attr(t, 'href')]
    return []
  }))]
  const fileOf = (url) => path.join(dist, new URL(url, 'http://x/').pathname)
  const initialFiles = initial.map((u) => {
    const buf = readFileSync(fileOf(u))
    return { file: path.relative(dist, fileOf(u)), raw: buf.length, gzip: gz(buf) }
  })
  const assetsDir = path.join(dist, 'assets')
  const all = existsSync(assetsDir)
    ? walk(assetsDir).filter((f) => f.endsWith('.js')).map((f) => {
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
    requestAnimationFrame(() => setTimeout(() => {
      probe.frame = performance.now()
      probe.frameItems = count()
    }, 0))
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

/**
 * Runs in the page: takes the plan the UI made (one section, one item added through the UI) as the
 * pattern for the row shapes, and writes `n` items over `sections` sections straight into IndexedDB,
 * in one transaction (the UI-made item is replaced by them).
 */
async function seedPlan({ planId, n, sections }) {
  const t0 = performance.now()
  const req = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
  const db = await req(indexedDB.open('continuity-kit'))
  try {
    const tx = db.transaction(['plans', 'sections', 'items'], 'readwrite')
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'))
    })
    const plans = tx.objectStore('plans')
    const sectionStore = tx.objectStore('sections')
    const itemStore = tx.objectStore('items')
    const plan = await req(plans.get(planId))
    if (!plan) throw new Error(`plan ${planId} is not in IndexedDB`)
    const existingSections = (await req(sectionStore.getAll())).filter((s) => s.planId === planId).sort((a, b) => a.order - b.order)
    const existingItems = (await req(itemStore.getAll())).filter((i) => i.planId === planId)
    const sectionPattern = existingSections[0]
    const itemPattern = existingItems[0]
    if (!sectionPattern || !itemPattern) throw new Error('expected one section and one item made through the UI')
    const now = new Date().toISOString()
    const step = (existingSections[1]?.order ?? sectionPattern.order * 2) - sectionPattern.order || 1024
    const sectionRows = [...existingSections]
    for (let s = existingSections.length; s < sections; s++) {
      const row = { ...structuredClone(sectionPattern), id: crypto.randomUUID(), order: sectionPattern.order + s * step, title: `Section ${s + 1}: recovery of service ${s + 1}`, updatedAt: now }
      sectionStore.put(row)
      sectionRows.push(row)
    }
    for (const item of existingItems) itemStore.delete(item.id)
    const owners = ['Alex Morgan', 'Sam Patel', 'Jo Schmidt', 'Chris Okafor', 'Robin Larsen', 'Kim Tanaka', 'Lee Dubois', 'Pat Novak']
    const perSection = Math.ceil(n / sectionRows.length)
    for (let i = 0; i < n; i++) {
      const s = Math.floor(i / perSection)
      const k = i % perSection
      const due = i % 9 === 0 ? `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}` : null
      itemStore.put({
        ...structuredClone(itemPattern),
        id: crypto.randomUUID(),
        planId,
        sectionId: sectionRows[s].id,
        order: (k + 1) * 1024,
        text: `Step ${i + 1}: confirm the fallback for service ${s + 1} works with the network down (${k + 1})`,
        status: 'open',
        owner: i % 5 === 0 ? owners[i % owners.length] : '',
        due,
        updatedAt: now,
        doneAt: null,
      })
    }
    await done
    return { ms: performance.now() - t0, sections: sectionRows.length, itemKeys: Object.keys(itemPattern), sectionKeys: Object.keys(sectionPattern) }
  } finally {
    db.close()
  }
}

/** The storage floor: a raw IndexedDB read of the plan's items through the planId index, no Dexie, no React. */
async function rawRead({ planId, times }) {
  const req = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result)
    r.onerror = () => reject(r.error)
  })
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
    new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: false })
  } catch {
    // longtask entries are not supported: the figure stays empty
  }
}

/** Scrolls to a fraction of the list, lets it settle, and returns the id of an open item row in view. */
async function pickOpenItem(fraction) {
  const frames = (n) => new Promise((r) => {
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
  const readStatus = () => new Promise((resolve, reject) => {
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
      const e = { op: `${label}.${name}`, on: label === 'indexedDB' ? String(args[0]) : `${this.objectStore?.name ?? this.name}${label === 'index' ? `.${this.name}` : ''}`, start: performance.now() }
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
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, n).map(([fn, t]) => ({ function: fn, selfMs: r1(t) }))
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
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /\.m?js(\?|$)/.test(e.name))
      .map((e) => ({ op: 'script', on: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd })))
    const busy = Object.entries(nav.busy ?? {}).map(([text, at]) => ({ op: 'shown', on: text, start: at, end: at }))
    const first = [{ op: 'shown', on: 'first item row', start: nav.firstItemDom, end: nav.firstItemDom }]
    const timeline = [...(await page.evaluate(() => window.__idbTrace)), ...scripts, ...busy, ...first]
      .sort((a, b) => a.start - b.start).filter((e) => e.start <= nav.firstItemDom + 50)
      .map((e) => ({ ...e, start: r1(e.start), end: r1(e.end), ms: r1(e.end - e.start) }))
    return { firstItemDom: nav.firstItemDom, lastScript: nav.lastScript, domContentLoaded: nav.domContentLoaded, top, timeline }
  } finally {
    await page.close()
  }
}

// ---------------------------------------------------------------------------------------- measurements
async function measureOpens(page, url, label) {
  const runs = []
  // One unrecorded load first, so every recorded run starts from the same caches.
  for (let i = 0; i <= RUNS; i++) {
    await page.goto(url, { waitUntil: 'load' })
    const m = await readNavMetrics(page)
    if (i > 0) runs.push(m)
  }
  log(`${label}: first item ${runs.map((m) => r1(m.firstItemDom)).join(', ')} ms`)
  return {
    runs: runs.map(({ js, busy, ...m }) => ({ ...m, busy: Object.fromEntries(Object.entries(busy ?? {}).map(([k, v]) => [k, r1(v)])), jsFiles: js.length })),
    firstItemDom: median(runs.map((m) => m.firstItemDom)),
    firstItemFrame: median(runs.map((m) => m.firstItemFrame)),
    fcp: median(runs.map((m) => m.fcp)),
    itemsInDom: median(runs.map((m) => m.itemsSettled)),
    controlled: runs.every((m) => m.controlled),
    js: runs[0]?.js ?? [],
  }
}

async function benchApp(browser, sizes, results) {
  const server = await startPreview({ dir: APP_DIST })
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.addInitScript(FIRST_ITEM_PROBE)
    const page = await context.newPage()
    page.on('pageerror', (e) => log('page error:', e.message))

    // A blank plan through the UI, with one item added through the UI (the pattern for the seed).
    let t0 = performance.now()
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await waitForServiceWorker(page)
    await page.getByRole('button', { name: 'New plan' }).click()
    await page.getByRole('radio', { name: /Blank plan/ }).check()
    await page.getByRole('button', { name: 'Create plan' }).click()
    await page.waitForURL(/\/plans\/[^/]+$/)
    const planUrl = page.url()
    const planId = decodeURIComponent(new URL(planUrl).pathname.split('/').pop())
    const addItem = page.getByPlaceholder(/^New item in /).first()
    await addItem.fill('Pattern item')
    await addItem.press('Enter')
    await page.getByTestId('item').first().waitFor()
    const seed = await page.evaluate(seedPlan, { planId, n: ITEMS, sections: SECTIONS })
    log(`seeded ${ITEMS} items over ${seed.sections} sections in ${r1(seed.ms)} ms (setup ${elapsed(t0)})`)
    results.seed = { items: ITEMS, ...seed }

    t0 = performance.now()
    const warm = await measureOpens(page, planUrl, 'app warm')
    results.appWarm = warm
    if (!warm.controlled) log('warning: the service worker did not control every warm run')
    const jsOpen = [...new Set(warm.js)].filter((p) => p.startsWith('/assets/'))
    results.planRouteJs = { files: jsOpen, gzip: jsOpen.reduce((a, p) => a + (sizes?.gzipOf(p) ?? 0), 0) }

    await context.setOffline(true)
    const offline = await measureOpens(page, planUrl, 'app offline')
    results.appOffline = offline
    if (!offline.controlled) log('warning: offline runs were not served by the service worker')
    if (PROFILE) results.profile = await profileOpen(context, planUrl)
    const reads = await page.evaluate(rawRead, { planId, times: RUNS })
    results.rawRead = { open: median(reads.map((x) => x.open)), getAll: median(reads.map((x) => x.getAll)), rows: reads[0]?.rows }
    await context.setOffline(false)
    log(`opens measured in ${elapsed(t0)}`)

    // Toggles: one item per scroll position, spread over the whole list.
    t0 = performance.now()
    await page.goto(planUrl, { waitUntil: 'load' })
    await readNavMetrics(page)
    await page.evaluate(openProbeDb)
    const toggles = []
    for (let i = 0; i < TOGGLES; i++) {
      const id = await page.evaluate(pickOpenItem, TOGGLES === 1 ? 0 : i / (TOGGLES - 1))
      if (!id) throw new Error('found no open item row to toggle')
      toggles.push(await page.evaluate(toggleItem, id))
    }
    const col = (k) => toggles.map((t) => t[k])
    results.toggle = {
      count: toggles.length,
      handler: median(col('handler')),
      dom: median(col('dom')),
      frame: median(col('frame')),
      frameP90: pct(col('frame'), 90),
      inNextFrame: toggles.filter((t) => t.frames === 1).length,
      stored: median(col('stored')),
      storedP90: pct(col('stored'), 90),
      settled: median(col('settled')),
      busy: median(col('busy')),
      longest: Math.max(0, ...col('longest')),
      missed: toggles.filter((t) => t.frame == null || t.stored == null).length,
      runs: toggles.map((t) => Object.fromEntries(Object.entries(t).map(([k, v]) => [k, typeof v === 'number' ? r1(v) : v]))),
    }
    if (PROFILE) {
      const id = await page.evaluate(pickOpenItem, 0.5)
      const { value, top } = await profiled(page, 'toggle', () => page.evaluate(toggleItem, id))
      results.toggleProfile = { run: value, top }
    }
    log(`toggles measured in ${elapsed(t0)}`)
  } finally {
    await context.close().catch(() => {})
    await server.stop()
  }
}

async function benchFloor(browser, results) {
  const server = await startPreview({ dir: FLOOR_DIST })
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    await context.addInitScript(FIRST_ITEM_PROBE)
    const page = await context.newPage()
    page.on('pageerror', (e) => log('floor page error:', e.message))
    const url = `${server.url}/?n=${ITEMS}`
    await page.goto(url)
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="item"]').length >= n, ITEMS, { timeout: 60_000 })
    results.floorWarm = await measureOpens(page, url, 'floor warm')
  } finally {
    await context.close().catch(() => {})
    await server.stop()
  }
}

// ---------------------------------------------------------------------------------------- report
function report(results) {
  const { appWarm: w, appOffline: o, floorWarm: f, toggle: t, size: s, floorSize: fs } = results
  const vsFloor = (x) => (x == null || f?.firstItemDom == null ? '' : ` (${x <= f.firstItemDom ? 'at or under' : 'over'} the floor by ${r1(Math.abs(x - f.firstItemDom))} ms)`)
  const table = {}
  const row = (name, value, target, floor = '') => (table[name] = { value, target, floor })
  if (w) {
    row('open warm: first item in DOM', ms(w.firstItemDom), 'no slower than the floor', f ? ms(f.firstItemDom) : 'n/a')
    row('open warm: next frame', ms(w.firstItemFrame), '', f ? ms(f.firstItemFrame) : 'n/a')
    row('open warm: item rows in DOM', String(w.itemsInDom), `virtualised (< ${ITEMS})`, f ? String(f.itemsInDom) : 'n/a')
  }
  if (o) {
    row('open offline: first item in DOM', ms(o.firstItemDom), TARGET.openOffline, f ? `${ms(f.firstItemDom)} (online)` : 'n/a')
    row('open offline: next frame', ms(o.firstItemFrame), '', f ? `${ms(f.firstItemFrame)} (online)` : 'n/a')
  }
  if (results.rawRead) row(`raw IndexedDB getAll of ${results.rawRead.rows} items`, ms(results.rawRead.getAll), 'storage floor, no Dexie/React', `open ${ms(results.rawRead.open)}`)
  if (t) {
    row('toggle: handler returned', ms(t.handler), '')
    row('toggle: DOM shows checked', ms(t.dom), '')
    row('toggle: next frame', ms(t.frame), TARGET.toggleFrame)
    row('toggle: shown in the very next frame', `${t.inNextFrame} of ${t.count}`, `${t.count} of ${t.count}`)
    row('toggle: stored in IndexedDB', ms(t.stored), '')
    row('toggle: main thread busy after', ms(t.busy), 'long tasks, median')
  }
  if (s) {
    row('JS initial (gzip -9)', kb(s.initial.gzip), TARGET.initialJs, fs ? kb(fs.all.gzip) : 'n/a')
    row('JS to open a plan (gzip -9)', kb(results.planRouteJs?.gzip), '')
    row(`JS all of dist/assets (${s.all.count} files)`, kb(s.all.gzip), '')
  }
  console.log(`\nContinuity Kit bench: ${ITEMS} items, median of ${RUNS} opens, ${TOGGLES} toggles (${BUILD ? 'fresh build' : './dist'})`)
  console.table(table)

  const lines = []
  if (o) lines.push(`open a ${ITEMS}-item plan offline: first item ${ms(o.firstItemDom)}, next frame ${ms(o.firstItemFrame)}${vsFloor(o.firstItemDom)} (target: ${TARGET.openOffline})`)
  if (w) lines.push(`open a ${ITEMS}-item plan warm: first item ${ms(w.firstItemDom)}, next frame ${ms(w.firstItemFrame)}${vsFloor(w.firstItemDom)}; ${w.itemsInDom} item rows in the DOM`)
  if (f) lines.push(`floor (React + Dexie, all ${ITEMS} rows rendered, no service worker): first item ${ms(f.firstItemDom)}, next frame ${ms(f.firstItemFrame)}`)
  if (t) {
    lines.push(`toggle a checkbox: shown ${ms(t.frame)} after the click (p90 ${ms(t.frameP90)}; DOM ${ms(t.dom)}); in the very next frame ${t.inNextFrame} of ${t.count} times (target: ${TARGET.toggleFrame})`)
    lines.push(`toggle stored in IndexedDB: ${ms(t.stored)} (p90 ${ms(t.storedP90)}); page idle again after ${ms(t.settled)}, long tasks ${ms(t.busy)} (longest ${ms(t.longest)})`)
  }
  if (s) lines.push(`initial JS: ${kb(s.initial.gzip)} gzip in ${s.initial.files.length} file(s) (target: ${TARGET.initialJs}); all JS: ${kb(s.all.gzip)}`)
  if (fs) lines.push(`floor JS (react, react-dom, dexie, dexie-react-hooks, zustand): ${kb(fs.all.gzip)} gzip`)
  // Timings are only comparable on a quiet machine: say so when something else was using the cores.
  const busiest = Math.max(results.loadBefore[0], results.loadAfter[0])
  if (busiest > results.cores) lines.push(`note: load average ${busiest} on ${results.cores} cores during the run: other work was competing, timings are inflated`)
  for (const l of lines) console.log(l)
  if (results.profile) {
    const p = results.profile
    console.log(`\nCPU profile of one offline open (DOMContentLoaded ${ms(p.domContentLoaded)}, last script ${ms(p.lastScript)}, first item ${ms(p.firstItemDom)}); most self time; bench/out/open-plan.cpuprofile`)
    console.table(p.top)
    console.log('Scripts fetched, loading indicators shown and IndexedDB requests until the first item (ms since navigation start)')
    console.table(p.timeline)
  }
  if (results.toggleProfile) {
    const { run, top } = results.toggleProfile
    console.log(`\nCPU profile of one toggle (shown ${ms(run.frame)}, stored ${ms(run.stored)}, idle again ${ms(run.settled)}); most self time; bench/out/toggle.cpuprofile`)
    console.table(top)
  }
  for (const [k, e] of Object.entries(results.errors)) console.log(`NOT MEASURED ${k}: ${e}`)
}

// ---------------------------------------------------------------------------------------- main
const started = performance.now()
const results = {
  at: new Date().toISOString(), items: ITEMS, runs: RUNS, toggles: TOGGLES, dist: BUILD ? 'fresh build' : 'dist',
  targets: TARGET, errors: {}, cores: availableParallelism(), loadBefore: loadavg().map(r1),
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
  await buildFloor()
})
await guard('size', async () => {
  const plain = ({ initial, all }) => ({ initial, all })
  sizes = jsSizes(APP_DIST)
  results.size = plain(sizes)
  if (existsSync(path.join(FLOOR_DIST, 'index.html'))) results.floorSize = plain(jsSizes(FLOOR_DIST))
})

let browser = null
try {
  await guard('browser', async () => {
    browser = await launch()
  })
  if (browser) {
    await guard('app', () => benchApp(browser, sizes, results))
    if (existsSync(path.join(FLOOR_DIST, 'index.html'))) await guard('floor', () => benchFloor(browser, results))
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
