// Reliability figures, in one run, against the built app in Debian Chromium:
//   1. keystrokes lost per interruption (reload, closed tab, closed browser) and delay after the
//      last keystroke (0, 50, 200 ms), over item notes, plan titles, scenario summaries and items
//      added with Enter;
//   2. backups of each older version restored or refused: every database fixture made through an
//      older version's UI (upgrade -> Export all -> import into an empty database -> same rows)
//      and every export-format fixture, as the unit tests check them;
//   3. edits made in two tabs at the same moment, and how many were kept;
//   4. Content-Security-Policy violations and requests leaving the origin over a tour of every
//      screen.
// Usage: npm run build && node bench/reliability.mjs [--rounds 10]   (E2E_DIST=folder to use another build)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createPlan, eventually, launch, openItem, ROOT, startPreview, storedRows } from '../tests/e2e/browser.mjs'
import { formatLossTable, measureKeystrokeLoss } from '../tests/e2e/keystroke-loss.mjs'
import { tour, watchContext } from '../tests/e2e/tour.mjs'
import { fmtLoad } from './stats.mjs'

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const ROUNDS = arg('rounds', 10)
/** --skip keystrokes,backups,tabs,tour leaves those parts out (for a quicker look at the others). */
const SKIP = new Set((process.argv[process.argv.indexOf('--skip') + 1] ?? '').split(','))
const runs = (part) => !process.argv.includes('--skip') || !SKIP.has(part)

function heading(text) {
  console.log(`\n== ${text} (${fmtLoad()})`)
}

/** Runs the unit tests that restore older versions' data and counts, per fixture, restored or refused. */
function backupFigures() {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'ck-rel-')), 'vitest.json')
  spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vitest/vitest.mjs'),
      'run',
      'tests/unit/database-upgrade.test.ts',
      'tests/unit/exchange.test.ts',
      '--reporter=json',
      `--outputFile=${out}`,
    ],
    { cwd: ROOT, stdio: 'ignore' },
  )
  const report = JSON.parse(readFileSync(out, 'utf8'))
  rmSync(path.dirname(out), { recursive: true, force: true })
  const fixtures = new Map()
  for (const file of report.testResults) {
    for (const t of file.assertionResults) {
      const name = [...t.ancestorTitles, t.title].join(' ')
      const db = /(db-v\d+-\w+\.json)/.exec(name)?.[1]
      const format = /\bversion (\d+) file\b/.exec(name)?.[1]
      const fixture = db ?? (format ? `export-v${format}.continuity.json` : undefined)
      if (!fixture) continue
      const row = fixtures.get(fixture) ?? { tests: 0, failed: [] }
      row.tests++
      if (t.status !== 'passed') row.failed.push(t.title)
      fixtures.set(fixture, row)
    }
  }
  return [...fixtures].sort(([a], [b]) => a.localeCompare(b))
}

/** Two tabs of one browser edit at the same moment; counts the edits made and the edits kept. */
async function twoTabFigures(url, rounds) {
  const browser = await launch()
  const context = await browser.newContext()
  const made = { 'two items of one plan': 0, 'two fields of one item': 0, 'title and summary of one scenario': 0 }
  const kept = { ...made }
  try {
    const a = await context.newPage()
    await a.goto(url)
    await createPlan(a, 'Business continuity plan', 'Two tabs')
    const planUrl = a.url()
    const b = await context.newPage()
    await b.goto(planUrl)
    await b.getByTestId('item').first().waitFor()
    const type = async (page, itemText, label, text) => {
      const box = (await openItem(page, itemText)).getByLabel(label, { exact: true })
      await box.click()
      await page.keyboard.press('Control+A')
      await page.keyboard.type(text)
      await box.blur()
    }
    const item = async (text) => (await storedRows(a, 'items')).find((i) => i.text === text)
    for (let r = 0; r < rounds; r++) {
      const one = `one ${r}`
      const two = `two ${r}`
      await Promise.all([type(a, 'Define the scope', 'Notes', one), type(b, 'List who may invoke the plan', 'Notes', two)])
      made['two items of one plan'] += 2
      await eventually(async () => {
        const n = ((await item('Define the scope'))?.notes === one ? 1 : 0) + ((await item('List who may invoke the plan'))?.notes === two ? 1 : 0)
        if (n < 2) throw new Error('not yet')
      }).catch(() => undefined)
      kept['two items of one plan'] +=
        ((await item('Define the scope'))?.notes === one ? 1 : 0) + ((await item('List who may invoke the plan'))?.notes === two ? 1 : 0)

      await Promise.all([type(a, 'Define the scope', 'Notes', `n${one}`), type(b, 'Define the scope', 'Evidence', `e${two}`)])
      made['two fields of one item'] += 2
      const both = async () => {
        const row = await item('Define the scope')
        return (row?.notes === `n${one}` ? 1 : 0) + (row?.evidence === `e${two}` ? 1 : 0)
      }
      await eventually(async () => {
        if ((await both()) < 2) throw new Error('not yet')
      }).catch(() => undefined)
      kept['two fields of one item'] += await both()
    }

    await a.goto(`${url}/drills`)
    await a.getByRole('button', { name: 'New scenario' }).click()
    await a.waitForURL(/\/drills\/scenarios\//)
    const scenarioId = new URL(a.url()).pathname.split('/').pop()
    await b.goto(a.url())
    await b.getByLabel(/^Summary/).waitFor()
    const fill = async (page, label, text) => {
      const box = page.getByLabel(label).first()
      await box.click()
      await page.keyboard.press('Control+A')
      await page.keyboard.type(text)
      await box.blur()
    }
    for (let r = 0; r < rounds; r++) {
      const title = `Title ${r}`
      const summary = `Summary ${r}`
      await Promise.all([fill(a, /^Title/, title), fill(b, /^Summary/, summary)])
      made['title and summary of one scenario'] += 2
      const both = async () => {
        const row = (await storedRows(a, 'scenarios')).find((s) => s.id === scenarioId)
        return (row?.title === title ? 1 : 0) + (row?.summary === summary ? 1 : 0)
      }
      await eventually(async () => {
        if ((await both()) < 2) throw new Error('not yet')
      }).catch(() => undefined)
      kept['title and summary of one scenario'] += await both()
    }
  } finally {
    await browser.close()
  }
  return Object.keys(made).map((what) => ({ what, made: made[what], kept: kept[what] }))
}

async function tourFigures(url) {
  const browser = await launch()
  const context = await browser.newContext({ acceptDownloads: true })
  try {
    const seen = await watchContext(context, url)
    await tour(await context.newPage(), url)
    return seen()
  } finally {
    await browser.close()
  }
}

const server = await startPreview()
try {
  if (runs('keystrokes')) {
    heading(`Keystrokes lost, ${ROUNDS} rounds per interruption and delay`)
    console.log(formatLossTable(await measureKeystrokeLoss({ rounds: ROUNDS })))
  }
  if (runs('backups')) heading('Backups of older versions, restored or refused')
  if (runs('backups'))
    for (const [fixture, { tests, failed }] of backupFigures()) {
      console.log(
        `${fixture.padEnd(32)} ${failed.length === 0 ? 'restored' : 'REFUSED '}  (${tests - failed.length}/${tests} checks)${failed.length ? `: ${failed.join('; ')}` : ''}`,
      )
    }

  if (runs('tabs')) {
    heading('Edits made at the same moment in two tabs')
    for (const { what, made, kept } of await twoTabFigures(server.url, Math.max(1, Math.round(ROUNDS / 2)))) {
      console.log(`${what.padEnd(36)} made ${made}, kept ${kept}`)
    }
  }
  if (runs('tour')) {
    heading('A tour of every screen')
    const { violations, offOrigin, requests } = await tourFigures(server.url)
    console.log(`CSP violations: ${violations.length}${violations.length ? ` (${violations.join('; ')})` : ''}`)
    console.log(`requests off origin: ${offOrigin.length} of ${requests}${offOrigin.length ? ` (${offOrigin.join(', ')})` : ''}`)
  }
} finally {
  await server.stop()
}
