// Measures how many edits are lost when typing is interrupted: a plan item's notes, a plan's title,
// a scenario's summary and an item added with Enter, each typed and then cut off 0, 50 or 200 ms
// after the last keystroke by a reload, a closed tab or a closed browser (a persistent profile
// closed and opened again). After each interruption the app is opened again and given a few
// seconds to replay its journal; an edit not in the database then is counted as lost.
// `measureKeystrokeLoss()` returns the counts; `formatLossTable()` prints them; run this file with
// node (E2E_DIST as for the tests) to print the whole table.
import { chromium } from 'playwright-core'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CHROMIUM, CHROME_ARGS, DIST, createPlan, eventually, openItem, sleep, storedRows } from './browser.mjs'
import { startStaticServer } from './static-server.mjs'

export const INTERRUPTS = ['reload', 'tab close', 'browser close']
export const DELAYS = [0, 50, 200]
const FIELDS = ['notes', 'title', 'item', 'scenario']

async function launchProfile(dir, withoutStorage) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROME_ARGS,
    // What is measured is the app's own saving, not the service worker's cache.
    serviceWorkers: 'block',
  })
  // As when a browser refuses web storage: the app keeps its journal in memory only.
  if (withoutStorage)
    await context.addInitScript(() =>
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new Error('storage blocked')
        },
      }),
    )
  return context
}

/**
 * Runs `rounds` interruptions per (interrupt, delay), over the kinds of edit in `fields` (all four:
 * 'notes', 'title', 'item', 'scenario').
 * Returns one row per (interrupt, delay): { interrupt, delay, rounds, lost, duplicated, lostFields }.
 * `withoutStorage` blocks localStorage, to show what the measurement sees without the journal;
 * `settleMs` is how long a reopened app is given to show (replay) an edit before it counts as lost.
 */
export async function measureKeystrokeLoss({
  rounds = 10,
  dist = DIST,
  interrupts = INTERRUPTS,
  delays = DELAYS,
  fields = FIELDS,
  withoutStorage = false,
  settleMs = 5000,
  log = () => {},
} = {}) {
  const server = await startStaticServer(dist)
  const profile = mkdtempSync(path.join(os.tmpdir(), 'ck-keystrokes-'))
  let context = await launchProfile(profile, withoutStorage)
  let page = context.pages()[0] ?? (await context.newPage())
  const results = []
  try {
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    const planId = await createPlan(page, 'Blank plan', 'Keystroke plan')
    const planUrl = page.url()
    const add = page.getByRole('textbox', { name: /^New item in / })
    await add.fill('Anchor')
    await add.press('Enter')
    await eventually(async () => {
      if (!(await storedRows(page, 'items')).some((i) => i.text === 'Anchor')) throw new Error('no anchor item yet')
    })
    await page.goto(`${server.url}/drills`)
    await page.getByRole('button', { name: 'New scenario' }).click()
    await page.waitForURL(/\/drills\/scenarios\//)
    const scenarioUrl = page.url()
    const scenarioId = new URL(scenarioUrl).pathname.split('/').pop()

    const urlOf = (field) => (field === 'scenario' ? scenarioUrl : planUrl)
    const ready = async (field) => {
      const box = field === 'scenario' ? page.getByLabel(/^Summary/) : page.getByLabel('Plan title', { exact: true })
      await box.waitFor({ timeout: 15_000 }).catch(async (e) => {
        throw new Error(
          `${field} did not open at ${page.url()}: ${(
            await page
              .locator('body')
              .innerText()
              .catch(() => '')
          ).slice(0, 400)}`,
          { cause: e },
        )
      })
    }
    const typeInto = async (field, text) => {
      if (field === 'item') {
        const box = page.getByRole('textbox', { name: /^New item in / })
        await box.click()
        await page.keyboard.type(text)
        await page.keyboard.press('Enter')
        return
      }
      const box =
        field === 'notes'
          ? (await openItem(page, 'Anchor')).getByLabel('Notes', { exact: true })
          : field === 'title'
            ? page.getByLabel('Plan title', { exact: true })
            : page.getByLabel(/^Summary/)
      await box.click()
      await page.keyboard.press('Control+A')
      await page.keyboard.type(text)
    }
    const stored = async (field, text) => {
      if (field === 'notes') return (await storedRows(page, 'items')).find((i) => i.text === 'Anchor')?.notes === text ? 1 : 0
      if (field === 'title') return (await storedRows(page, 'plans')).find((p) => p.id === planId)?.title === text ? 1 : 0
      if (field === 'item') return (await storedRows(page, 'items')).filter((i) => i.text === text).length
      return (await storedRows(page, 'scenarios')).find((s) => s.id === scenarioId)?.summary === text ? 1 : 0
    }

    let set = 0
    for (const interrupt of interrupts) {
      for (const delay of delays) {
        const row = { interrupt, delay, rounds, lost: 0, duplicated: 0, lostFields: [] }
        const started = Date.now()
        // Every kind of edit in each set, grouped, and every other set in reverse: the plan page and
        // the scenario page are switched between once a set rather than every few rounds.
        const order = set++ % 2 === 0 ? fields : [...fields].reverse()
        for (let r = 0; r < rounds; r++) {
          const field = order[Math.floor((r * order.length) / rounds)]
          const text = `${field.slice(0, 2)}${r} ${Math.random().toString(36).slice(2, 6)}`
          if (page.url() !== urlOf(field)) await page.goto(urlOf(field))
          await ready(field)
          await typeInto(field, text)
          if (delay > 0) await sleep(delay)
          if (interrupt === 'reload') {
            await page.reload({ waitUntil: 'commit' })
          } else if (interrupt === 'tab close') {
            await page.close()
            page = await context.newPage()
            await page.goto(urlOf(field), { waitUntil: 'commit' })
          } else {
            await context.close()
            context = await launchProfile(profile, withoutStorage)
            page = context.pages()[0] ?? (await context.newPage())
            await page.goto(urlOf(field), { waitUntil: 'commit' })
          }
          await ready(field)
          const count = await eventually(
            async () => {
              const n = await stored(field, text)
              if (n === 0) throw new Error(`${field} not stored`)
              return n
            },
            { timeout: settleMs },
          ).catch(() => 0)
          if (count === 0) {
            row.lost++
            row.lostFields.push(field)
          }
          if (count > 1) row.duplicated++
        }
        log({ ...row, ms: Date.now() - started })
        results.push(row)
      }
    }
  } finally {
    await context.close().catch(() => {})
    await server.stop()
    rmSync(profile, { recursive: true, force: true })
  }
  return results
}

export function formatLossTable(rows) {
  const lines = [
    'interrupt       delay   lost      duplicated',
    ...rows.map(
      (r) =>
        `${r.interrupt.padEnd(15)} ${`${r.delay} ms`.padEnd(7)} ${`${r.lost}/${r.rounds}`.padEnd(9)} ${r.duplicated}${r.lostFields.length ? `   lost: ${r.lostFields.join(', ')}` : ''}`,
    ),
  ]
  return lines.join('\n')
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatLossTable(await measureKeystrokeLoss()))
}
