// Items and sections deleted while shared come back from the trash as they were.
import { beforeEach, describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { restoreRemoved } from '../../src/db/sync/removed-rows'
import { syncBook } from '../../src/db/sync/sync-book'
import * as writes from '../../src/db/writes'
import { makeItemRow, makePlanRow, makeSectionRow } from '../support/factories'

const keep = (key: string, row: { id: string; planId: string }) =>
  syncBook.removed.put({ key, planId: row.planId, row: row as unknown as { id: string }, removedAt: '2026-11-29T12:00:00.000Z', where: 'elsewhere' })

beforeEach(async () => {
  await Promise.all(syncBook.tables.map((t) => t.clear()))
})

describe('putting back what was deleted while shared', () => {
  it('a section comes back with the items deleted with it, exactly as they were', async () => {
    const plan = await writes.plans.add(makePlanRow({ id: 'p1' }))
    const section = makeSectionRow({ id: 's1', planId: plan.id, title: 'Contact tree' })
    const items = [
      makeItemRow({ id: 'i1', planId: plan.id, sectionId: 's1', text: 'Call Priya', notes: 'Mobile first' }),
      makeItemRow({ id: 'i2', planId: plan.id, sectionId: 's1', text: 'Call the landlord' }),
    ]
    await keep('sections:s1', section)
    for (const item of items) await keep(`items:${item.id}`, item)
    await restoreRemoved('sections:s1')
    expect(await db.sections.get('s1')).toEqual(section)
    expect(await db.items.bulkGet(['i1', 'i2'])).toEqual(items)
    expect(await syncBook.removed.count()).toBe(0)
  })

  it('an item whose section went too brings the section back first', async () => {
    await writes.plans.add(makePlanRow({ id: 'p1' }))
    const section = makeSectionRow({ id: 's1', planId: 'p1' })
    const item = makeItemRow({ id: 'i1', planId: 'p1', sectionId: 's1', text: 'Check the backups' })
    await keep('sections:s1', section)
    await keep('items:i1', item)
    await restoreRemoved('items:i1')
    expect(await db.items.get('i1')).toEqual(item)
    expect(await db.sections.get('s1')).toEqual(section)
  })

  it('says so, and changes nothing, when the plan has been removed for good or the row is no longer kept', async () => {
    await keep('items:i1', makeItemRow({ id: 'i1', planId: 'gone', sectionId: 's1' }))
    await expect(restoreRemoved('items:i1')).rejects.toThrow('Its plan has been removed for good')
    expect(await db.items.count()).toBe(0)
    expect(await syncBook.removed.count()).toBe(1)
    await expect(restoreRemoved('items:nope')).rejects.toThrow('already put back')
  })
})
