// Data model v5 reads registers by section role and field id. Older data is recognised once, by
// the patterns older versions used, and brought over without losing a word.
import { describe, expect, it } from 'vitest'
import type { FieldDef, Item } from '../../src/domain/model'
import { collectRegisters } from '../../src/domain/registers'
import { SUPPLIER_REGISTER_FIELDS } from '../../src/domain/section-roles'
import { keysForNumbers, legacyRole, upgradeSection } from '../../src/domain/upgrade-v5'
import { makeItemRow, makePlanRow, makeSectionRow } from '../support/factories'

const field = (id: string, label: string, type: FieldDef['type'], more: Partial<FieldDef> = {}): FieldDef => ({ id, label, type, ...more })
const held = (values: Item['values'], notes = ''): { values: Item['values']; notes: string; evidence: string } => ({ values, notes, evidence: '' })

describe('recognising what an older section was', () => {
  it('finds registers, impact analyses, contact trees and roles as older versions did', () => {
    const crit = field('c1', 'How critical', 'select', { options: ['Low', 'High'] })
    expect(legacyRole('supplier-review', [crit])).toBe('supplier-register')
    // Only a supplier review had supplier registers.
    expect(legacyRole('continuity', [crit])).toBe('checklist')
    expect(legacyRole('custom', [field('x', ' MTD ', 'duration')])).toBe('impact-analysis')
    expect(legacyRole('continuity', [field('role', 'Role', 'text'), field('phone', 'Phone', 'contact')])).toBe('contact-tree')
    expect(legacyRole('incident-response', [field('role', 'Role', 'text'), field('person', 'Person', 'contact')])).toBe('roles')
    expect(legacyRole('custom', [field('when', 'When', 'date')])).toBe('checklist')
  })
})

describe('upgrading a section', () => {
  it('gives register fields found by label their ids, moving the values with them', () => {
    const fields = [field('how-critical', 'Criticality', 'select', { options: ['Low', 'Critical'] }), field('ends', 'Contract ends', 'date')]
    const up = upgradeSection('supplier-review', fields, [held({ 'how-critical': 'Critical', ends: '2027-01-31' })], 'notes')
    expect(up.role).toBe('supplier-register')
    expect(up.fields.slice(0, 2).map((f) => [f.id, f.label])).toEqual([
      ['criticality', 'Criticality'],
      ['contractEnd', 'Contract ends'],
    ])
    expect(up.items[0]?.values).toEqual({ criticality: 'Critical', contractEnd: '2027-01-31' })
    // The register's other fields are added after the user's own.
    expect(up.fields.map((f) => f.id)).toEqual(expect.arrayContaining(SUPPLIER_REGISTER_FIELDS.map((f) => f.id)))
  })

  it("moves a register's free-text functions column into the notes, word for word, and drops the column", () => {
    const fields = [field('functions', 'Functions that rely on it', 'text'), field('criticality', 'Criticality', 'select', { options: ['High'] })]
    const up = upgradeSection('supplier-review', fields, [held({ functions: 'Orders; payroll', criticality: 'High' }, 'Keep an eye'), held({})], 'notes')
    expect(up.fields.map((f) => f.id)).not.toContain('functions')
    expect(up.items[0]).toMatchObject({ notes: 'Keep an eye\nFunctions that rely on it: Orders; payroll', values: { criticality: 'High' } })
    expect(up.items[1]).toMatchObject({ notes: '', values: {} })
  })

  it('puts the words in the evidence when the notes are full, never cutting either', () => {
    const full = 'x'.repeat(20_000)
    const fields = [field('functions', 'Functions that rely on it', 'text'), field('criticality', 'Criticality', 'select', { options: ['High'] })]
    const up = upgradeSection('supplier-review', fields, [held({ functions: 'Orders' }, full)], 'notes')
    expect(up.items[0]).toMatchObject({ notes: full, evidence: 'Functions that rely on it: Orders' })
  })

  it('keeps every supplier a function linked to, from every links field, in its one relation', () => {
    const fields = [
      field('rto', 'RTO', 'duration'),
      field('sup-a', 'Main suppliers', 'links', { linksTo: 'supplier' }),
      field('sup-b', 'Other suppliers', 'links', { linksTo: 'supplier' }),
    ]
    const up = upgradeSection('continuity', fields, [held({ 'sup-a': ['s1'], 'sup-b': ['s2', 's1'] })], 'notes')
    expect(up.items[0]?.values.suppliers).toEqual(['s1', 's2'])
    // The second field stays, with its values: nothing the user picked disappears from view.
    expect(up.items[0]?.values['sup-b']).toEqual(['s2', 's1'])
  })

  it('turns a phone column into phone numbers only when every value holds one', () => {
    const fields = [field('role', 'Role', 'text'), field('phone', 'Phone', 'contact')]
    expect(upgradeSection('continuity', fields, [held({ phone: '07700 900123' })], 'notes').fields.find((f) => f.id === 'phone')?.type).toBe('phone')
    const mixed = upgradeSection('continuity', fields, [held({ phone: '07700 900123' }), held({ phone: 'ask reception' })], 'notes')
    expect(mixed.fields.find((f) => f.id === 'phone')?.type).toBe('contact')
    expect(mixed.items[1]?.values.phone).toBe('ask reception')
  })

  it('makes ordering keys that keep the numbered order, ties by id', () => {
    const rows = [
      { id: 'b', order: 2048 },
      { id: 'a', order: 1024.5 },
      { id: 'c', order: 2048 },
    ]
    const keys = keysForNumbers(rows)
    const sorted = [...rows].sort((x, y) => ((keys.get(x) ?? '') < (keys.get(y) ?? '') ? -1 : 1)).map((r) => r.id)
    expect(sorted).toEqual(['a', 'b', 'c'])
  })
})

describe('registers read by role and field id', () => {
  it('renaming a field or a section never changes what the kit reads', () => {
    const plan = makePlanRow({ id: 'p1', kind: 'supplier-review' })
    const section = makeSectionRow({
      planId: 'p1',
      role: 'supplier-register',
      title: 'Who we pay',
      fields: SUPPLIER_REGISTER_FIELDS.map((f) => (f.id === 'criticality' ? { ...f, label: 'How bad if it stops' } : { ...f })),
    })
    const item = makeItemRow({ planId: 'p1', sectionId: section.id, text: 'Web host Ltd', values: { criticality: 'Critical', platform: ' Microsoft Azure ' } })
    const { suppliers } = collectRegisters([plan], [section], [item])
    expect(suppliers).toEqual([expect.objectContaining({ name: 'Web host Ltd', criticality: 'Critical', platform: 'Microsoft Azure' })])
    // A checklist that happens to have a "Criticality" choice is not a register.
    const checklist = { ...section, id: 'other', role: 'checklist' as const }
    expect(collectRegisters([plan], [checklist], [{ ...item, sectionId: 'other' }]).suppliers).toEqual([])
  })

  it('leaves retired and trashed plans out', () => {
    const section = makeSectionRow({ planId: 'p1', role: 'impact-analysis', fields: [] })
    const item = makeItemRow({ planId: 'p1', sectionId: section.id, values: { rto: 60 } })
    expect(collectRegisters([makePlanRow({ id: 'p1' })], [section], [item]).functions).toHaveLength(1)
    expect(collectRegisters([makePlanRow({ id: 'p1', status: 'retired' })], [section], [item]).functions).toEqual([])
    expect(collectRegisters([makePlanRow({ id: 'p1', deletedAt: '2026-01-01T00:00:00.000Z' })], [section], [item]).functions).toEqual([])
  })
})
