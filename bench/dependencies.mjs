// Bench: the dependency view and the readiness dashboard with 200 suppliers, 200 business functions
// and 20 plans of 500 items each. Prints figures beside the target (under 100 ms); never fails on one.
//   1. the pure analysis in Node (the domain modules loaded through Vite): registers, dependency
//      analysis, diagram layout, readiness figures and the .ics calendar;
//   2. in the built app in Chromium: from a click on the nav link until the Dependencies page (diagram
//      and both tables) or the home page's Readiness dashboard is on screen, IndexedDB reads included.
//
// Usage: node bench/dependencies.mjs [--runs 5] [--no-build]   (--no-build measures ./dist as it is)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { generateNKeysBetween } from 'fractional-indexing'
import { createServer } from 'vite'
import { launch, ROOT, startPreview } from '../tests/e2e/browser.mjs'
import { fmtLoad, fmtSpread, r1, spread } from './stats.mjs'
import { evaluateWithIdb } from './in-page.mjs'

export const SIZES = { suppliers: 200, functions: 200, plans: 20, itemsPerPlan: 500 }

/** A small deterministic random number generator, so every run seeds the same data. */
function rng(seed) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Plans, sections and items as stored: a supplier review whose register holds the suppliers, a
 * continuity plan whose impact analysis holds the functions (linked to 1-4 suppliers, a fifth of them
 * to other functions too), and plain plans, each 500 items with some due dates.
 */
export function makeRows({ supplierFields, functionFields, sizes = SIZES, now = new Date().toISOString() }) {
  const rand = rng(42)
  const pick = (xs) => xs[Math.floor(rand() * xs.length)]
  const id = (() => {
    let n = 0
    return (p) => `${p}-${String(++n).padStart(6, '0')}`
  })()
  const plans = []
  const sections = []
  const items = []
  const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  const plan = (kind, title) => {
    const p = {
      id: id('plan'),
      kind,
      title,
      description: '',
      owner: '',
      status: 'active',
      templateId: null,
      templateVersion: null,
      createdAt: now,
      updatedAt: now,
      reviewedAt: rand() < 0.5 ? null : new Date(Date.now() - 400 * 86_400_000).toISOString(),
      reviewedBy: '',
      reviewEveryDays: 365,
      deletedAt: null,
    }
    plans.push(p)
    return p
  }
  // Orders as the app writes them: fractional keys, the n-th of a run of keys.
  const orders = generateNKeysBetween(null, null, Math.max(sizes.itemsPerPlan, 10))
  const section = (p, order, title, role = 'checklist', fields = []) => {
    const s = { id: id('sec'), planId: p.id, order: orders[order], title, guidance: '', role, fields, updatedAt: now }
    sections.push(s)
    return s
  }
  const item = (p, s, order, text, values = {}) => {
    const due = rand() < 0.1 ? day(Math.floor(rand() * 120) - 60) : null
    const row = {
      id: id('item'),
      planId: p.id,
      sectionId: s.id,
      order: orders[order],
      text,
      guidance: '',
      kind: 'task',
      phase: null,
      role: '',
      status: rand() < 0.3 ? 'done' : 'open',
      owner: '',
      due,
      notes: '',
      evidence: '',
      values,
      updatedAt: now,
      doneAt: null,
      source: null,
    }
    if (row.status === 'done') row.doneAt = now
    items.push(row)
    return row
  }
  const fill = (p, from) => {
    const rest = section(p, 9, 'Other steps')
    for (let i = from; i < sizes.itemsPerPlan; i++) item(p, rest, i, `Step ${i + 1} of ${p.title}`)
  }
  const supPlan = plan('supplier-review', 'Supplier review (bench)')
  const register = section(supPlan, 1, 'Supplier register', 'supplier-register', supplierFields)
  const suppliers = []
  const levels = ['Low', 'Medium', 'High', 'Critical']
  for (let i = 0; i < sizes.suppliers; i++) {
    suppliers.push(
      item(supPlan, register, i, `Supplier ${i + 1} ${pick(['Cloud', 'Payroll', 'Hosting', 'Telecom', 'Courier', 'Bank', 'Software'])}`, {
        criticality: pick(levels),
        alternative: rand() < 0.6 ? 'Second provider' : '',
        exitPlan: rand() < 0.5 ? 'Export and move' : '',
        contractEnd: day(Math.floor(rand() * 400) - 30),
        lastReviewed: day(-Math.floor(rand() * 500)),
        outcome: pick(['OK', 'Warning', 'Blocker']),
        ...(rand() < 0.3 ? { reviewEveryDays: 180 } : {}),
      }),
    )
  }
  fill(supPlan, sizes.suppliers)
  const bcp = plan('continuity', 'Business continuity (bench)')
  const bia = section(bcp, 1, 'Business impact analysis', 'impact-analysis', functionFields)
  const fns = []
  for (let i = 0; i < sizes.functions; i++) {
    const links = new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(suppliers).id))
    fns.push(
      item(bcp, bia, i, `Function ${i + 1}: ${pick(['take orders', 'deliver', 'support customers', 'pay staff', 'invoice', 'ship'])}`, {
        impact: pick(levels),
        ...(rand() < 0.9 ? { rto: 60 * (1 + Math.floor(rand() * 72)) } : {}),
        workaround: rand() < 0.8 ? 'Paper forms' : '',
        suppliers: [...links],
      }),
    )
  }
  for (const f of fns) if (rand() < 0.2) f.values.dependsOn = [...new Set([pick(fns).id, pick(fns).id])].filter((x) => x !== f.id)
  // One circle, so the analysis has one to report.
  if (fns.length > 2) {
    fns[0].values.dependsOn = [fns[1].id]
    fns[1].values.dependsOn = [fns[2].id]
    fns[2].values.dependsOn = [fns[0].id]
  }
  fill(bcp, sizes.functions)
  for (let k = 2; k < sizes.plans; k++) {
    const p = plan(pick(['incident-response', 'continuity', 'custom']), `Plan ${k + 1} (bench)`)
    fill(p, 0)
  }
  return { plans, sections, items }
}

/** Writes rows into the app's IndexedDB from inside the page (the app must have opened it once). */
export async function seedInPage({ plans, sections, items }) {
  const req = globalThis.ckRequest
  const db = await req(indexedDB.open('continuity-kit'))
  try {
    const tx = db.transaction(['plans', 'sections', 'items'], 'readwrite')
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onabort = () => reject(tx.error ?? new Error('seed aborted'))
    })
    for (const p of plans) tx.objectStore('plans').put(p)
    for (const s of sections) tx.objectStore('sections').put(s)
    for (const i of items) tx.objectStore('items').put(i)
    await done
  } finally {
    db.close()
  }
}

/** The field definitions of the built-in supplier register and impact analysis, loaded through Vite. */
export async function loadDomain() {
  const vite = await createServer({
    root: ROOT,
    server: { middlewareMode: true, hmr: false },
    appType: 'custom',
    logLevel: 'silent',
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  const load = (p) => vite.ssrLoadModule(p)
  const [sup, bcp, deps, registers, readiness, ics, dates] = await Promise.all([
    load('/src/templates/supplier-review.ts'),
    load('/src/templates/continuity.ts'),
    load('/src/domain/dependencies.ts'),
    load('/src/domain/registers.ts'),
    load('/src/domain/readiness.ts'),
    load('/src/domain/ics.ts'),
    load('/src/domain/dates.ts'),
  ])
  const supplierFields = sup.supplierReviewTemplate.sections.find((s) => s.fields?.some((f) => f.id === 'criticality')).fields
  const functionFields = bcp.continuityTemplate.sections.find((s) => s.fields?.some((f) => f.id === 'rto')).fields
  return { supplierFields, functionFields, deps, registers, readiness, ics, dates, close: () => vite.close() }
}

const TARGET = 100
/** One figure: median with min and max over the runs, the load average, and the verdict on the median. */
const line = (label, xs) => {
  const s = spread(xs)
  console.log(`${label.padEnd(58)} ${fmtSpread(s).padStart(40)}  ${fmtLoad().padEnd(20)} ${s && s.median < TARGET ? 'ok' : `over the ${TARGET} ms target`}`)
}

function timeIt(runs, fn) {
  fn() // warm-up
  const out = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    fn()
    out.push(performance.now() - t0)
  }
  return out
}

/**
 * In the page: clicks a link and waits until the page is ready; returns the time in ms. Ready is said
 * in selectors, not code (the app's policy allows no eval): each of `shown` is there, each of `counts`
 * matches that many elements, and the element of `text[0]` reads `text[1]`.
 */
async function clickUntil({ linkName, ready: { shown = [], counts = {}, text = null } }) {
  const link = [...document.querySelectorAll('nav[aria-label="Main"] a')].find((a) => a.textContent === linkName)
  if (!link) throw new Error(`no nav link ${linkName}`)
  const check = () =>
    shown.every((sel) => document.querySelector(sel)) &&
    Object.entries(counts).every(([sel, n]) => document.querySelectorAll(sel).length === n) &&
    (!text || document.querySelector(text[0])?.textContent === text[1])
  return new Promise((resolve, reject) => {
    let t0 = 0
    const timer = setTimeout(() => {
      mo.disconnect()
      reject(new Error(`${linkName}: not ready after 20 s`))
    }, 20_000)
    const mo = new MutationObserver(() => {
      if (!check()) return
      const t = performance.now() - t0
      mo.disconnect()
      clearTimeout(timer)
      // Count until the frame that shows it.
      requestAnimationFrame(() => setTimeout(() => resolve(Math.max(t, performance.now() - t0))))
    })
    mo.observe(document.body, { childList: true, subtree: true, attributes: true })
    t0 = performance.now()
    link.click()
  })
}

async function main() {
  const argv = process.argv.slice(2)
  const runsAt = argv.indexOf('--runs')
  const runs = runsAt >= 0 ? Math.max(1, Number(argv[runsAt + 1]) || 5) : 5
  const build = !argv.includes('--no-build')
  const log = (...a) => console.error('[bench:dependencies]', ...a)

  const domain = await loadDomain()
  const rows = makeRows(domain)
  await domain.close()
  const { deps, readiness, ics, dates } = domain
  const read = domain.registers
  console.log(
    `Dependencies and readiness: ${SIZES.suppliers} suppliers, ${SIZES.functions} functions, ${SIZES.plans} plans of ${SIZES.itemsPerPlan} items (${rows.items.length} items); median (min, max) of ${runs} runs, with the load average`,
  )
  console.log('-- pure analysis (Node)')
  let registers
  line(
    'read registers from the rows (collectRegisters)',
    timeIt(runs, () => {
      registers = read.collectRegisters(rows.plans, rows.sections, rows.items)
    }),
  )
  let analysis
  line(
    'dependency analysis (concentration, single points, circles)',
    timeIt(runs, () => {
      analysis = deps.analyseDependencies(registers)
    }),
  )
  line(
    'diagram layout',
    timeIt(runs, () => deps.layoutDiagram(analysis, 22, 30)),
  )
  const now = new Date()
  const today = dates.localDate(now)
  const planFacts = rows.plans.map((plan) => {
    const own = rows.items.filter((i) => i.planId === plan.id)
    const done = own.filter((i) => i.status === 'done').length
    return {
      plan,
      progress: { done, applicable: own.length, blocked: 0, total: own.length },
      overdueItems: own.filter((i) => i.due && i.due < today && i.status === 'open').length,
    }
  })
  let r
  line(
    'readiness figures',
    timeIt(runs, () => {
      r = readiness.computeReadiness({ plans: planFacts, suppliers: registers.suppliers, functions: registers.functions, drills: [], now })
    }),
  )
  const dated = rows.items.filter((i) => i.due && i.status === 'open')
  line(
    `calendar (.ics) of ${rows.plans.length + dated.length + registers.suppliers.length} dates`,
    timeIt(runs, () =>
      ics.buildCalendar(
        ics.calendarEvents({
          plans: r.plans.map((p) => ({ id: p.plan.id, title: p.plan.title, nextReview: p.nextReview, updatedAt: p.plan.updatedAt })),
          items: dated.map((i) => ({ id: i.id, text: i.text, due: i.due, planTitle: '', owner: '', updatedAt: [i.updatedAt] })),
          suppliers: r.suppliers.map((s) => ({
            id: s.supplier.id,
            name: s.supplier.name,
            planTitle: s.supplier.planTitle,
            nextReview: s.nextReview,
            updatedAt: [],
          })),
        }),
        now,
      ),
    ),
  )
  console.log(
    `   (${analysis.suppliers.filter((s) => s.concentration).length} concentrations, ${analysis.suppliers.filter((s) => s.singlePoint).length} single points, ${analysis.cycles.length} circles, ${r.totals.suppliersDue} suppliers due)`,
  )

  const tmp = mkdtempSync(path.join(tmpdir(), 'ck-bench-deps-'))
  const dist = build ? path.join(tmp, 'dist') : path.join(ROOT, 'dist')
  let server
  let browser
  try {
    if (build) {
      log('building the app…')
      const res = spawnSync(
        process.execPath,
        [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'warn', '--bypass-lock'],
        {
          // Vite's dev server (used above for the Node figures) sets NODE_ENV=development in this process;
          // the app must be measured as built for production.
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
        },
      )
      if (res.status !== 0) throw new Error(`vite build failed:\n${res.stdout}\n${res.stderr}`)
    }
    server = await startPreview({ dir: dist })
    browser = await launch()
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    log('seeding…')
    await evaluateWithIdb(page, seedInPage, rows)
    await page.reload()
    await page.getByTestId('readiness').waitFor({ timeout: 30_000 })
    console.log('-- in the built app (Chromium), from the click to the frame that shows it, IndexedDB reads included')
    const depReady = { shown: ['svg.dep-diagram'], counts: { '[data-testid="function-row"]': SIZES.functions } }
    const homeReady = { shown: ['[data-testid="readiness"] [data-testid="rd-completion"]'], counts: { '[data-testid="rd-plan"]': SIZES.plans } }
    const depFirst = { shown: ['svg.dep-diagram', '[data-testid="flag-concentration"]'] }
    const dep = []
    const depDiagram = []
    const home = []
    // Each page is opened from the light Trash page, so that tearing down the other one is not counted.
    const trash = () => page.evaluate(clickUntil, { linkName: 'Trash', ready: { text: ['h1', 'Trash'] } })
    for (let i = 0; i < runs + 1; i++) {
      await trash()
      dep.push(await page.evaluate(clickUntil, { linkName: 'Dependencies', ready: depReady }))
      await trash()
      depDiagram.push(await page.evaluate(clickUntil, { linkName: 'Dependencies', ready: depFirst }))
      await trash()
      home.push(await page.evaluate(clickUntil, { linkName: 'Plans', ready: homeReady }))
    }
    // The first of each loads the page's code; the rest are what a person sees every time after.
    line('Dependencies page: flags and diagram on screen', depDiagram.slice(1))
    line('Dependencies page: diagram and both tables', dep.slice(1))
    line('Home page with the Readiness dashboard', home.slice(1))
    console.log(`   (first visits, with code loading: ${r1(dep[0])} ms and ${r1(home[0])} ms)`)
  } finally {
    await browser?.close()
    await server?.stop()
    rmSync(tmp, { recursive: true, force: true })
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e)
    process.exitCode = 1
  })
}
