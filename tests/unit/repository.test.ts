// Repository functions on the real Dexie over fake-indexeddb.
import { compareOrder } from '../../src/domain/order'
import { describe, expect, it } from 'vitest'
import {
  addField,
  addItem,
  addSection,
  deleteItem,
  removeField,
  toggleLink,
  deleteSection,
  listItems,
  listSections,
  moveItem,
  moveSection,
  restoreDeleted,
  setItemValue,
  updateItem,
  updateSection,
} from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { getPlan, listPlans, listPlanSummaries, listTrash } from '../../src/db/plan-queries'
import { createPlanFromTemplate, duplicatePlan, markReviewed, purgePlan, restorePlan, trashPlan, updatePlan } from '../../src/db/plan-repository'
import { ValidationError } from '../../src/domain/validation-error'
import { exportPlans } from '../../src/db/exchange-repository'
import { serializeDocument } from '../../src/domain/export-format'
import { checkImport } from '../../src/domain/import-check'
import { makeTemplate } from '../support/factories'

/** The items of the plan's first section, in order. */
async function firstSectionItems(planId: string) {
  const [section] = await listSections(planId)
  return (await listItems(planId)).filter((i) => i.sectionId === section?.id)
}

async function snapshot() {
  return JSON.stringify({ plans: await db.plans.toArray(), sections: await db.sections.toArray(), items: await db.items.toArray() })
}

describe('plans', () => {
  it('creates an editable copy of a template', async () => {
    const id = await createPlanFromTemplate(makeTemplate(), { title: 'Our plan' })
    const plan = await getPlan(id)
    expect(plan).toMatchObject({ title: 'Our plan', kind: 'continuity', templateId: 'test-template', templateVersion: 1, reviewEveryDays: 90, deletedAt: null })
    const sections = await listSections(id)
    expect(sections.map((s) => s.title)).toEqual(['Preparation', 'Business impact analysis'])
    expect(sections[1]?.fields.map((f) => f.id)).toEqual(['rto', 'impact'])
    const items = await listItems(id)
    expect(items).toHaveLength(4)
    expect(items.find((i) => i.text === 'Take orders')?.values).toEqual({ rto: 240, impact: 'High' })
  })

  it('counts progress per plan from the status index', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [first, second, third] = await firstSectionItems(id)
    await updateItem(first?.id ?? '', { status: 'done' })
    await updateItem(second?.id ?? '', { status: 'not-applicable' })
    await updateItem(third?.id ?? '', { status: 'blocked' })
    const [summary] = await listPlanSummaries()
    expect(summary?.progress).toEqual({ done: 1, applicable: 3, blocked: 1, total: 4 })
  })

  it('rejects an empty or over-long title and changes nothing', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const before = await snapshot()
    await expect(updatePlan(id, { title: '   ' })).rejects.toThrow('title: must not be empty')
    await expect(updatePlan(id, { title: 'x'.repeat(201) })).rejects.toThrow('title: must be at most 200 characters')
    await expect(updatePlan(id, { reviewEveryDays: 0 })).rejects.toThrow('reviewEveryDays: must be at least 1 day')
    expect(await snapshot()).toBe(before)
  })

  it('records who reviewed and when', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    await markReviewed(id, '  Ana Silva ')
    const plan = await getPlan(id)
    expect(plan?.reviewedBy).toBe('Ana Silva')
    expect(Date.now() - Date.parse(plan?.reviewedAt ?? '')).toBeLessThan(5000)
  })

  it('duplicates a plan with new ids and the same content', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [item] = await listItems(id)
    await updateItem(item?.id ?? '', { notes: 'kept', status: 'done' })
    const copyId = await duplicatePlan(id)
    expect(copyId).not.toBe(id)
    expect((await getPlan(copyId))?.title).toBe('Test continuity plan (copy)')
    const copyItems = await listItems(copyId)
    expect(copyItems).toHaveLength(4)
    expect(copyItems.some((i) => i.id === item?.id)).toBe(false)
    expect(copyItems.find((i) => i.text === item?.text)?.notes).toBe('kept')
    const copySections = await listSections(copyId)
    expect(new Set(copyItems.map((i) => i.sectionId))).toEqual(new Set(copySections.map((s) => s.id)))
  })

  it('moves a deleted plan to the trash, restores it, and removes it for good only from the trash', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    await expect(purgePlan(id)).rejects.toThrow('Only a plan in the trash')
    await trashPlan(id)
    expect(await listPlans()).toHaveLength(0)
    expect((await listTrash()).map((p) => p.id)).toEqual([id])
    await restorePlan(id)
    expect((await listPlans()).map((p) => p.id)).toEqual([id])
    await trashPlan(id)
    await purgePlan(id)
    expect(await db.plans.count()).toBe(0)
    expect(await db.items.count()).toBe(0)
    expect(await db.sections.count()).toBe(0)
  })
})

describe('sections and items', () => {
  it('adds, edits and deletes items, with undo', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [section] = await listSections(planId)
    const itemId = await addItem(section?.id ?? '', 'Test the call tree')
    await updateItem(itemId, { owner: 'Sam', due: '2027-01-15', notes: 'Quarterly', evidence: 'Log in drive' })
    let item = (await listItems(planId)).find((i) => i.id === itemId)
    expect(item).toMatchObject({ text: 'Test the call tree', owner: 'Sam', due: '2027-01-15', status: 'open' })
    await updateItem(itemId, { status: 'done' })
    item = await db.items.get(itemId)
    expect(item?.doneAt).not.toBeNull()
    await updateItem(itemId, { status: 'open' })
    expect((await db.items.get(itemId))?.doneAt).toBeNull()
    const removed = await deleteItem(itemId)
    expect(await db.items.get(itemId)).toBeUndefined()
    await restoreDeleted({ items: removed ? [removed] : [] })
    expect((await db.items.get(itemId))?.owner).toBe('Sam')
  })

  it('rejects a due date that is not a date, and over-long text, leaving the item as it was', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [item] = await listItems(planId)
    const before = await snapshot()
    await expect(updateItem(item?.id ?? '', { due: '2026-02-31' })).rejects.toThrow('due: "2026-02-31" is not a date (YYYY-MM-DD)')
    await expect(updateItem(item?.id ?? '', { text: 'x'.repeat(501) })).rejects.toThrow('text: must be at most 500 characters')
    await expect(updateItem(item?.id ?? '', { status: 'finished' as never })).rejects.toThrow(ValidationError)
    expect(await snapshot()).toBe(before)
  })

  it('checks typed field values against the section field', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const bia = (await listItems(planId)).find((i) => i.text === 'Take orders')
    await setItemValue(bia?.id ?? '', 'rto', 120)
    expect((await db.items.get(bia?.id ?? ''))?.values).toEqual({ rto: 120, impact: 'High' })
    await expect(setItemValue(bia?.id ?? '', 'impact', 'Medium')).rejects.toThrow('Impact: "Medium" is not one of Low, High')
    await expect(setItemValue(bia?.id ?? '', 'nope', 'x')).rejects.toThrow('not part of this section')
  })

  it('moves an item by rewriting only that item', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [first, second, third] = await firstSectionItems(planId)
    const before = new Map((await db.items.toArray()).map((i) => [i.id, i.order]))
    await moveItem(third?.id ?? '', -1)
    const after = await db.items.toArray()
    const changed = after.filter((i) => before.get(i.id) !== i.order)
    expect(changed.map((i) => i.id)).toEqual([third?.id])
    const section = (await firstSectionItems(planId)).map((i) => i.text)
    expect(section).toEqual([first?.text, third?.text, second?.text])
    await moveItem(first?.id ?? '', -1) // already first: nothing happens
    expect((await firstSectionItems(planId))[0]?.id).toBe(first?.id)
  })

  it('keeps moving correctly when keys run out of room', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [, second, third] = await firstSectionItems(planId)
    // Bouncing two rows many times halves the gap each time until it must renumber.
    for (let n = 0; n < 80; n++) {
      await moveItem(third?.id ?? '', -1)
      await moveItem(second?.id ?? '', -1)
    }
    const orders = (await firstSectionItems(planId)).map((i) => i.order)
    expect(new Set(orders).size).toBe(orders.length)
    expect([...orders].sort(compareOrder)).toEqual(orders)
  })

  it('adds, renames, moves and deletes sections, with undo', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const id = await addSection(planId, 'Communications')
    await updateSection(id, { title: 'Customer communications', fields: [{ id: 'channel', label: 'Channel', type: 'text' }] })
    await moveSection(id, -1)
    expect((await listSections(planId)).map((s) => s.title)).toEqual(['Preparation', 'Customer communications', 'Business impact analysis'])
    await expect(
      updateSection(id, {
        fields: [
          { id: 'a', label: 'A', type: 'text' },
          { id: 'a', label: 'B', type: 'text' },
        ],
      }),
    ).rejects.toThrow('two fields share one id')
    const [prep] = await listSections(planId)
    const removed = await deleteSection(prep?.id ?? '')
    expect(removed?.items).toHaveLength(3)
    expect(
      await db.items
        .where('sectionId')
        .equals(prep?.id ?? '')
        .count(),
    ).toBe(0)
    if (removed) await restoreDeleted(removed)
    expect(await listItems(planId)).toHaveLength(4)
  })

  it('removing a field removes its values, so the plan still exports and imports', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const bia = (await listSections(planId))[1]
    const item = (await listItems(planId)).find((i) => i.text === 'Take orders')
    await removeField(bia?.id ?? '', 'impact')
    expect((await db.items.get(item?.id ?? ''))?.values).toEqual({ rto: 240 })
    // A new field of the same name starts empty instead of inheriting text as a number.
    await addField(bia?.id ?? '', { id: 'impact', label: 'Impact', type: 'number' })
    expect((await db.items.get(item?.id ?? ''))?.values).toEqual({ rto: 240 })
    const doc = await exportPlans({ planIds: [planId] }, 'test')
    expect(checkImport(serializeDocument(doc)).ok).toBe(true)
  })

  it('refuses a choice field without choices and a field id with a dot', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [section] = await listSections(planId)
    await expect(addField(section?.id ?? '', { id: 'kind', label: 'Kind', type: 'select', options: [] })).rejects.toThrow(
      'a choice field needs at least one choice',
    )
    await expect(addField(section?.id ?? '', { id: 'a.b', label: 'AB', type: 'text' })).rejects.toThrow('is not a field id')
  })

  it('toggles links one at a time, so quick clicks and other tabs do not undo each other', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [section] = await listSections(planId)
    await addField(section?.id ?? '', { id: 'needs', label: 'Needs', type: 'links', linksTo: 'function' })
    const [a, b, c] = await firstSectionItems(planId)
    await Promise.all([toggleLink(a?.id ?? '', 'needs', b?.id ?? '', true), toggleLink(a?.id ?? '', 'needs', c?.id ?? '', true)])
    expect([...((await db.items.get(a?.id ?? ''))?.values.needs as string[])].sort()).toEqual([b?.id, c?.id].sort())
    await toggleLink(a?.id ?? '', 'needs', b?.id ?? '', false)
    expect((await db.items.get(a?.id ?? ''))?.values.needs).toEqual([c?.id])
  })

  it('a duplicate links its own items to each other, not back to the original', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const [section] = await listSections(planId)
    await addField(section?.id ?? '', { id: 'needs', label: 'Needs', type: 'links', linksTo: 'function' })
    const [a, b] = await firstSectionItems(planId)
    await toggleLink(a?.id ?? '', 'needs', b?.id ?? '', true)
    const copyId = await duplicatePlan(planId)
    const [copyA, copyB] = await firstSectionItems(copyId)
    expect(copyA?.values.needs).toEqual([copyB?.id])
    expect(copyB?.id).not.toBe(b?.id)
  })
})
