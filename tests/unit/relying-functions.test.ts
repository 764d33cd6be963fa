// A supplier's "Functions that rely on it" read backwards from the functions' "Suppliers it needs"
// field, as the supplier's row shows it, for the outputs: named, with the plan where names repeat.
import { describe, expect, it } from 'vitest'
import type { FieldDef, Section } from '../../src/domain/model'
import { NO_RELYING, relyingColumn, relyingFunctions } from '../../src/domain/relying-functions'
import { IMPACT_ANALYSIS_FIELDS } from '../../src/domain/section-roles'
import { makeItemRow, makePlanRow, makeSectionRow } from '../support/factories'

const plans = [makePlanRow({ id: 'p1', title: 'Head office' }), makePlanRow({ id: 'p2', title: 'Head office (imported copy)' })]
const bia = (id: string, planId: string, fields: readonly FieldDef[] = IMPACT_ANALYSIS_FIELDS): Section =>
  makeSectionRow({ id, planId, role: 'impact-analysis', fields: [...fields] })
const fn = (id: string, sectionId: string, planId: string, text: string, suppliers: string[]) =>
  makeItemRow({ id, sectionId, planId, text, values: { suppliers } })

describe('relyingFunctions', () => {
  const sections = [
    bia('b1', 'p1'),
    bia('b2', 'p2'),
    // A section with a "suppliers" field that is no link to suppliers records no reliance.
    bia('b3', 'p1', [{ id: 'suppliers', label: 'Suppliers', type: 'text' }]),
    makeSectionRow({ id: 'c1', planId: 'p1', role: 'checklist', fields: [...IMPACT_ANALYSIS_FIELDS] }),
  ]
  const items = [
    fn('f1', 'b1', 'p1', 'Payroll', ['cloud', 'bank']),
    fn('f2', 'b1', 'p1', 'Website', ['cloud']),
    fn('f3', 'b2', 'p2', 'payroll ', ['cloud']),
    fn('f4', 'b1', 'p1', 'Invoicing', []),
    makeItemRow({ id: 'x1', sectionId: 'b3', planId: 'p1', text: 'Typed', values: { suppliers: 'cloud' } }),
    makeItemRow({ id: 'x2', sectionId: 'c1', planId: 'p1', text: 'Not a function', values: { suppliers: ['cloud'] } }),
  ]
  const relying = relyingFunctions({ plans, sections, items })

  it('names the functions that name each supplier, in the order given, with the plan only where names repeat', () => {
    expect(relying.get('cloud')).toEqual(['Payroll (Head office)', 'Website', 'payroll (Head office (imported copy))'])
    expect(relying.get('bank')).toEqual(['Payroll (Head office)'])
    expect(relying.has('nobody')).toBe(false)
  })

  it('gives a supplier register a column of those names, and no other section one', () => {
    const column = relyingColumn({ role: 'supplier-register' }, relying)
    expect(column?.('cloud')).toBe('Payroll (Head office), Website, payroll (Head office (imported copy))')
    expect(column?.('nobody')).toBe('')
    expect(relyingColumn({ role: 'impact-analysis' }, relying)).toBeNull()
    expect(relyingColumn({ role: 'supplier-register' }, NO_RELYING)?.('cloud')).toBe('')
  })
})
