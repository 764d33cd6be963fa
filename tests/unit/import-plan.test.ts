// The import plan, without a database: which rows keep their ids, which get new ones, what the
// copies are called and what goes to the trash.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { drillRowsOf, planRowsOf, type ExportDocument } from '../../src/domain/export-format'
import { checkImport } from '../../src/domain/import-check'
import { EMPTY_DEVICE, isAppId, planImport, type DeviceRows } from '../../src/domain/import-plan'

const FIXTURE = readFileSync(path.join(__dirname, '../fixtures/export-v4.continuity.json'), 'utf8')
const NOW = '2026-11-29T12:00:00.000Z'

function fixture(): ExportDocument {
  const checked = checkImport(FIXTURE)
  if (!checked.ok) throw new Error(checked.problems.join('\n'))
  return checked.doc
}

/** Ids a test can recognise: 00000000-0000-4000-8000-00000000000n. */
function counter() {
  let n = 0
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`
}

/** The device after the fixture was imported into an empty database. */
function deviceWithFixture(doc: ExportDocument, titles: Partial<DeviceRows['titles']> = {}): DeviceRows {
  const plans = doc.plans.map(planRowsOf)
  const drills = doc.drills.map(drillRowsOf)
  return {
    plans: new Map(plans.map((b) => [b.plan.id, b])),
    drills: new Map(drills.map((b) => [b.drill.id, b])),
    scenarios: new Map(doc.scenarios.map((s) => [s.id, s])),
    templates: new Map(doc.templates.map((t) => [t.id, t])),
    sectionOwners: new Map(plans.flatMap((b) => b.sections.map((s) => [s.id, s.planId] as const))),
    itemOwners: new Map(plans.flatMap((b) => b.items.map((i) => [i.id, i.planId] as const))),
    eventOwners: new Map(drills.flatMap((b) => b.events.map((e) => [e.id, e.drillId] as const))),
    titles: {
      plans: new Set(plans.map((b) => b.plan.title)),
      drills: new Set(drills.map((b) => b.drill.title)),
      scenarios: new Set(doc.scenarios.map((s) => s.title)),
      templates: new Set(doc.templates.map((t) => t.title)),
      ...titles,
    },
  }
}

describe('import plan', () => {
  it('adds everything as it is into an empty device', () => {
    const doc = fixture()
    const plan = planImport(doc, EMPTY_DEVICE, 'copy', { newId: counter(), now: NOW })
    expect(plan.result).toEqual({ added: 5, replaced: 0, copied: 0 })
    expect(plan.remove).toEqual({ plans: [], sections: [], items: [], drills: [], events: [], scenarios: [], templates: [] })
    expect(plan.add.plans.map((p) => p.id)).toEqual(doc.plans.map((p) => p.id))
    expect(plan.add.items.map((i) => i.id)).toEqual(doc.plans.flatMap((p) => p.items.map((i) => i.id)))
    expect(plan.add.events.map((e) => e.drillId)).toEqual(doc.drills[0]?.events.map(() => doc.drills[0]?.id))
  })

  it('copies what is already here under new ids, with numbered copy names, linked to each other', () => {
    const doc = fixture()
    const here = deviceWithFixture(doc, {
      plans: new Set(['Business continuity plan — Harbour Bakery', 'Business continuity plan — Harbour Bakery (imported copy)']),
    })
    const plan = planImport(doc, here, 'copy', { newId: counter(), now: NOW })
    expect(plan.result).toEqual({ added: 0, replaced: 0, copied: 5 })
    expect(plan.remove.plans).toEqual([])
    expect(plan.add.plans.map((p) => p.title)).toEqual([
      'Business continuity plan — Harbour Bakery (imported copy 2)',
      'Old office move checklist (imported copy)',
    ])
    const ids = [...plan.add.plans, ...plan.add.sections, ...plan.add.items, ...plan.add.drills, ...plan.add.events, ...plan.add.scenarios].map((r) => r.id)
    expect(ids.every((id) => id.startsWith('00000000-'))).toBe(true)
    expect(plan.add.templates[0]?.id).toMatch(/^user-00000000-/)
    // The copied drill points at the copied plan and step; the task at the copied finding.
    const [bcp] = plan.add.plans
    const drill = plan.add.drills[0]
    expect(drill?.planIds).toEqual([bcp?.id])
    const firstItem = plan.add.items.find((i) => i.text === 'List who may invoke the plan')
    expect(drill?.stepsUsed).toEqual([firstItem?.id])
    const task = plan.add.items.find((i) => i.source?.kind === 'drill-finding')
    expect(plan.add.events.map((e) => e.id)).toContain(task?.source?.id)
    expect(plan.add.items.every((i) => plan.add.sections.some((s) => s.id === i.sectionId && s.planId === i.planId))).toBe(true)
  })

  it('names every copy of the same file apart, import after import, and numbers a copy of a copy', () => {
    const doc = fixture()
    const bcp = 'Business continuity plan — Harbour Bakery'
    const titles = new Set(doc.plans.map((p) => p.title))
    const named: string[] = []
    for (let round = 0; round < 3; round++) {
      const plan = planImport(doc, deviceWithFixture(doc, { plans: new Set(titles) }), 'copy', { newId: counter(), now: NOW })
      const copy = plan.add.plans.find((p) => p.title.startsWith(bcp))
      named.push(copy?.title ?? '')
      plan.add.plans.forEach((p) => titles.add(p.title))
    }
    expect(named).toEqual([`${bcp} (imported copy)`, `${bcp} (imported copy 2)`, `${bcp} (imported copy 3)`])

    // A file holding a copy (exported from here and imported again) gets the next number, not a second suffix.
    const [first, ...rest] = doc.plans
    if (!first) throw new Error('fixture changed')
    const ofCopy: ExportDocument = { ...doc, plans: [{ ...first, title: `${bcp} (imported copy)` }, ...rest] }
    const again = planImport(ofCopy, deviceWithFixture(ofCopy, { plans: new Set([bcp, `${bcp} (imported copy)`]) }), 'copy', { newId: counter(), now: NOW })
    expect(again.add.plans[0]?.title).toBe(`${bcp} (imported copy 2)`)
  })

  it('a copied drill follows the copied plan items its expected steps were matched to', () => {
    const doc = fixture()
    const [drill] = doc.drills
    const item = doc.plans[0]?.items[0]
    if (!drill || !item) throw new Error('fixture changed')
    const matched: ExportDocument = {
      ...doc,
      drills: [
        {
          ...drill,
          stepMatches: [
            { injectId: 'cloud-ddos-1', step: 0, itemId: item.id },
            { injectId: 'cloud-ddos-1', step: 1, itemId: null },
          ],
        },
      ],
    }
    const plan = planImport(matched, deviceWithFixture(matched), 'copy', { newId: counter(), now: NOW })
    const copiedItem = plan.add.items.find((i) => i.text === item.text)
    expect(copiedItem?.id).not.toBe(item.id)
    expect(plan.add.drills[0]?.stepMatches).toEqual([
      { injectId: 'cloud-ddos-1', step: 0, itemId: copiedItem?.id },
      { injectId: 'cloud-ddos-1', step: 1, itemId: null },
    ])
  })

  it('numbers the versions kept by a second replace, so the trash tells them apart', () => {
    const doc = fixture()
    const drill = doc.drills[0]
    if (!drill) throw new Error('fixture changed')
    const here = deviceWithFixture(doc, { drills: new Set([drill.title, `${drill.title} (before import)`]) })
    const plan = planImport(doc, here, 'replace', { newId: counter(), now: NOW })
    expect(plan.add.drills.map((d) => d.title)).toEqual([`${drill.title} (before import 2)`, drill.title])
  })

  it('replacing moves the plan and the drill replaced to the trash whole, under new ids', () => {
    const doc = fixture()
    const here = deviceWithFixture(doc)
    const plan = planImport(doc, here, 'replace', { newId: counter(), now: NOW })
    expect(plan.result).toEqual({ added: 0, replaced: 5, copied: 0 })
    const drill = doc.drills[0]
    if (!drill) throw new Error('fixture changed')
    expect(plan.remove.drills).toEqual([drill.id])
    expect(plan.remove.events).toEqual(drill.events.map((e) => e.id))
    const kept = plan.add.drills.find((d) => d.title === `${drill.title} (before import)`)
    expect(kept?.deletedAt).toBe(NOW)
    expect(
      plan.add.events
        .filter((e) => e.drillId === kept?.id)
        .map((e) => e.text)
        .sort(),
    ).toEqual(drill.events.map((e) => e.text).sort())
    // The imported ones take the ids back.
    expect(plan.add.drills.map((d) => d.id)).toContain(drill.id)
    expect(plan.add.plans.filter((p) => p.title.endsWith('(before import)')).map((p) => p.deletedAt)).toEqual([NOW, '2026-04-01T12:00:00.000Z'])
    expect(plan.add.scenarios.map((s) => s.title)).toEqual([
      'Cloud provider down after a DDoS (our copy) (before import)',
      'Cloud provider down after a DDoS (our copy)',
    ])
    // Nothing added lands on an id that stays in use.
    const removed = new Set(Object.values(plan.remove).flat())
    for (const id of [...plan.add.sections, ...plan.add.items].map((r) => r.id))
      expect((!here.sectionOwners.has(id) && !here.itemOwners.has(id)) || removed.has(id)).toBe(true)
  })

  it('gives new ids to sections, items and log entries whose ids another plan or drill uses here', () => {
    const doc = fixture()
    const item = doc.plans[0]?.items[0]
    const section = doc.plans[0]?.sections[0]
    const event = doc.drills[0]?.events[0]
    if (!item || !section || !event) throw new Error('fixture changed')
    const here: DeviceRows = {
      ...EMPTY_DEVICE,
      sectionOwners: new Map([[section.id, 'another-plan']]),
      itemOwners: new Map([[item.id, 'another-plan']]),
      eventOwners: new Map([[event.id, 'another-drill']]),
    }
    const plan = planImport(doc, here, 'replace', { newId: counter(), now: NOW })
    expect(plan.result).toEqual({ added: 5, replaced: 0, copied: 0 })
    expect(plan.remove.items).toEqual([])
    const ids = new Set([...plan.add.sections, ...plan.add.items, ...plan.add.events].map((r) => r.id))
    expect(ids.has(item.id) || ids.has(section.id) || ids.has(event.id)).toBe(false)
    // The rows that pointed at them follow.
    const moved = plan.add.items.find((i) => i.text === item.text)
    expect(plan.add.drills[0]?.stepsUsed).toEqual([moved?.id])
    expect(plan.add.sections.map((s) => s.id)).toContain(moved?.sectionId)
  })

  it('replaces ids the app would never make with fresh UUIDs, and relinks', () => {
    const doc = fixture()
    const [plan0] = doc.plans
    const [drill0] = doc.drills
    if (!plan0 || !drill0) throw new Error('fixture changed')
    const hostile: ExportDocument = {
      ...doc,
      plans: [{ ...plan0, id: '../../settings' }, ...doc.plans.slice(1)],
      drills: [{ ...drill0, id: '../../settings/report', planIds: ['../../settings'] }],
    }
    const plan = planImport(hostile, EMPTY_DEVICE, 'copy', { newId: () => crypto.randomUUID(), now: NOW })
    expect([...plan.add.plans, ...plan.add.drills, ...plan.add.sections, ...plan.add.items, ...plan.add.events].every((r) => isAppId(r.id))).toBe(true)
    expect(plan.add.drills[0]?.planIds).toEqual([plan.add.plans[0]?.id])
    expect(plan.add.items.filter((i) => i.text !== 'Old').every((i) => plan.add.plans.some((p) => p.id === i.planId))).toBe(true)
    expect(plan.add.plans[0]?.title).toBe(plan0.title)
  })
})
