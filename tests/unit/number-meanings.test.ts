// Numbers the kit reads mean something: a supplier's review interval is a whole number of days from 1.
import { describe, expect, it } from 'vitest'
import { setItemValue } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { parseFieldInput } from '../../src/domain/fields'
import type { FieldDef } from '../../src/domain/model'
import { numberMeaningError } from '../../src/domain/number-meanings'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'

const every = { id: 'reviewEveryDays', label: 'Review every (days)' }

describe('a supplier register row’s review interval', () => {
  it('refuses 0, negatives and fractions, and says what to write instead', () => {
    expect(numberMeaningError('supplier-register', every, -5)).toBe(
      "Review every (days): must be at least 1 day, not -5; write a number from 1 to 3650, or leave it empty to follow the plan's review interval",
    )
    expect(numberMeaningError('supplier-register', every, 0)).toMatch(/^Review every \(days\): must be at least 1 day, not 0;/)
    expect(numberMeaningError('supplier-register', every, 2.5)).toBe(
      "Review every (days): 2.5 is not a whole number of days; write one from 1 to 3650, or leave it empty to follow the plan's review interval",
    )
    expect(numberMeaningError('supplier-register', every, 3651)).toMatch(/must be at most 3650 days/)
  })

  it('takes whole numbers of days in range, and an empty field', () => {
    for (const n of [1, 30, 3650]) expect(numberMeaningError('supplier-register', every, n)).toBeNull()
    expect(numberMeaningError('supplier-register', every, null)).toBeNull()
  })

  it('goes by the field id in its role, not by its label, and leaves other number fields alone', () => {
    expect(numberMeaningError('supplier-register', { ...every, label: 'Check-up interval' }, -5)).toMatch(/^Check-up interval: must be at least 1 day/)
    expect(numberMeaningError('checklist', every, -5)).toBeNull()
    expect(numberMeaningError('supplier-register', { id: 'headcount', label: 'Staff' }, -5)).toBeNull()
    expect(numberMeaningError(undefined, every, -5)).toBeNull()
  })
})

describe('typing a review interval', () => {
  const field: FieldDef = { id: 'reviewEveryDays', label: 'Review every (days)', type: 'number' }

  it('is refused as typed in a supplier register, with the words; any number stays fine elsewhere', () => {
    expect(parseFieldInput(field, '-5', 'supplier-register')).toEqual({
      ok: false,
      error: "Review every (days): must be at least 1 day, not -5; write a number from 1 to 3650, or leave it empty to follow the plan's review interval",
    })
    expect(parseFieldInput(field, '90', 'supplier-register')).toEqual({ ok: true, value: 90 })
    expect(parseFieldInput(field, '', 'supplier-register')).toEqual({ ok: true, value: null })
    expect(parseFieldInput(field, '-5', 'checklist')).toEqual({ ok: true, value: -5 })
  })

  it('stores nothing when written by any way in (a draft replayed after a reload included)', async () => {
    const planId = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const cloud = (await db.items.where('planId').equals(planId).toArray()).find((i) => i.text === 'Cloud hosting provider')
    if (!cloud) throw new Error('template changed')
    await setItemValue(cloud.id, 'reviewEveryDays', 30)
    for (const bad of [-5, 0, 2.5]) await expect(setItemValue(cloud.id, 'reviewEveryDays', bad)).rejects.toThrow(/^Review every \(days\)/)
    expect((await db.items.get(cloud.id))?.values.reviewEveryDays).toBe(30)
  })
})
