// Every database version opens data written by the ones before it without losing a row, and every
// row it then holds survives Export all -> import into an empty database.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { Dexie } from 'dexie'
import { describe, expect, it } from 'vitest'
import { ContinuityDb, db, DB_NAME, SCHEMA_V1, SCHEMA_V2 } from '../../src/db/database'
import { exportPlans, importDocument } from '../../src/db/exchange-repository'
import { serializeDocument } from '../../src/domain/export-format'
import { checkImport } from '../../src/domain/import-check'
import type { Item, Section } from '../../src/domain/model'
import { planFromTemplate } from '../../src/domain/plan-factory'
import { makeTemplate } from '../support/factories'

interface DbFixture {
  madeBy: string
  schemaVersion: number
  tables: Record<string, Record<string, unknown>[]>
}
const readDbFixture = (name: string): DbFixture => JSON.parse(readFileSync(path.join(__dirname, '../fixtures', name), 'utf8')) as DbFixture
// v3 added no table or index to v2.
const SCHEMAS: Record<number, Record<string, string>> = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V2 }
const ROW_TABLES = ['plans', 'sections', 'items', 'drills', 'drillEvents', 'scenarios', 'templates'] as const

/** Writes the fixture's rows into the app's database at the schema version that made them. */
async function loadAtOldVersion(fixture: DbFixture): Promise<void> {
  db.close()
  await Dexie.delete(DB_NAME)
  const old = new Dexie(DB_NAME)
  old.version(fixture.schemaVersion).stores(SCHEMAS[fixture.schemaVersion] ?? {})
  await old.open()
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows)
  old.close()
}

async function dumpRows(): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(ROW_TABLES.map(async (t) => [t, await db.table(t).orderBy(':id').toArray()] as const)))
}

const itemByText = async (text: string): Promise<Item> => {
  const item = (await db.items.toArray()).find((i) => i.text === text)
  if (!item) throw new Error(`no item "${text}"`)
  return item
}
const sectionByTitle = async (title: string): Promise<Section> => {
  const section = (await db.sections.toArray()).find((s) => s.title === title)
  if (!section) throw new Error(`no section "${title}"`)
  return section
}

describe.each([
  ['db-v1-5fa5932.json', 1],
  ['db-v2-693ee30.json', 2],
  ['db-v3-ace6b66.json', 3],
])('a database made through the UI of an older version (%s)', (file, version) => {
  const fixture = readDbFixture(file)

  it(`was written at schema version ${version}`, () => {
    expect(fixture.schemaVersion).toBe(version)
  })

  it("upgrades keeping every row and every word, brought up to today's rules", async () => {
    await loadAtOldVersion(fixture)
    await db.open()
    expect(db.verno).toBe(4)
    for (const t of ROW_TABLES) expect(await db.table(t).count(), t).toBe(fixture.tables[t]?.length ?? 0)

    const orders = await itemByText('Take customer orders')
    // "Site" was removed while it held a value; "Cost" was removed and re-added as text. Before v3
    // the values stayed behind (the upgrade moves them to the notes); v3's UI asked, then removed them.
    if (version < 3) {
      expect(orders.notes).toBe('\t=tab then formula  \nsite: Leeds')
      expect(orders.values).toMatchObject({ cost: '1250.5', 'go-live': '2026-03-02', impact: 'Critical', rto: 240 })
    } else {
      expect(orders.notes).toBe('\t=tab then formula  ')
      expect(orders.values).toMatchObject({ 'go-live': '2026-03-02', impact: 'Critical', rto: 240 })
    }
    expect(orders.values).not.toHaveProperty('site')
    const bia = await sectionByTitle('Business impact analysis')
    // A choice field without choices is a text field now, under the same label (v3's UI refused to make one).
    if (version < 3) expect(bia.fields.find((f) => f.id === 'tier')).toEqual({ id: 'tier', label: 'Tier', type: 'text' })
    const beforeTheMove = (await sectionByTitle('Before the move')).fields.map((f) => [f.id, f.type])
    expect(beforeTheMove).toEqual(
      version < 3
        ? [
            ['priority', 'text'],
            ['lead-time', 'duration'],
          ]
        : [['lead-time', 'duration']],
    )
    expect((await itemByText('Book the van')).values).toEqual({ 'lead-time': 3120 })
    if (version >= 2) {
      const [template] = await db.templates.toArray()
      if (version < 3) expect(template?.sections[1]?.fields?.[0]).toEqual({ id: 'priority', label: 'Priority', type: 'text' })
      expect(await db.drillEvents.count()).toBe(1)
      expect(await db.drills.toArray()).toEqual([expect.objectContaining({ mode: 'drill', incident: null, stepMatches: [] })])
    }

    // v4: sections say what they are, and the registers keep working by field id.
    expect(bia.role).toBe('impact-analysis')
    expect((await sectionByTitle('Contact tree')).role).toBe('contact-tree')
    expect((await sectionByTitle('Before the move')).role).toBe('checklist')
    for (const item of await db.items.toArray()) expect(item, item.text).toMatchObject({ kind: 'task', phase: null, role: '' })
    // Ordering keys are strings now, in the order the numbers gave.
    const oldOrder = (rows: Record<string, unknown>[], sectionId: string) =>
      rows
        .filter((r) => r.sectionId === sectionId)
        .sort((a, b) => Number(a.order) - Number(b.order) || String(a.id).localeCompare(String(b.id)))
        .map((r) => r.id)
    for (const section of await db.sections.toArray()) {
      const now = (await db.items.where('[sectionId+order]').between([section.id, Dexie.minKey], [section.id, Dexie.maxKey]).toArray()).map((i) => i.id)
      expect(now, section.title).toEqual(oldOrder(fixture.tables.items ?? [], section.id))
    }
    if (version >= 3) {
      // The free-text "functions" column of a supplier register moved into each row's notes, word for word.
      const register = await sectionByTitle('Supplier register')
      expect(register.role).toBe('supplier-register')
      expect(register.fields.map((f) => f.id)).not.toContain('functions')
      expect(register.fields.map((f) => f.id)).toEqual(expect.arrayContaining(['runsOn', 'platform', 'region', 'statusPage', 'supportLine', 'noticePeriod']))
      expect((await itemByText('Web host Ltd')).notes).toBe('Functions that rely on it: Website; online shop')
      expect((await itemByText('Cloud hosting provider')).notes).toBe('Functions that rely on it: Take customer orders; deliver goods or services')
      // A phone column that holds numbers becomes a phone field, its words unchanged.
      const tree = await sectionByTitle('Contact tree')
      expect(tree.fields.find((f) => f.id === 'phone')?.type).toBe('phone')
      expect((await itemByText('Crisis lead: name to be added')).values.phone).toBe('07700 900123 (mobile)')
      // Web host Ltd was moved above the last example supplier.
      const names = (await db.items.where('[sectionId+order]').between([register.id, Dexie.minKey], [register.id, Dexie.maxKey]).toArray()).map((i) => i.text)
      expect(names.indexOf('Web host Ltd')).toBe(names.length - 2)
    }
  })

  it('Export all -> import into an empty database gives back the same rows, table by table', async () => {
    await loadAtOldVersion(fixture)
    await db.open()
    const upgraded = await dumpRows()
    const doc = await exportPlans({ includeTrash: true }, 'test')
    const checked = checkImport(serializeDocument(doc))
    if (!checked.ok) throw new Error(`Cannot import: ${checked.problems.join('; ')}`)
    await Promise.all(db.tables.map((t) => t.clear()))
    expect(await importDocument(checked.doc, 'copy')).toMatchObject({ replaced: 0, copied: 0 })
    const restored = await dumpRows()
    for (const t of ROW_TABLES) expect(restored[t], t).toEqual(upgraded[t])
  })
})

describe('database upgrades', () => {
  it('v1 -> v2 -> v3 -> v4 keeps plans, sections, items and settings, and indexes item sources', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_V1)
    let n = 0
    const rows = planFromTemplate(makeTemplate(), { newId: () => `id-${++n}`, now: '2026-11-01T10:00:00.000Z' })
    const first = rows.items[0]
    if (first) first.source = { kind: 'drill-finding', id: 'finding-1', label: 'Tabletop' }
    // Rows as v1 stored them: numbered orders, no role, no kind.
    const v1Sections = rows.sections.map(({ role: _r, ...s }, i) => ({ ...s, order: (i + 1) * 1024 }))
    const v1Items = rows.items.map(({ kind: _k, phase: _p, role: _r, ...item }, i) => ({ ...item, order: (rows.items.length - i) * 1024 }))
    await v1.table('plans').add(rows.plan)
    await v1.table('sections').bulkAdd(v1Sections)
    await v1.table('items').bulkAdd(v1Items)
    await v1.table('settings').put({ key: 'userName', value: 'Ana' })
    v1.close()

    const current = new ContinuityDb(name)
    await current.open()
    expect(current.verno).toBe(4)
    expect(await current.plans.toArray()).toEqual([rows.plan])
    const sections = await current.sections.where('[planId+order]').between([rows.plan.id, Dexie.minKey], [rows.plan.id, Dexie.maxKey]).toArray()
    expect(sections.map((s) => s.id)).toEqual(v1Sections.map((s) => s.id))
    const items = await current.items.toArray()
    expect(items.map((i) => i.text).sort()).toEqual(rows.items.map((i) => i.text).sort())
    // Each section's items keep the numbered order (here reversed from the template's).
    for (const section of sections) {
      const now = (await current.items.where('[sectionId+order]').between([section.id, Dexie.minKey], [section.id, Dexie.maxKey]).toArray()).map((i) => i.id)
      const before = v1Items
        .filter((i) => i.sectionId === section.id)
        .sort((a, b) => a.order - b.order)
        .map((i) => i.id)
      expect(now).toEqual(before)
    }
    expect((await current.settings.get('userName'))?.value).toBe('Ana')
    expect((await current.items.where('source.id').equals('finding-1').toArray()).map((i) => i.id)).toEqual([first?.id])
    expect(await current.drills.count()).toBe(0)
    current.close()
    await Dexie.delete(name)
  })
})
