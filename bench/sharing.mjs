// Team sharing at scale, in headless Chromium against the built app and a PouchDB Server of its own
// (tests/e2e/sync-server.mjs): how long a 5,000-item plan takes to reach the server and a second
// device, and how long one edit takes to show on the other device once both are in step. Each round
// has a fresh server database and two fresh browser contexts ("two laptops"):
//   A  a plan of N items seeded as the other benches do (bench/seed.mjs); Settings → Share with your
//      team → Turn on sharing. Timed from that click: the turn-on check done (the passphrase's key
//      derived, the server asked), every row sealed into A's replication database, the server holding
//      every item (its _all_docs, polled over HTTP), and the header's last change to "Up to date".
//   B  joins the same team through the same form, then does what a colleague would: Plans, waits for
//      the plan to appear, opens it. Timed from its click: the plan listed, every item in B's
//      replication database, every item in B's IndexedDB (the app's own store), and the plan's page
//      saying "0/N done" with its rows shown. With --stay, B stays on Settings until every item is
//      stored, and only then opens the plan (the figures without an open page re-reading as rows arrive).
//   edits  with the plan open on both, one item ticked on A, timed until the server holds it and
//      until B's row shows it done (the steady-state latency), --edits times per round.
// Prints min / median / max over the rounds and the load average, the documents and bytes the server
// holds, writes bench/out/sharing.json. Never fails on a figure: exit code 1 only when something crashed.
//
// Usage: E2E_DIST=/tmp/some-dist node bench/sharing.mjs [--runs 3] [--items 5000] [--edits 5] [--stay] [--profile]
//   the build measured is $E2E_DIST, or ./dist (as the browser tests); --dist DIR measures the build in DIR
//   --profile  records CPU profiles of A (turn-on until the server holds every item) and B (until every
//              item is stored) in the first round: bench/out/sharing-a.cpuprofile and sharing-b.cpuprofile,
//              and prints the functions with the most self time (build with --minify false to read them)
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import path from 'node:path'
import { request } from '../scripts/sync-server.mjs'
import { DIST, launch, navLink, openApp, ROOT, shutdown, sleep, startPreview, waitForServiceWorker } from '../tests/e2e/browser.mjs'
import { startSyncServer } from '../tests/e2e/sync-server.mjs'
import { seededPlan } from './seed.mjs'
import { fmtLoad, fmtSpread, load, r1, spread } from './stats.mjs'
import { evaluateWithIdb } from './in-page.mjs'

const argv = process.argv.slice(2)
const opt = (name) => {
  const i = argv.indexOf(`--${name}`)
  return i < 0 ? undefined : argv[i + 1]
}
const num = (name, dflt) => {
  const v = Number(opt(name))
  return Number.isInteger(v) && v > 0 ? v : dflt
}
const RUNS = num('runs', 3)
const ITEMS = num('items', 5000)
const EDITS = num('edits', 5)
const STAY = argv.includes('--stay')
const PROFILE = argv.includes('--profile')
const APP_DIST = opt('dist') ? path.resolve(opt('dist')) : DIST
/** Longest wait for one phase: a phase not done by then is printed as not reached, and the round goes on. */
const PHASE_TIMEOUT = 240_000
const PASSPHRASE = 'correct horse battery staple for the bench'
const ana = { name: 'ana', password: 'ana-password' }
const ben = { name: 'ben', password: 'ben-password' }
const OUT = path.join(ROOT, 'bench/out')
const log = (...a) => console.error('[sharing]', ...a) // progress on stderr, figures on stdout

// ---------------------------------------------------------------------------------------- in-page code
/**
 * Runs in a page: watches counts in IndexedDB every 100 ms and the header's sharing status as it
 * changes; records the time (Date.now()) each count first reached its target, and every status text.
 * Each target: { name, db (a name, or a prefix ending in '*'), store, prefix (count only keys starting
 * with it), n }. The record is window.__watch: { reached: { name: ms }, statuses: [[ms, text]] }.
 */
function startWatch(targets) {
  const w = window
  const rec = { reached: {}, counts: {}, statuses: [] }
  w.__watch = rec
  const req = globalThis.ckRequest
  const open = new Map()
  async function dbFor(name) {
    if (open.has(name)) return open.get(name)
    let actual = name
    if (name.endsWith('*')) {
      const found = (await indexedDB.databases()).find((d) => d.name.startsWith(name.slice(0, -1)))
      if (!found) return null
      actual = found.name
    } else if (!(await indexedDB.databases()).some((d) => d.name === name)) return null
    const db = await req(indexedDB.open(actual))
    // Never hold up a schema upgrade or a deletion the app might run.
    db.onversionchange = () => {
      db.close()
      open.delete(name)
    }
    open.set(name, db)
    return db
  }
  const tick = async () => {
    for (const t of targets) {
      if (rec.reached[t.name]) continue
      try {
        const db = await dbFor(t.db)
        if (!db || !db.objectStoreNames.contains(t.store)) continue
        const range = t.prefix ? IDBKeyRange.bound(t.prefix, `${t.prefix}\uffff`) : undefined
        const n = await req(db.transaction(t.store, 'readonly').objectStore(t.store).count(range))
        rec.counts[t.name] = n
        if (n >= t.n) rec.reached[t.name] = Date.now()
      } catch {
        // the database is being created or upgraded: try again at the next tick
      }
    }
  }
  const timer = setInterval(() => void tick(), 100)
  rec.stop = () => {
    clearInterval(timer)
    for (const db of open.values()) db.close()
  }
  let last = null
  const status = () => {
    const text = document.querySelector('[data-testid="sharing-status"]')?.textContent?.trim() ?? null
    if (text !== last) rec.statuses.push([Date.now(), text])
    last = text
  }
  new MutationObserver(status).observe(document.body, { subtree: true, childList: true, characterData: true })
  status()
}

/** Runs in a page: records when the user clicks "Turn on sharing" (the click event, not its handling). */
function markTurnOn() {
  document.addEventListener(
    'click',
    (e) => {
      const button = e.target instanceof Element ? e.target.closest('button') : null
      if (button?.textContent?.includes('Turn on sharing')) window.__turnOnAt ??= Date.now()
    },
    true,
  )
}

/** Runs in a page: the rows of every shared table, their count and their size as JSON (what is sealed). */
async function sharedRows(tables) {
  const req = globalThis.ckRequest
  const db = await req(indexedDB.open('continuity-kit'))
  try {
    let rows = 0
    let bytes = 0
    for (const t of tables.filter((t) => db.objectStoreNames.contains(t))) {
      const all = await req(db.transaction(t, 'readonly').objectStore(t).getAll())
      rows += all.length
      for (const r of all) bytes += new TextEncoder().encode(JSON.stringify(r)).length
    }
    return { rows, bytes }
  } finally {
    db.close()
  }
}

/** Runs in a page: ids of the first `n` open item rows, top down (the same rows on both devices, at the top of the plan). */
function firstOpenItems(n) {
  return [...document.querySelectorAll('[data-testid="item"][data-status="open"]')]
    .map((r) => r.querySelector('input[type="checkbox"]')?.getAttribute('aria-labelledby') ?? '')
    .filter((l) => l.startsWith('item-text-'))
    .map((l) => l.slice('item-text-'.length))
    .slice(0, n)
}

/** Runs in a page: resolves to Date.now() when item `id`'s row shows it done (or null after `timeout` ms). */
function whenDone({ id, timeout }) {
  const done = () => {
    const box = document.querySelector(`input[type="checkbox"][aria-labelledby="item-text-${CSS.escape(id)}"]`)
    return !!box?.checked && box.closest('[data-testid="item"]')?.getAttribute('data-status') === 'done'
  }
  window.__doneAt = new Promise((resolve) => {
    if (done()) return resolve(Date.now())
    const mo = new MutationObserver(() => {
      if (!done()) return
      mo.disconnect()
      resolve(Date.now())
    })
    mo.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status', 'class'] })
    setTimeout(() => {
      mo.disconnect()
      resolve(null)
    }, timeout)
  })
}

/** Runs in a page: ticks item `id` the way a click does; returns Date.now() at the click. */
function tickItem(id) {
  const box = document.querySelector(`input[type="checkbox"][aria-labelledby="item-text-${CSS.escape(id)}"]`)
  if (!box) throw new Error(`no checkbox for item ${id}`)
  const at = Date.now()
  box.click()
  return at
}

// ---------------------------------------------------------------------------------------- server
const dbUrl = (sync, db) => `${sync.url}/${encodeURIComponent(db)}`

/** The number of item documents the server holds in `db` (read as its admin, over HTTP). */
async function serverItems(sync, db) {
  const keys = `startkey=${encodeURIComponent('"items:"')}&endkey=${encodeURIComponent('"items:\uffff"')}`
  const res = await request(`${dbUrl(sync, db)}/_all_docs?${keys}`, { user: sync.admin, timeout: 30_000 })
  if (res.status !== 200) throw new Error(`reading ${db}: HTTP ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.rows.length
}

/** Polls the server until it holds `n` item documents; Date.now() when it did, or null after PHASE_TIMEOUT. */
async function serverHolds(sync, db, n) {
  const end = Date.now() + PHASE_TIMEOUT
  while (Date.now() < end) {
    // The database's document count is cheap to ask for; the item documents are counted once it is high enough.
    const info = await request(dbUrl(sync, db), { user: sync.admin })
    if (info.status === 200 && info.body.doc_count >= n && (await serverItems(sync, db)) >= n) return Date.now()
    await sleep(200)
  }
  return null
}

/** The revision of one document on the server, or null. */
async function serverRev(sync, db, id) {
  const res = await request(`${dbUrl(sync, db)}/${encodeURIComponent(id)}`, { user: sync.admin })
  return res.status === 200 ? res.body._rev : null
}

// ---------------------------------------------------------------------------------------- profiles
/** When `on`, starts the V8 sampling profiler in `page`; the returned function stops it, saves bench/out/<name>.cpuprofile, returns the top functions. */
async function profile(page, name, on) {
  if (!on) return async () => null
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  return async () => {
    const { profile } = await cdp.send('Profiler.stop')
    await cdp.detach().catch(() => {})
    mkdirSync(OUT, { recursive: true })
    writeFileSync(path.join(OUT, `${name}.cpuprofile`), JSON.stringify(profile))
    // Self time per function (by name and place), from the samples and the time between them.
    const nodes = new Map(profile.nodes.map((n) => [n.id, n.callFrame]))
    const self = new Map()
    profile.samples.forEach((id, i) => {
      const f = nodes.get(id)
      const where = f.url ? `${path.basename(new URL(f.url).pathname)}:${f.lineNumber + 1}` : ''
      const key = `${f.functionName || '(anonymous)'} ${where}`.trim()
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000)
    })
    return [...self.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 15)
      .map(([fn, t]) => ({ function: fn, selfMs: Math.round(t) }))
  }
}

// ---------------------------------------------------------------------------------------- one round
/** On Settings: fills in the sharing form and clicks "Turn on sharing"; the click's time and when the check was done. */
async function turnOn(page, sync, db, user) {
  const card = page.locator('#sharing')
  await card.getByLabel('Server address').fill(sync.url)
  await card.getByLabel('Database').fill(db)
  await card.getByLabel('User').fill(user.name)
  await card.getByLabel('Password', { exact: true }).fill(user.password)
  await card.getByLabel('Team passphrase').fill(PASSPHRASE)
  await card.getByRole('checkbox').check()
  await page.evaluate(markTurnOn)
  await card.getByRole('button', { name: 'Turn on sharing' }).click()
  await card.getByTestId('sharing-facts').waitFor({ timeout: PHASE_TIMEOUT })
  const facts = Date.now()
  return { at: await page.evaluate(() => window.__turnOnAt), facts }
}

/** Until `fn` (in the page) is truthy, or PHASE_TIMEOUT; the record of the page's watch. */
async function watchUntil(page, fn, arg) {
  await page.waitForFunction(fn, arg, { timeout: PHASE_TIMEOUT, polling: 250 }).catch(() => log('a phase did not finish in time'))
  return page.evaluate(() => {
    const { reached, counts, statuses } = window.__watch
    window.__watch.stop()
    return { reached, counts, statuses }
  })
}

/** Through the app's own navigation (no reload, so sharing keeps running): Plans, then the plan once it is listed. */
async function openPlan(page, planId) {
  await navLink(page, 'Plans').click()
  const link = page.locator(`[data-testid="plan-row"] a[href$="/plans/${planId}"]`).first()
  await link.waitFor({ timeout: PHASE_TIMEOUT })
  const listed = Date.now()
  await link.click()
  return listed
}

/** Until the plan's page says "0/N done" and shows item rows: Date.now() then, or null. */
async function planShows(page, n) {
  try {
    await page.getByText(`0/${n} done`, { exact: true }).first().waitFor({ timeout: PHASE_TIMEOUT })
    await page.getByTestId('item').first().waitFor({ timeout: PHASE_TIMEOUT })
    return Date.now()
  } catch {
    return null
  }
}

async function round(browser, preview, sync, i) {
  const db = `bench-${i}-${Date.now().toString(36)}`
  await sync.createTeam(db, [ana, ben])
  const out = { db, a: {}, b: {}, edits: [] }
  const since = (t0, t) => (t == null || t0 == null ? null : t - t0)
  const a = await openApp(browser, preview.url)
  let b = null
  try {
    // ---- A: the plan, then sharing on.
    await waitForServiceWorker(a.page)
    const { planId, seed } = await seededPlan(a.page, ITEMS)
    const rows = await evaluateWithIdb(a.page, sharedRows, ['plans', 'sections', 'items', 'drills', 'drillEvents', 'scenarios', 'templates'])
    out.rows = rows
    log(`round ${i + 1}: seeded ${ITEMS} items in ${r1(seed.ms)} ms; ${rows.rows} shared rows, ${(rows.bytes / 1e6).toFixed(2)} MB as JSON`)
    await a.page.goto(new URL('/settings#sharing', a.page.url()).href)
    await evaluateWithIdb(a.page, startWatch, [{ name: 'sealed', db: '_pouch_continuity-kit-sharing-*', store: 'document-store', prefix: 'items:', n: ITEMS }])
    const serverDone = (async () => {
      // Starts polling once the click is made (the database holds only the team document before).
      while (!(await a.page.evaluate(() => window.__turnOnAt ?? null).catch(() => null))) await sleep(50)
      return serverHolds(sync, db, ITEMS)
    })()
    const stopA = await profile(a.page, 'sharing-a', PROFILE && i === 0)
    const onA = await turnOn(a.page, sync, db, ana)
    const atServer = await serverDone
    out.profileA = await stopA()
    // The header's last change before it settles: a moment more, in case it is still catching up.
    await sleep(1500)
    const watchA = await watchUntil(a.page, () => true)
    const upToDate = watchA.statuses.filter(([t, s]) => s === 'Up to date' && (atServer == null || t <= atServer + 1500)).at(-1)?.[0] ?? null
    out.a = {
      turnOnChecked: since(onA.at, onA.facts),
      sealed: since(onA.at, watchA.reached.sealed),
      server: since(onA.at, atServer),
      upToDate: since(onA.at, upToDate),
      statuses: watchA.statuses.map(([t, s]) => [since(onA.at, t), s]),
    }
    log(`round ${i + 1}: A sealed ${ms(out.a.sealed)}, server holds every item ${ms(out.a.server)}, header up to date ${ms(out.a.upToDate)}`)

    // ---- B: joins, then opens the plan (at once, or with --stay once every item is stored).
    b = await openApp(browser, preview.url)
    await waitForServiceWorker(b.page)
    await b.page.goto(new URL('/settings#sharing', b.page.url()).href)
    await evaluateWithIdb(b.page, startWatch, [
      { name: 'pulled', db: '_pouch_continuity-kit-sharing-*', store: 'document-store', prefix: 'items:', n: ITEMS },
      { name: 'stored', db: 'continuity-kit', store: 'items', n: ITEMS },
    ])
    const stopB = await profile(b.page, 'sharing-b', PROFILE && i === 0)
    const onB = await turnOn(b.page, sync, db, ben)
    let listed = null
    if (!STAY) listed = await openPlan(b.page, planId)
    const shown = STAY ? null : await planShows(b.page, ITEMS)
    const watchB = await watchUntil(b.page, () => !!window.__watch.reached.stored)
    out.profileB = await stopB()
    let shownAfter = shown
    if (STAY) {
      listed = await openPlan(b.page, planId)
      shownAfter = await planShows(b.page, ITEMS)
    }
    out.b = {
      turnOnChecked: since(onB.at, onB.facts),
      listed: since(onB.at, listed),
      pulled: since(onB.at, watchB.reached.pulled),
      stored: since(onB.at, watchB.reached.stored),
      shown: since(onB.at, shownAfter),
      counts: watchB.counts,
      statuses: watchB.statuses.map(([t, s]) => [since(onB.at, t), s]),
    }
    log(
      `round ${i + 1}: B plan listed ${ms(out.b.listed)}, pulled ${ms(out.b.pulled)}, stored ${ms(out.b.stored)}, plan page shows its ${ITEMS} items ${ms(out.b.shown)}`,
    )

    // ---- Edits: the plan open on both; A ticks an item, B shows it.
    await openPlan(a.page, planId)
    await planShows(a.page, ITEMS)
    await sleep(1000)
    const ids = await a.page.evaluate(firstOpenItems, EDITS)
    for (const id of ids) {
      const before = await serverRev(sync, db, `items:${id}`)
      await b.page.evaluate(whenDone, { id, timeout: 30_000 })
      const clicked = await a.page.evaluate(tickItem, id)
      let server = null
      const serverEnd = Date.now() + 30_000
      while (Date.now() < serverEnd) {
        if ((await serverRev(sync, db, `items:${id}`)) !== before) {
          server = Date.now()
          break
        }
        await sleep(25)
      }
      const shownOnB = await b.page.evaluate(() => window.__doneAt)
      out.edits.push({ server: since(clicked, server), shown: since(clicked, shownOnB) })
      await sleep(700)
    }
    log(`round ${i + 1}: edits shown on B after ${out.edits.map((e) => ms(e.shown)).join(', ')}`)

    // ---- What the server holds.
    const docs = await sync.allDocs(db)
    out.server = {
      docs: docs.length,
      items: docs.filter((d) => d._id.startsWith('items:')).length,
      bytes: docs.reduce((n, d) => n + Buffer.byteLength(JSON.stringify(d)), 0),
    }
    out.errors = [...a.errors, ...b.errors]
    out.load = load().load1
    return out
  } finally {
    await a.context.close().catch(() => {})
    await b?.context.close().catch(() => {})
    await request(dbUrl(sync, db), { method: 'DELETE', user: sync.admin }).catch(() => {})
  }
}

// ---------------------------------------------------------------------------------------- report
const ms = (x) => (x == null ? 'not reached' : `${Math.round(x)} ms`)
const s = (sp) => (sp ? `${(sp.median / 1000).toFixed(1)} s (min ${(sp.min / 1000).toFixed(1)}, max ${(sp.max / 1000).toFixed(1)}, n ${sp.n})` : 'n/a')

function report(results) {
  const rs = results.rounds
  const col = (f) => spread(rs.map(f))
  const missing = (f) => rs.filter((r) => f(r) == null).length
  console.log(
    `\nSharing a ${ITEMS}-item plan between two devices (${results.dist}; PouchDB Server in memory behind the gate; ${rs.length} rounds, fresh database and contexts each${STAY ? '; B opens the plan only once every item is stored' : '; B opens the plan as soon as it is listed'})`,
  )
  console.log(`load average ${results.loadBefore.join(' ')} before, ${results.loadAfter.join(' ')} after, on ${results.cores} cores`)
  const table = {}
  const row = (name, f) => {
    const sp = col(f)
    table[name] = sp ? { min: r1(sp.min / 1000), median: r1(sp.median / 1000), max: r1(sp.max / 1000), n: sp.n, 'not reached': missing(f) || '' } : { n: 0 }
  }
  row('A: turn-on checked (s)', (r) => r.a.turnOnChecked)
  row('A: every item sealed locally (s)', (r) => r.a.sealed)
  row(`A: server holds ${ITEMS} items (s)`, (r) => r.a.server)
  row('A: header "Up to date" (s)', (r) => r.a.upToDate)
  row('B: turn-on checked (s)', (r) => r.b.turnOnChecked)
  row('B: plan listed (s)', (r) => r.b.listed)
  row(`B: ${ITEMS} items pulled locally (s)`, (r) => r.b.pulled)
  row(`B: ${ITEMS} items in IndexedDB (s)`, (r) => r.b.stored)
  row(`B: plan page shows 0/${ITEMS} done (s)`, (r) => r.b.shown)
  console.log('seconds from the click on "Turn on sharing" on that device:')
  console.table(table)
  const edits = rs.flatMap((r) => r.edits)
  const editServer = spread(edits.map((e) => e.server))
  const editShown = spread(edits.map((e) => e.shown))
  const perRound = rs.map((r) => spread(r.edits.map((e) => e.shown))?.median)
  console.log(
    `one item ticked on A, both on the plan's page: on the server ${fmtSpread(editServer)}; shown on B ${fmtSpread(editShown)}; round medians ${perRound.map((m) => ms(m)).join(', ')}${edits.some((e) => e.shown == null) ? `; ${edits.filter((e) => e.shown == null).length} not seen within 30 s` : ''}`,
  )
  for (const [name, f] of [
    ['A to the server', (r) => r.a.server],
    ['B stored', (r) => r.b.stored],
  ])
    console.log(`${name}: ${s(col(f))} [load ${rs.map((r) => r.load).join(', ')} after each round]`)
  const last = rs.at(-1)
  if (last?.server)
    console.log(
      `server: ${last.server.docs} documents (${last.server.items} items, the rest plans, sections and the team document), ${(last.server.bytes / 1e6).toFixed(2)} MB of bodies as JSON (${Math.round(last.server.bytes / last.server.docs)} B a document); the same rows as JSON on A: ${(last.rows.bytes / 1e6).toFixed(2)} MB`,
    )
  for (const [who, top] of [
    ['A, from the click until the server holds every item', rs[0]?.profileA],
    ['B, from the click until every item is stored', rs[0]?.profileB],
  ])
    if (top) {
      console.log(`CPU profile of ${who} (round 1), most self time; bench/out/sharing-${who[0].toLowerCase()}.cpuprofile`)
      console.table(top)
    }
  const errors = [...new Set(rs.flatMap((r) => r.errors ?? []))]
  if (errors.length) console.log(`page errors: ${errors.join(' | ')}`)
  for (const e of results.errors) console.log(`NOT MEASURED: ${e}`)
  console.log(fmtLoad())
}

// ---------------------------------------------------------------------------------------- main
const started = performance.now()
const results = {
  at: new Date().toISOString(),
  dist: APP_DIST,
  items: ITEMS,
  stay: STAY,
  cores: load().cores,
  loadBefore: loadavg().map(r1),
  rounds: [],
  errors: [],
}
let browser
let preview
let sync
try {
  ;[preview, sync] = await Promise.all([startPreview({ dir: APP_DIST }), startSyncServer()])
  browser = await launch()
  for (let i = 0; i < RUNS; i++) {
    try {
      results.rounds.push(await round(browser, preview, sync, i))
    } catch (e) {
      results.errors.push(`round ${i + 1}: ${e?.stack ?? e}`)
      log(`round ${i + 1} failed: ${e?.message ?? e}`)
    }
  }
} finally {
  await shutdown({ browser, server: preview })
  await sync?.stop()
}
results.loadAfter = loadavg().map(r1)
results.seconds = r1((performance.now() - started) / 1000)
mkdirSync(OUT, { recursive: true })
writeFileSync(path.join(OUT, 'sharing.json'), `${JSON.stringify(results, null, 2)}\n`)
report(results)
console.log(`\nresults: ${path.relative(process.cwd(), path.join(OUT, 'sharing.json'))} (${results.seconds} s)`)
process.exit(results.errors.length ? 1 : 0)
