// A database written by an older version, opened by this build in Chromium: the upgrade runs (its
// repair code loaded on demand, the upgrade transaction kept alive meanwhile), every plan is
// there, and values that fit no field have moved into the notes.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { eventually, launch, ROOT, shutdown, startPreview, storedRows } from './browser.mjs'

let server
let browser
const T = { timeout: 120_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)
after(() => shutdown({ browser, server }), T)

// The stores and indexes of schema version 2, as Dexie made them (IndexedDB version = Dexie's × 10).
const V2 = {
  plans: 'id, kind, updatedAt',
  sections: 'id, planId, [planId+order]',
  items: 'id, planId, [sectionId+order], [planId+status], due, source.id',
  settings: 'key',
  drills: 'id, status, startedAt',
  drillEvents: 'id, drillId, [drillId+at]',
  scenarios: 'id, updatedAt',
  templates: 'id, updatedAt',
}

test('a database made by the version at 693ee30 opens, upgraded, with every plan and word', T, async () => {
  const fixture = JSON.parse(readFileSync(path.join(ROOT, 'tests/fixtures/db-v2-693ee30.json'), 'utf8'))
  const context = await browser.newContext()
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  try {
    await page.goto(`${server.url}/robots.txt`)
    await page.evaluate(
      ({ schema, tables }) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('continuity-kit', 20)
          req.onupgradeneeded = () => {
            for (const [name, spec] of Object.entries(schema)) {
              const [key, ...indexes] = spec.split(',').map((s) => s.trim())
              const store = req.result.createObjectStore(name, { keyPath: key })
              for (const index of indexes) {
                const compound = /^\[(.+)\]$/.exec(index)
                store.createIndex(index, compound ? compound[1].split('+') : index)
              }
            }
            for (const [name, rows] of Object.entries(tables)) for (const row of rows) req.transaction.objectStore(name).add(row)
          }
          req.onsuccess = () => {
            req.result.close()
            resolve()
          }
          req.onerror = () => reject(req.error)
        }),
      { schema: V2, tables: fixture.tables },
    )

    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    const live = fixture.tables.plans.filter((p) => p.deletedAt === null).map((p) => p.title)
    for (const title of live) await page.getByTestId('plan-row').getByRole('link', { name: title, exact: true }).waitFor()
    const items = await eventually(async () => {
      const rows = await storedRows(page, 'items')
      assert.equal(rows.length, fixture.tables.items.length)
      return rows
    })
    const orders = items.find((i) => /site: Leeds/.test(i.notes))
    assert.ok(orders, 'the value of the removed Site field is in the notes')
    assert.equal(orders.values.cost, '1250.5')
    assert.equal(
      await page.evaluate(
        () =>
          new Promise((resolve) => {
            const req = indexedDB.open('continuity-kit')
            req.onsuccess = () => {
              resolve(req.result.version)
              req.result.close()
            }
          }),
      ),
      40,
    )
    assert.deepEqual(errors, [])
  } finally {
    await context.close()
  }
})
