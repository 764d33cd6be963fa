// Fuzz: generated malformed and hostile documents either import cleanly and validly, or are
// rejected with messages while the database stays byte-for-byte as it was.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { importDocument } from '../../src/db/exchange-repository'
import { checkImport } from '../../src/domain/import-check'
import { drillEventSchema, drillSchema, scenarioSchema } from '../../src/domain/drill-model'
import { itemSchema, planSchema, sectionSchema } from '../../src/domain/model'
import { userTemplateSchema } from '../../src/domain/user-template'

const FIXTURE = readFileSync(path.join(__dirname, '../fixtures/export-v4.continuity.json'), 'utf8')
const RUNS = 1000

/** A small seeded generator (mulberry32) so a failure can be replayed. */
function rng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
const HOSTILE: Json[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  'x'.repeat(600),
  'y'.repeat(25_000),
  '',
  '   ',
  '2026-02-31',
  '31/02/2026',
  -1,
  0,
  1e308,
  3.5,
  true,
  null,
  [],
  {},
  [[[[[]]]]],
  { __html: '<b>' },
  '\u0000\u202e',
  '=cmd|"/c calc"!A1',
]

function paths(v: Json, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at)
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out))
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) paths(v[k] as Json, [...at, k], out)
  return out
}

function mutate(doc: Json, random: () => number): string {
  const all = paths(doc).filter((p) => p.length > 0)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T
  const target = pick(all)
  const parentPath = target.slice(0, -1)
  const key = target[target.length - 1] as string | number
  let parent = doc as Record<string | number, Json>
  for (const k of parentPath) parent = parent[k] as Record<string | number, Json>
  const kind = Math.floor(random() * 7)
  let marker = ''
  switch (kind) {
    case 0:
      parent[key] = pick(HOSTILE)
      break
    case 1:
      if (Array.isArray(parent)) parent.splice(Number(key), 1)
      else Reflect.deleteProperty(parent, key)
      break
    case 2: {
      // deep nesting
      let v: Json = 'bottom'
      for (let i = 0; i < 200; i++) v = [v]
      parent[key] = v
      break
    }
    case 3:
      marker = `"__proto__": {"polluted": true}, `
      break
    case 4:
      if (!Array.isArray(parent)) parent[`extra${Math.floor(random() * 9)}`] = pick(HOSTILE)
      else parent.push(pick(HOSTILE))
      break
    case 5:
      if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)] ?? null))
      else parent[key] = structuredClone(parent[key] ?? null)
      break // duplicates
    default:
      if (typeof parent[key] === 'string') parent[key] = `${parent[key] as string}<b onmouseover="x">${'!'.repeat(Math.floor(random() * 3))}</b>`
      else parent[key] = String(parent[key])
  }
  const text = JSON.stringify(doc)
  // A __proto__ key has to be written into the text: an object literal cannot carry it as data.
  return marker ? text.replace('"title":', `${marker}"title":`) : text
}

/** Every table an import writes, as text: a rejection must leave all of it as it was. */
async function snapshot(): Promise<string> {
  const tables = [db.plans, db.sections, db.items, db.drills, db.drillEvents, db.scenarios, db.templates] as const
  return JSON.stringify(await Promise.all(tables.map((t) => t.orderBy(':id').toArray())))
}

/** Every stored row checked by the schema that guards its writes. */
const ROW_SCHEMAS = () =>
  [
    [db.plans, planSchema],
    [db.sections, sectionSchema],
    [db.items, itemSchema],
    [db.drills, drillSchema],
    [db.drillEvents, drillEventSchema],
    [db.scenarios, scenarioSchema],
    [db.templates, userTemplateSchema],
  ] as const

/**
 * Each case starts from the fixture alone: copies would otherwise make the database grow with
 * every accepted run, and each snapshot would cost more than the last.
 */
async function resetTo(doc: Parameters<typeof importDocument>[0]): Promise<void> {
  await Promise.all(db.tables.map((t) => t.clear()))
  await importDocument(doc, 'replace')
}

describe('import fuzzing', () => {
  it(`handles ${RUNS} malformed or hostile documents without harm`, async () => {
    const base = checkImport(FIXTURE)
    if (!base.ok) throw new Error('fixture must import')
    await resetTo(base.doc)
    // Importing the fixture into an empty database always gives the same rows.
    const before = await snapshot()
    let dirty = false
    const random = rng(20261128)
    let accepted = 0
    let rejected = 0
    for (let run = 0; run < RUNS; run++) {
      const text = mutate(JSON.parse(FIXTURE) as Json, random)
      // A rejection is checked to change nothing, so only an accepted run needs a fresh start.
      if (dirty) await resetTo(base.doc)
      dirty = false
      const result = checkImport(text)
      if (result.ok) {
        accepted++
        dirty = true
        await importDocument(result.doc, run % 2 ? 'copy' : 'replace')
        // Whatever went in is valid, and text stays text.
        for (const [table, schema] of ROW_SCHEMAS()) {
          for (const row of await table.toArray())
            expect(schema.safeParse(row).success, `run ${run}: ${table.name} ${JSON.stringify(row).slice(0, 200)}`).toBe(true)
        }
      } else {
        rejected++
        expect(result.problems.length, `run ${run}`).toBeGreaterThan(0)
        for (const p of result.problems) expect(typeof p === 'string' && p.length > 0 && p.length < 2000, `run ${run}: ${p}`).toBe(true)
        expect(await snapshot(), `run ${run}: database changed after a rejection`).toBe(before)
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(accepted + rejected).toBe(RUNS)
    // Both paths must be exercised for the test to mean anything.
    expect(accepted).toBeGreaterThan(50)
    expect(rejected).toBeGreaterThan(300)
  }, 120_000)
})
