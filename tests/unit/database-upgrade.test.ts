// Every database version opens data written by the one before it, without losing a row.
import { Dexie } from 'dexie'
import { describe, expect, it } from 'vitest'
import { ContinuityDb, SCHEMA_V1 } from '../../src/db/database'
import { planFromTemplate } from '../../src/domain/plan-factory'
import { makeTemplate } from '../support/factories'

describe('database upgrades', () => {
  it('v1 -> v2 keeps plans, sections, items and settings, and indexes item sources', async () => {
    const name = `upgrade-${crypto.randomUUID()}`
    const v1 = new Dexie(name)
    v1.version(1).stores(SCHEMA_V1)
    let n = 0
    const rows = planFromTemplate(makeTemplate(), { newId: () => `id-${++n}`, now: '2026-11-01T10:00:00.000Z' })
    const first = rows.items[0]
    if (first) first.source = { kind: 'drill-finding', id: 'finding-1', label: 'Tabletop' }
    await v1.table('plans').add(rows.plan)
    await v1.table('sections').bulkAdd(rows.sections)
    await v1.table('items').bulkAdd(rows.items)
    await v1.table('settings').put({ key: 'userName', value: 'Ana' })
    v1.close()

    const v2 = new ContinuityDb(name)
    await v2.open()
    expect(v2.verno).toBe(2)
    expect(await v2.plans.toArray()).toEqual([rows.plan])
    expect(await v2.sections.orderBy('id').toArray()).toEqual([...rows.sections].sort((a, b) => a.id.localeCompare(b.id)))
    expect(await v2.items.count()).toBe(rows.items.length)
    expect((await v2.settings.get('userName'))?.value).toBe('Ana')
    expect((await v2.items.where('source.id').equals('finding-1').toArray()).map((i) => i.id)).toEqual([first?.id])
    expect(await v2.drills.count()).toBe(0)
    v2.close()
    await Dexie.delete(name)
  })
})
