// Export and import: the format round trip, every rejection with its message, all-or-nothing writes.
import { byOrder } from '../../src/domain/order'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { exportPlans, importDocument, previewImport } from '../../src/db/exchange-repository'
import { setItemValue } from '../../src/db/checklist-repository'
import { trashDrill } from '../../src/db/drill-repository'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { exportJsonSchema, serializeDocument, type ExportDocument } from '../../src/domain/export-format'
import { migrateDocument } from '../../src/domain/format-migrations'
import { MAX_IMPORT_BYTES } from '../../src/domain/format-version'
import { checkImport } from '../../src/domain/import-check'
import { continuityTemplate } from '../../src/templates/continuity'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'
import { makeTemplate } from '../support/factories'

const readFixture = (name: string) => readFileSync(path.join(__dirname, '../fixtures', name), 'utf8')
/** The current format, using every field; older versions keep their own fixture. */
const FIXTURE = readFixture('export-v5.continuity.json')
const FIXTURE_V4 = readFixture('export-v4.continuity.json')
const FIXTURE_V3 = readFixture('export-v3.continuity.json')
const FIXTURE_V1 = readFixture('export-v1.continuity.json')
const FIXTURE_V2 = readFixture('export-v2.continuity.json')
const DRILL_ID = 'd7e1a0c2-0000-4000-8000-000000000001'
const INCIDENT_ID = 'a5e1c7d0-0000-4000-8000-000000000600'
const FINDING_ID = 'e3b0c442-0000-4000-8000-000000000042'

interface OldDocument {
  plans: {
    id: string
    sections: { id: string; order: number }[]
    items: { id: string; sectionId: string; order: number; text: string; notes: string; evidence: string; values: Record<string, unknown> }[]
  }[]
}

/**
 * A migrated document holds every plan, section and item of the older one, in the same order,
 * with every word and every value (under the same field id; register fields may be renamed).
 */
function expectSameContent(doc: ExportDocument, old: OldDocument) {
  expect(doc.plans.map((p) => p.id)).toEqual(old.plans.map((p) => p.id))
  old.plans.forEach((oldPlan, n) => {
    const plan = doc.plans[n]
    if (!plan) throw new Error('plan missing')
    const byNumber = <T extends { id: string; order: number }>(rows: T[]) =>
      [...rows].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)).map((r) => r.id)
    const byKey = <T extends { id: string; order: string }>(rows: T[]) => [...rows].sort(byOrder).map((r) => r.id)
    expect(byKey(plan.sections)).toEqual(byNumber(oldPlan.sections))
    for (const section of oldPlan.sections) {
      const items = (plan.items as (ExportDocument['plans'][number]['items'][number] & { sectionId: string })[]).filter((i) => i.sectionId === section.id)
      expect(byKey(items)).toEqual(byNumber(oldPlan.items.filter((i) => i.sectionId === section.id)))
    }
    for (const oldItem of oldPlan.items) {
      const item = plan.items.find((i) => i.id === oldItem.id)
      expect(item?.text).toBe(oldItem.text)
      expect(`${item?.notes}\n${item?.evidence}`).toContain(oldItem.notes)
      for (const [key, value] of Object.entries(oldItem.values)) if (key in (item?.values ?? {})) expect(item?.values[key], key).toEqual(value)
    }
  })
}

function fixture(): ExportDocument {
  const checked = checkImport(FIXTURE)
  if (!checked.ok) throw new Error(checked.problems.join('\n'))
  return checked.doc
}

/** The fixture as a plain object to break in one place. */
const mutable = (): Record<string, unknown> & { plans: Record<string, unknown>[]; drills: { events: { id: string }[] }[] } => JSON.parse(FIXTURE)
const problemsOf = (text: string) => {
  const result = checkImport(text)
  return result.ok ? [] : result.problems
}

async function snapshot() {
  return JSON.stringify({
    plans: await db.plans.orderBy('id').toArray(),
    sections: await db.sections.orderBy('id').toArray(),
    items: await db.items.orderBy('id').toArray(),
  })
}

describe('round trip', () => {
  it('export -> import into an empty database -> export gives the same document', async () => {
    const doc = fixture()
    await importDocument(doc, 'replace')
    const again = await exportPlans({ includeTrash: true }, '0.1.0')
    expect(serializeDocument({ ...again, exportedAt: doc.exportedAt })).toBe(serializeDocument(doc))
    expect(await db.drillEvents.count()).toBe(6)
    expect((await db.templates.get('user-7a11e000-0000-4000-8000-000000000001'))?.title).toBe('Office move checklist')
  })

  it('imports a version 2 file (drills without deletedAt) by migrating it forward', async () => {
    const checked = checkImport(FIXTURE_V2)
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    expect(checked.doc.version).toBe(5)
    expectSameContent(checked.doc, JSON.parse(FIXTURE_V2) as OldDocument)
    await importDocument(checked.doc, 'replace')
    const again = await exportPlans({ includeTrash: true }, '0.1.0')
    expect({ ...again, exportedAt: checked.doc.exportedAt }).toEqual(checked.doc)
  })

  it('imports a version 4 file: sections gain their role, items are tasks, orders become keys in the same order', async () => {
    const checked = checkImport(FIXTURE_V4)
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    expect(checked.doc.version).toBe(5)
    expectSameContent(checked.doc, JSON.parse(FIXTURE_V4) as OldDocument)
    const plan = checked.doc.plans[0]
    expect(plan?.sections.map((s) => s.role)).toEqual(['checklist', 'impact-analysis'])
    expect(plan?.items.every((i) => i.kind === 'task' && i.phase === null && i.role === '')).toBe(true)
    expect(checked.doc.drills.map((d) => [d.mode, d.incident, d.stepMatches])).toEqual([['drill', null, []]])
    await importDocument(checked.doc, 'replace')
    const again = await exportPlans({ includeTrash: true }, '0.1.0')
    expect({ ...again, exportedAt: checked.doc.exportedAt }).toEqual(checked.doc)
  })

  it('imports a version 1 file by migrating it forward', async () => {
    const checked = checkImport(FIXTURE_V1)
    expect(checked.ok).toBe(true)
    if (!checked.ok) return
    expect(checked.doc).toMatchObject({ version: 5, drills: [], scenarios: [], templates: [] })
    expectSameContent(checked.doc, JSON.parse(FIXTURE_V1) as OldDocument)
    await importDocument(checked.doc, 'replace')
    const again = await exportPlans({ includeTrash: true }, '0.1.0')
    expect(again.plans).toEqual(checked.doc.plans)
  })

  it('a version 1 file that carries drills keeps them (checked like any other), never drops them', async () => {
    const v4 = JSON.parse(FIXTURE) as { drills: unknown[]; scenarios: unknown[]; templates: unknown[] }
    const v1 = { ...(JSON.parse(FIXTURE_V1) as object), drills: v4.drills, scenarios: v4.scenarios, templates: v4.templates }
    const checked = checkImport(JSON.stringify(v1))
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    expect(checked.doc.drills.map((d) => d.id)).toEqual([DRILL_ID, INCIDENT_ID])
    expect(checked.doc.scenarios).toHaveLength(1)
    expect(checked.doc.templates).toHaveLength(1)
    const broken = { ...v1, drills: [{ title: 'half a drill' }] }
    expect(problemsOf(JSON.stringify(broken))[0]).toMatch(/^drills\[0\]\./)
  })

  it('the fixture is the serialised form of itself (stable key order, compact)', () => {
    expect(serializeDocument(fixture())).toBe(`${JSON.stringify(JSON.parse(FIXTURE))}\n`)
    expect(serializeDocument(fixture())).not.toContain('\n  ')
  })

  it('keeps text exactly as written, leading tabs and trailing spaces included', async () => {
    await importDocument(fixture(), 'replace')
    expect((await db.items.get('9e8d7c6b-0000-4000-8000-000000000001'))?.notes).toBe('\t=tab then formula, kept as written  ')
    const again = await exportPlans({ includeTrash: true }, '0.1.0')
    expect(again.plans[0]?.items[0]?.notes).toBe('\t=tab then formula, kept as written  ')
    const doc = mutable()
    ;(doc.plans[0]?.items as Record<string, unknown>[])[0] = { ...(doc.plans[0]?.items as Record<string, unknown>[])[0], text: ' \t ' }
    expect(problemsOf(JSON.stringify(doc))).toEqual(['plans[0].items[0].text: must not be empty'])
  })

  it('refuses, in words, an older file holding a field no version wrote (choices that are not a list)', () => {
    for (const options of ['abc', [1]]) {
      const doc = JSON.parse(FIXTURE_V3) as { plans: { sections: { fields: unknown[] }[] }[] }
      const section = doc.plans[0]?.sections[0]
      if (!section) throw new Error('fixture without a section')
      section.fields = [{ id: 'tier', label: 'Tier', type: 'select', options }]
      const checked = checkImport(JSON.stringify(doc))
      expect(checked.ok).toBe(false)
      if (!checked.ok) expect(checked.problems.join(' ')).toMatch(/options|version 3 file/)
    }
  })

  it('imports a version 3 file exactly (nothing to repair in it)', async () => {
    const checked = checkImport(FIXTURE_V3)
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    expect(checked.doc.version).toBe(5)
    expectSameContent(checked.doc, JSON.parse(FIXTURE_V3) as OldDocument)
  })

  it('repairs what older versions wrote: a choice field without choices, values of removed or retyped fields', () => {
    const v3 = JSON.parse(FIXTURE_V3) as {
      plans: { sections: { fields: Record<string, unknown>[] }[]; items: { values: Record<string, unknown>; notes: string }[] }[]
    }
    const [plan] = v3.plans
    const bia = plan?.sections[1]
    const orders = plan?.items[2]
    if (!bia || !orders) throw new Error('fixture changed')
    bia.fields.push({ id: 'tier', label: 'Tier', type: 'select', options: [] })
    bia.fields = bia.fields.map((f) => (f.id === 'cost' ? { id: 'cost', label: 'Cost', type: 'text' } : f))
    orders.values = { ...orders.values, site: 'Leeds', impact: 'Severe' }
    const checked = checkImport(JSON.stringify(v3))
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    const section = checked.doc.plans[0]?.sections[1]
    const item = checked.doc.plans[0]?.items[2]
    expect(section?.fields.find((f) => f.id === 'tier')).toEqual({ id: 'tier', label: 'Tier', type: 'text' })
    // A choice no longer offered is added to the choices; a number under a text field becomes its text.
    expect(section?.fields.find((f) => f.id === 'impact')?.options).toEqual(['Low', 'Medium', 'High', 'Critical', 'Severe'])
    expect(item?.values).toMatchObject({ cost: '1250.5', impact: 'Severe' })
    expect(item?.notes).toBe('site: Leeds')
    // The same document in today's version is refused: only older versions are repaired.
    const today = checkImport(FIXTURE)
    if (!today.ok) throw new Error('fixture')
    const bad = structuredClone(today.doc) as unknown as { plans: { sections: { fields: Record<string, unknown>[] }[] }[] }
    bad.plans[0]?.sections[1]?.fields.push({ id: 'tier', label: 'Tier', type: 'select', options: [] })
    expect(problemsOf(JSON.stringify(bad)).join(' ')).toMatch(/a choice field needs at least one choice/)
  })

  it('exports a plan made here and reads it back the same', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const doc = await exportPlans({ planIds: [id] }, 'test')
    await db.delete()
    await db.open()
    const checked = checkImport(serializeDocument(doc))
    expect(checked.ok).toBe(true)
    if (checked.ok) await importDocument(checked.doc, 'replace')
    const again = await exportPlans({ planIds: [id] }, 'test')
    expect({ ...again, exportedAt: '' }).toEqual({ ...doc, exportedAt: '' })
  })

  it('leaves trashed plans out of "export all" unless asked', async () => {
    await importDocument(fixture(), 'replace')
    expect((await exportPlans({}, 'x')).plans.map((p) => p.title)).toEqual(['Business continuity plan — Harbour Bakery', 'Supplier review — Harbour Bakery'])
    expect((await exportPlans({}, 'x')).drills).toHaveLength(2)
    expect((await exportPlans({ includeTrash: true }, 'x')).plans).toHaveLength(3)
  })

  it('leaves drills in the trash out of "export all" unless asked, and brings them back to the trash', async () => {
    await importDocument(fixture(), 'replace')
    await trashDrill(DRILL_ID)
    expect((await exportPlans({}, 'x')).drills.map((d) => d.id)).toEqual([INCIDENT_ID])
    const withTrash = await exportPlans({ includeTrash: true }, 'x')
    expect(withTrash.drills[0]?.deletedAt).toEqual(expect.any(String))
    await db.drills.clear()
    const checked = checkImport(serializeDocument(withTrash))
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    await importDocument(checked.doc, 'replace')
    expect((await db.drills.get(DRILL_ID))?.deletedAt).toBe(withTrash.drills[0]?.deletedAt)
  })
})

describe('import preview and conflicts', () => {
  it('says which plans exist already, and replaces or copies them', async () => {
    const doc = fixture()
    expect(await previewImport(doc)).toMatchObject({ items: 6, drills: 2, scenarios: 1, templates: 1, conflicts: 0 })
    await importDocument(doc, 'replace')
    await db.items.update('9e8d7c6b-0000-4000-8000-000000000003', { notes: 'changed here' })
    const preview = await previewImport(doc)
    expect(preview.conflicts).toBe(7)
    expect(preview.plans[0]?.existing).toBe('Business continuity plan — Harbour Bakery')
    expect(preview.plans[0]?.newerHere).toBe(false)

    expect(await importDocument(doc, 'copy')).toEqual({ added: 0, replaced: 0, copied: 7 })
    expect(await db.drills.count()).toBe(4)
    expect(await db.drillEvents.count()).toBe(12)
    expect(await db.plans.count()).toBe(6)
    expect(await db.items.count()).toBe(12)
    expect((await db.items.get('9e8d7c6b-0000-4000-8000-000000000003'))?.notes).toBe('changed here')
    const copies = (await db.plans.toArray()).filter((p) => p.title.endsWith('(imported copy)'))
    expect(copies).toHaveLength(3)

    expect(await importDocument(doc, 'replace')).toEqual({ added: 0, replaced: 7, copied: 0 })
    // The drill and the incident replaced are in the trash with their whole logs: 3 entries each for them, the copies and the import.
    expect(await db.drillEvents.count()).toBe(18)
    const trashedDrill = (await db.drills.toArray()).find((d) => d.mode === 'drill' && d.title.endsWith('(before import)'))
    expect(trashedDrill?.deletedAt).toEqual(expect.any(String))
    expect(
      await db.drillEvents
        .where('drillId')
        .equals(trashedDrill?.id ?? '')
        .count(),
    ).toBe(3)
    // Scenarios and templates replaced are kept beside the imported ones.
    expect((await db.scenarios.toArray()).map((x) => x.title).sort()).toEqual([
      'Cloud provider down after a DDoS (our copy)',
      'Cloud provider down after a DDoS (our copy) (before import)',
      'Cloud provider down after a DDoS (our copy) (imported copy)',
    ])
    expect((await db.items.get('9e8d7c6b-0000-4000-8000-000000000003'))?.notes).toBe('')
    // The versions replaced are kept in the trash, edits and all.
    const kept = (await db.plans.toArray()).filter((p) => p.title.endsWith('(before import)'))
    expect(kept).toHaveLength(3)
    expect(kept.every((p) => p.deletedAt !== null)).toBe(true)
    const keptItems = await db.items
      .where('planId')
      .anyOf(kept.map((p) => p.id))
      .toArray()
    expect(keptItems.map((i) => i.notes)).toContain('changed here')
    expect(await db.plans.count()).toBe(9)
  })

  it('importing the same file as a copy again and again names each copy apart', async () => {
    const doc = fixture()
    await importDocument(doc, 'copy')
    for (let n = 0; n < 3; n++) await importDocument(doc, 'copy')
    const titles = (await db.plans.toArray()).map((p) => p.title).filter((t) => t.startsWith('Business continuity plan — Harbour Bakery'))
    expect(titles.sort()).toEqual([
      'Business continuity plan — Harbour Bakery',
      'Business continuity plan — Harbour Bakery (imported copy 2)',
      'Business continuity plan — Harbour Bakery (imported copy 3)',
      'Business continuity plan — Harbour Bakery (imported copy)',
    ])
  })

  it('importing an older backup with Replace keeps the newer log entries in the trash', async () => {
    const doc = fixture()
    await importDocument(doc, 'replace')
    await db.drillEvents.add({
      id: crypto.randomUUID(),
      drillId: DRILL_ID,
      at: 5_000_000,
      type: 'observation',
      text: 'Written after the backup',
      injectId: null,
      itemId: null,
      createdAt: '2026-11-01T10:00:00.000Z',
    })
    await importDocument(doc, 'replace')
    expect(await db.drillEvents.where('drillId').equals(DRILL_ID).count()).toBe(3)
    const kept = (await db.drills.toArray()).find((d) => d.id !== DRILL_ID && d.mode === 'drill')
    expect(kept?.deletedAt).toEqual(expect.any(String))
    expect(
      (
        await db.drillEvents
          .where('drillId')
          .equals(kept?.id ?? '')
          .toArray()
      ).map((e) => e.text),
    ).toContain('Written after the backup')
  })

  it('never overwrites a section or item of another plan that shares an id with the file', async () => {
    const doc = fixture()
    const other = await createPlanFromTemplate(makeTemplate())
    const mine = (await db.items.where('planId').equals(other).toArray())[0]
    const plan0 = doc.plans[0]
    if (!mine || !plan0) throw new Error('no rows')
    const clash = { ...doc, plans: [{ ...plan0, items: plan0.items.map((i, n) => (n === 0 ? { ...i, id: mine.id } : i)) }], drills: [] }
    await importDocument(clash, 'replace')
    expect(await db.items.get(mine.id)).toEqual(mine)
    const imported = await db.items.where('planId').equals(plan0.id).toArray()
    expect(imported.map((i) => i.text)).toContain(plan0.items[0]?.text)
    expect(imported.map((i) => i.id)).not.toContain(mine.id)
  })

  it('links the copies of one file to each other: drill to plan, steps, and tasks to their findings', async () => {
    const doc = fixture()
    await importDocument(doc, 'replace')
    await importDocument(doc, 'copy')
    const plan = (await db.plans.toArray()).find((p) => p.title === 'Business continuity plan — Harbour Bakery (imported copy)')
    const drill = (await db.drills.toArray()).find((d) => d.id !== DRILL_ID && d.id !== INCIDENT_ID && d.mode === 'drill')
    if (!plan || !drill) throw new Error('no copies')
    const items = await db.items.where('planId').equals(plan.id).toArray()
    const byText = new Map(items.map((i) => [i.text, i.id]))
    const original = new Map((await db.items.where('planId').equals('0b7f3c1e-5a41-4c1e-9d55-2f7b8e0c1a01').toArray()).map((i) => [i.id, i.text]))
    const copyOf = (id: string) => byText.get(original.get(id) ?? '')

    expect(drill.planIds).toEqual([plan.id])
    expect(drill.stepsUsed).toEqual([copyOf('9e8d7c6b-0000-4000-8000-000000000001')])
    const events = await db.drillEvents.where('drillId').equals(drill.id).toArray()
    expect(events.find((e) => e.itemId !== null)?.itemId).toBe(copyOf('9e8d7c6b-0000-4000-8000-000000000001'))
    // The task made from finding 42 points at the copied drill's finding, not the original's.
    const task = items.find((i) => i.source?.kind === 'drill-finding')
    const finding = events.find((e) => e.text === doc.drills[0]?.events.find((x) => x.id === FINDING_ID)?.text)
    expect(finding?.id).not.toBe(FINDING_ID)
    expect(task?.source?.id).toBe(finding?.id)
  })

  it('links a copied function to the copied supplier it needs', async () => {
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const cloud = (await db.items.where('planId').equals(sup).toArray()).find((i) => i.text === 'Cloud hosting provider')
    const orders = (await db.items.where('planId').equals(bcp).toArray()).find((i) => i.text === 'Take customer orders')
    if (!cloud || !orders) throw new Error('template changed')
    await setItemValue(orders.id, 'suppliers', [cloud.id])
    // The continuity plan comes first in the file, before the supplier it links to.
    const doc = await exportPlans({ planIds: [bcp, sup] }, '0.1.0')
    await importDocument(doc, 'copy')
    const plans = await db.plans.toArray()
    const supCopy = plans.find((p) => p.title === 'Suppliers (imported copy)')
    const bcpCopy = plans.find((p) => p.title === 'BCP (imported copy)')
    const cloudCopy = (
      await db.items
        .where('planId')
        .equals(supCopy?.id ?? '')
        .toArray()
    ).find((i) => i.text === 'Cloud hosting provider')
    const ordersCopy = (
      await db.items
        .where('planId')
        .equals(bcpCopy?.id ?? '')
        .toArray()
    ).find((i) => i.text === 'Take customer orders')
    expect(cloudCopy?.id).not.toBe(cloud.id)
    expect(ordersCopy?.values.suppliers).toEqual([cloudCopy?.id])
    // The originals are untouched.
    expect((await db.items.get(orders.id))?.values.suppliers).toEqual([cloud.id])
  })
})

describe('rejections, each with a message a person can act on', () => {
  it('rejects a file that is not JSON', () => {
    expect(problemsOf('{"format": "continuity-kit",')[0]).toMatch(/^This file is not JSON \(/)
  })

  it('rejects another format', () => {
    expect(problemsOf('{"format":"other-tool","version":1}')).toEqual([
      'This file is not a Continuity Kit export: its "format" is "other-tool", not "continuity-kit".',
    ])
    expect(problemsOf('[1,2]')).toEqual(['This file is not a Continuity Kit export: it is not a JSON object.'])
  })

  it('rejects a newer version and says which it needs', () => {
    const doc = { ...mutable(), version: 7 }
    expect(problemsOf(JSON.stringify(doc))).toEqual([
      'This file was written in format version 7 by a newer Continuity Kit; this app reads versions up to 5. Update the app (reload it while online) to import it.',
    ])
  })

  it('rejects a file over the size limit before reading it', () => {
    expect(checkImport('{}', MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, problems: ['The file is 256.0 MB; imports are limited to 256 MB.'], more: 0 })
  })

  it('names the path of a date that is not a date', () => {
    const doc = mutable()
    ;(doc.plans[0]?.items as Record<string, unknown>[])[1] = { ...(doc.plans[0]?.items as Record<string, unknown>[])[1], due: '31/02/2026' }
    expect(problemsOf(JSON.stringify(doc))).toEqual(['plans[0].items[1].due: "31/02/2026" is not a date (YYYY-MM-DD)'])
    ;(doc.plans[0]?.items as Record<string, unknown>[])[1] = { ...(doc.plans[0]?.items as Record<string, unknown>[])[1], due: '2026-02-31' }
    expect(problemsOf(JSON.stringify(doc))).toEqual(['plans[0].items[1].due: "2026-02-31" is not a date (YYYY-MM-DD)'])
  })

  it('rejects over-long strings and unknown statuses', () => {
    const doc = mutable()
    const items = doc.plans[0]?.items as Record<string, unknown>[]
    items[0] = { ...items[0], text: 'x'.repeat(501) }
    items[2] = { ...items[2], status: 'finished' }
    const problems = problemsOf(JSON.stringify(doc))
    expect(problems).toContain('plans[0].items[0].text: must be at most 500 characters')
    expect(problems).toContain('plans[0].items[2].status: "finished" is not one of "open", "done", "not-applicable", "blocked"')
  })

  it('rejects a log entry whose id is used twice', () => {
    const doc = mutable()
    const events = doc.drills[0]?.events ?? []
    if (events[2] && events[0]) events[2].id = events[0].id
    expect(problemsOf(JSON.stringify(doc))).toEqual([
      'drills[0].events[2].id: "e3b0c442-0000-4000-8000-000000000001" is used twice in this file (also at drills[0].events[0])',
    ])
  })

  it('rejects duplicate ids inside the file', () => {
    const doc = mutable()
    const items = doc.plans[0]?.items as Record<string, unknown>[]
    items[3] = { ...items[3], id: items[0]?.id }
    expect(problemsOf(JSON.stringify(doc))).toEqual([
      'plans[0].items[3].id: "9e8d7c6b-0000-4000-8000-000000000001" is used twice in this file (also at plans[0].items[0])',
    ])
  })

  it('rejects items pointing to missing sections, and values of fields the section lacks', () => {
    const doc = mutable()
    const items = doc.plans[0]?.items as Record<string, unknown>[]
    items[0] = { ...items[0], sectionId: 'nowhere' }
    items[2] = { ...items[2], values: { rto: 'four hours', colour: 'red' } }
    expect(problemsOf(JSON.stringify(doc))).toEqual([
      'plans[0].items[0].sectionId: "nowhere" is not a section of this plan',
      'plans[0].items[2].values.rto: RTO: "four hours" is text, not a number',
      'plans[0].items[2].values.colour: the section has no field "colour"',
    ])
  })

  it('rejects prototype keys and unknown fields', () => {
    const proto = FIXTURE.replace('"values": {}', '"values": {"__proto__": {"polluted": true}}')
    expect(problemsOf(proto)).toEqual(['plans[0].items[0].values: the key "__proto__" is not allowed'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const extra = FIXTURE.replace('"owner": "Ana Silva",', '"owner": "Ana Silva", "colour": "blue",')
    expect(problemsOf(extra)).toEqual(['plans[0]: unknown field "colour"'])
  })

  it('shows at most 20 problems and counts the rest', () => {
    const doc = mutable()
    doc.plans = Array.from({ length: 30 }, (_, i) => ({ ...doc.plans[1], id: `p${i}`, title: '' }))
    const result = checkImport(JSON.stringify(doc))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.problems).toHaveLength(20)
      expect(result.more).toBe(10)
      expect(result.problems[0]).toBe('plans[0].title: must not be empty')
    }
  })
})

describe('all or nothing', () => {
  it('a failure half-way through an import leaves the database exactly as it was', async () => {
    await createPlanFromTemplate(makeTemplate())
    const before = await snapshot()
    let written = 0
    const fault = () => {
      if (++written === 3) throw new Error('disk full')
    }
    db.items.hook('creating', fault)
    try {
      await expect(importDocument(fixture(), 'replace')).rejects.toThrow('disk full')
    } finally {
      db.items.hook('creating').unsubscribe(fault)
    }
    expect(await snapshot()).toBe(before)
  })
})

describe('format versions', () => {
  it('migrates an older document forward one step at a time', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, added: [] }),
    }
    expect(migrateDocument({ version: 1, old: 'x' }, 1, steps, 3)).toEqual({ version: 3, renamed: 'x', old: undefined, added: [] })
    expect(() => migrateDocument({ version: 1 }, 1, {}, 2)).toThrow('No migration from format version 1 to 2')
  })

  it('ships a JSON Schema generated from the import schemas', () => {
    const schema = exportJsonSchema() as { $id: string; required: string[]; properties: Record<string, { const?: unknown }> }
    expect(schema.$id).toBe('/schema/continuity-kit.v5.json')
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'version', 'exportedAt', 'plans', 'drills', 'scenarios', 'templates']))
    expect(schema.properties.format?.const).toBe('continuity-kit')
    expect(JSON.stringify(schema)).toContain('"pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"')
  })
})
