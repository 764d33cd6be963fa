import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { createPlanFromTemplate, readPlanRows } from '../../src/db/plan-repository'
import { setItemValue } from '../../src/db/checklist-repository'
import { bulkPutTemplates, deleteTemplate, listTemplates, putTemplate, renameTemplate, saveTemplateFromPlan } from '../../src/db/template-repository'
import { planFromTemplate } from '../../src/domain/plan-factory'
import { renamedTemplate, templateFromPlan } from '../../src/domain/template-from-plan'
import { asPlanTemplate, userTemplateSchema } from '../../src/domain/user-template'
import { ValidationError } from '../../src/domain/validation-error'
import { continuityTemplate } from '../../src/templates/continuity'
import { makeTemplate } from '../support/factories'

let n = 0
const ctx = () => ({ newId: () => `id-${++n}`, now: '2026-02-01T10:00:00.000Z' })

describe('save as template (pure)', () => {
  it('keeps structure, guidance and fields, and drops the values unless asked', () => {
    const rows = planFromTemplate(continuityTemplate, ctx())
    const t = templateFromPlan(rows, { title: 'Our BCP shape', keepValues: false }, ctx())
    expect(userTemplateSchema.safeParse(t).success).toBe(true)
    expect(t).toMatchObject({ title: 'Our BCP shape', kind: 'continuity', version: 1, reviewEveryDays: 365, description: rows.plan.description })
    expect(t.id).toMatch(/^user-/)
    expect(t.sections.map((s) => s.title)).toEqual(continuityTemplate.sections.map((s) => s.title))
    const bia = t.sections[1]
    expect(bia?.fields?.map((f) => f.id)).toEqual(continuityTemplate.sections[1]?.fields?.map((f) => f.id))
    expect(bia?.items[0]).toEqual({ text: 'Take customer orders', guidance: continuityTemplate.sections[1]?.items[0]?.guidance })
  })

  it('keeps the values when asked, but never links, which point at rows of this device', () => {
    const rows = planFromTemplate(continuityTemplate, ctx())
    const orders = rows.items.find((i) => i.text === 'Take customer orders')
    if (!orders) throw new Error('missing')
    orders.values.suppliers = ['some-supplier']
    orders.values.gone = 'a value of a field removed since'
    const t = templateFromPlan(rows, { title: '', keepValues: true }, ctx())
    expect(t.title).toBe(rows.plan.title)
    const values = t.sections[1]?.items[0]?.values
    expect(values).toMatchObject({ impact: 'Critical', rto: 240 })
    expect(values).not.toHaveProperty('suppliers')
    expect(values).not.toHaveProperty('gone')
  })

  it('makes plans like the original', () => {
    const rows = planFromTemplate(continuityTemplate, ctx())
    const t = templateFromPlan(rows, { title: 'Copy', keepValues: true }, ctx())
    const again = planFromTemplate(asPlanTemplate(t), ctx())
    // Both lists are in section order, then item order.
    expect(again.items.map((i) => i.text)).toEqual(rows.items.map((i) => i.text))
    expect(again.items.map((i) => i.values)).toEqual(rows.items.map((i) => i.values))
    expect(again.sections.map((s) => s.fields.length)).toEqual(rows.sections.map((s) => s.fields.length))
    expect(again.plan.templateId).toBe(t.id)
  })

  it('bumps the version on rename', () => {
    const t = templateFromPlan(planFromTemplate(continuityTemplate, ctx()), { title: 'A', keepValues: false }, ctx())
    expect(renamedTemplate(t, '  B ', '2026-03-01T00:00:00.000Z')).toMatchObject({
      title: 'B',
      version: 2,
      updatedAt: '2026-03-01T00:00:00.000Z',
      createdAt: t.createdAt,
    })
  })
})

describe('template repository', () => {
  it('saves from a plan, renames, deletes and puts back', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const rows = await readPlanRows(planId)
    const take = rows?.items.find((i) => i.text === 'Take orders')
    if (!take) throw new Error('missing')
    await setItemValue(take.id, 'rto', 30)
    const id = await saveTemplateFromPlan(planId, { title: 'Small plan', keepValues: true })
    const [saved] = await listTemplates()
    expect(saved).toMatchObject({ id, title: 'Small plan', version: 1 })
    expect(saved?.sections[1]?.items[0]?.values).toEqual({ rto: 30, impact: 'High' })

    await renameTemplate(id, 'Renamed')
    expect(await db.templates.get(id)).toMatchObject({ title: 'Renamed', version: 2 })
    await expect(renameTemplate(id, '   ')).rejects.toBeInstanceOf(ValidationError)

    const removed = await deleteTemplate(id)
    expect(await listTemplates()).toEqual([])
    if (!removed) throw new Error('nothing removed')
    await putTemplate(removed)
    expect((await listTemplates()).map((t) => t.title)).toEqual(['Renamed'])
  })

  it('refuses to save a plan that is gone', async () => {
    await expect(saveTemplateFromPlan('nope', { title: 'x', keepValues: false })).rejects.toBeInstanceOf(ValidationError)
  })

  it('puts many templates in one go, or none when one is invalid', async () => {
    const planId = await createPlanFromTemplate(makeTemplate())
    const rows = await readPlanRows(planId)
    if (!rows) throw new Error('missing')
    const a = templateFromPlan(rows, { title: 'A', keepValues: false }, ctx())
    const b = templateFromPlan(rows, { title: 'B', keepValues: false }, ctx())
    expect(await bulkPutTemplates([a, b])).toEqual({ added: 2, replaced: 0 })
    expect(await bulkPutTemplates([{ ...a, title: 'A2' }])).toEqual({ added: 0, replaced: 1 })
    await expect(
      bulkPutTemplates([
        { ...b, title: 'B2' },
        { ...a, title: '' },
      ]),
    ).rejects.toBeInstanceOf(ValidationError)
    expect((await listTemplates()).map((t) => t.title)).toEqual(['A2', 'B'])
  })
})
