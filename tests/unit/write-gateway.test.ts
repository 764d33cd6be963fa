// The one write path: every write is checked against the row's schema (a bad one changes nothing)
// and stamped, including the writes that used to skip either.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { deleteItem, listItems, restoreDeleted, updateItem } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { addLogEntry, restoreLogEntry } from '../../src/db/drill-log-repository'
import { createDrill, restoreDrill, trashDrill } from '../../src/db/drill-repository'
import { applyChanges } from '../../src/db/gateway'
import { createPlanFromTemplate, markReviewed, restorePlan, trashPlan } from '../../src/db/plan-repository'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'
import { makeTemplate } from '../support/factories'

const at = (iso: string) => vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) })
afterEach(() => vi.useRealTimers())

describe('the write gateway', () => {
  it('stamps updatedAt when a plan goes to the trash and when it comes back', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    at('2026-12-01T09:00:00.000Z')
    await trashPlan(id)
    expect(await db.plans.get(id)).toMatchObject({ deletedAt: '2026-12-01T09:00:00.000Z', updatedAt: '2026-12-01T09:00:00.000Z' })
    at('2026-12-02T09:00:00.000Z')
    await restorePlan(id)
    expect(await db.plans.get(id)).toMatchObject({ deletedAt: null, updatedAt: '2026-12-02T09:00:00.000Z' })
  })

  it('refuses a reviewer name over the limit instead of cutting it, and changes nothing', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const before = await db.plans.get(id)
    await expect(markReviewed(id, 'x'.repeat(500))).rejects.toThrow(/reviewedBy: must be at most \d+ characters/)
    expect(await db.plans.get(id)).toEqual(before)
    await markReviewed(id, '  Ana Silva ')
    expect(await db.plans.get(id)).toMatchObject({ reviewedBy: 'Ana Silva' })
  })

  it('checks what an undo puts back: a damaged row is refused and nothing is written', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [item] = await listItems(id)
    if (!item) throw new Error('no item')
    const removed = await deleteItem(item.id)
    if (!removed) throw new Error('not deleted')
    await expect(restoreDeleted({ items: [{ ...removed, due: '2026-02-31' }] })).rejects.toThrow(/due: "2026-02-31" is not a date/)
    expect(await db.items.get(item.id)).toBeUndefined()
    await restoreDeleted({ items: [removed] })
    expect(await db.items.get(item.id)).toEqual(removed)
  })

  it('checks a log entry put back by Undo, and stamps a drill trashed and restored', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const drillId = await createDrill({ scenario: cloudDdosScenario, title: 'Cloud drill', planIds: [planId], facilitator: 'Sam', participants: [] })
    const entryId = await addLogEntry(drillId, { type: 'decision', text: 'Invoke the plan' })
    const entry = await db.drillEvents.get(entryId)
    if (!entry) throw new Error('no entry')
    await db.drillEvents.delete(entryId)
    await expect(restoreLogEntry({ ...entry, text: '   ' })).rejects.toThrow(/text: must not be empty/)
    expect(await db.drillEvents.get(entryId)).toBeUndefined()

    at('2026-12-03T10:00:00.000Z')
    await trashDrill(drillId)
    expect(await db.drills.get(drillId)).toMatchObject({ deletedAt: '2026-12-03T10:00:00.000Z', updatedAt: '2026-12-03T10:00:00.000Z' })
    at('2026-12-04T10:00:00.000Z')
    await restoreDrill(drillId)
    expect(await db.drills.get(drillId)).toMatchObject({ deletedAt: null, updatedAt: '2026-12-04T10:00:00.000Z' })
  })

  it('writes only the fields an edit changes, so a change another tab made meanwhile stays', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [item] = await listItems(id)
    if (!item) throw new Error('no item')
    const update = vi.spyOn(db.items, 'update')
    await updateItem(item.id, { owner: 'Kim' })
    expect(update).toHaveBeenCalledTimes(1)
    expect(Object.keys(update.mock.calls[0]?.[1] ?? {}).sort()).toEqual(['owner', 'updatedAt'])
  })

  it('applies key paths to a copy, leaving the row read untouched', () => {
    const row = Object.freeze({ id: 'a', values: Object.freeze({ rto: 60, impact: 'High' }) })
    expect(applyChanges(row, { 'values.rto': 120 })).toEqual({ id: 'a', values: { rto: 120, impact: 'High' } })
    expect(applyChanges(row, { 'values.impact': undefined })).toEqual({ id: 'a', values: { rto: 60 } })
    expect(row.values.rto).toBe(60)
  })
})
