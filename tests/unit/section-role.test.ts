// A section's role is chosen in its settings: a register role brings the fields the kit reads.
import { describe, expect, it } from 'vitest'
import { addField, listSections, setItemValue, setSectionRole } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { readSupplierReviews } from '../../src/db/dependency-queries'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { LIMITS } from '../../src/domain/limits'
import { SUPPLIER_REGISTER_FIELDS } from '../../src/domain/section-roles'
import { makeTemplate } from '../support/factories'

describe('choosing what a section is', () => {
  it('turns a checklist into a supplier register the Suppliers page reads, keeping its own fields and values', async () => {
    const planId = await createPlanFromTemplate(makeTemplate({ kind: 'custom' }))
    const [section] = await listSections(planId)
    if (!section) throw new Error('no section')
    await addField(section.id, { id: 'colour', label: 'Colour', type: 'text' })
    const item = await db.items.where('sectionId').equals(section.id).first()
    if (!item) throw new Error('no item')
    await setItemValue(item.id, 'colour', 'blue')
    expect(await readSupplierReviews()).toEqual([])

    await setSectionRole(section.id, 'supplier-register')
    const after = await db.sections.get(section.id)
    expect(after?.role).toBe('supplier-register')
    expect(after?.fields.map((f) => f.id)).toEqual(['colour', ...SUPPLIER_REGISTER_FIELDS.map((f) => f.id)])
    expect((await db.items.get(item.id))?.values).toEqual({ colour: 'blue' })
    await setItemValue(item.id, 'criticality', 'Critical')
    const rows = await db.items.where('sectionId').equals(section.id).count()
    const listed = (await readSupplierReviews()).map((r) => [r.supplier.name, r.supplier.criticality])
    expect(listed).toHaveLength(rows)
    expect(listed).toContainEqual([item.text, 'Critical'])

    // Back to a checklist: the fields and their values stay, the Suppliers page no longer lists it.
    await setSectionRole(section.id, 'checklist')
    expect((await db.items.get(item.id))?.values).toEqual({ colour: 'blue', criticality: 'Critical' })
    expect(await readSupplierReviews()).toEqual([])
  })

  it('refuses, in words and changing nothing, when the fields would not fit', async () => {
    const planId = await createPlanFromTemplate(makeTemplate({ kind: 'custom' }))
    const [section] = await listSections(planId)
    if (!section) throw new Error('no section')
    for (let n = 0; n < LIMITS.fieldsPerSection - 5; n++) await addField(section.id, { id: `f${n}`, label: `Field ${n}`, type: 'text' })
    const before = await db.sections.get(section.id)
    await expect(setSectionRole(section.id, 'supplier-register')).rejects.toThrow(/needs \d+ more fields and a section holds at most 40/)
    expect(await db.sections.get(section.id)).toEqual(before)
  })
})
