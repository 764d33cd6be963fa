import { describe, expect, it } from 'vitest'
import type { SupplierEntry } from '../../src/domain/registers'
import type { SupplierReview } from '../../src/domain/supplier-reviews'
import { makeSupplierEntry } from '../support/factories'
import { ALL_SUPPLIERS, contractState, filterSuppliers, NOT_SET, sortSuppliers } from '../../src/domain/supplier-view'

const row = (name: string, over: Partial<SupplierEntry> = {}, review: Partial<SupplierReview> = {}): SupplierReview => ({
  supplier: makeSupplierEntry(name, { planId: 'p', criticality: null, alternative: '', exitPlan: '', ...over }),
  interval: 365,
  nextReview: '2026-09-01',
  needsReview: false,
  noticeDeadline: null,
  ...review,
})

const today = '2026-06-15'
const rows = [
  row('Bank', { criticality: 'High', outcome: 'OK', contractEnd: '2026-09-13' }),
  row('Cloud', { criticality: 'Critical', outcome: 'Warning', contractEnd: '2027-01-01', service: 'Hosting' }, { needsReview: true, nextReview: '2026-05-01' }),
  row('Accounting', { criticality: 'Medium', outcome: 'Blocker', contractEnd: '2026-06-01' }),
  row('Mystery'),
]

describe('supplier register view', () => {
  it('flags contracts ending within 90 days, and ended ones', () => {
    expect(contractState('2026-09-13', today)).toBe('ending')
    expect(contractState('2026-09-14', today)).toBe('later')
    expect(contractState('2026-06-15', today)).toBe('ending')
    expect(contractState('2026-06-14', today)).toBe('ended')
    expect(contractState(null, today)).toBe('none')
  })

  it('filters by criticality, outcome, contract end, review and text', () => {
    const names = (f: Partial<typeof ALL_SUPPLIERS>) => filterSuppliers(rows, { ...ALL_SUPPLIERS, ...f }, today).map((r) => r.supplier.name)
    expect(names({})).toHaveLength(4)
    expect(names({ criticality: 'Critical' })).toEqual(['Cloud'])
    expect(names({ criticality: NOT_SET })).toEqual(['Mystery'])
    expect(names({ outcome: 'blocker' })).toEqual(['Accounting'])
    expect(names({ contract: 'ending' })).toEqual(['Bank'])
    expect(names({ contract: 'ended' })).toEqual(['Accounting'])
    expect(names({ needsReview: true })).toEqual(['Cloud'])
    // Bank's notice is due within 60 days; Accounting's passed but its contract has ended, so no decision is left.
    const withNotice = [
      { ...rows[0], noticeDeadline: '2026-07-01' },
      { ...rows[1], noticeDeadline: '2026-10-01' },
      { ...rows[2], noticeDeadline: '2026-05-01' },
    ].flatMap((r) => (r ? [r as SupplierReview] : []))
    expect(filterSuppliers(withNotice, { ...ALL_SUPPLIERS, contract: 'notice' }, today).map((r) => r.supplier.name)).toEqual(['Bank'])
    expect(names({ query: 'host' })).toEqual(['Cloud'])
  })

  it('sorts the most serious first, dates soonest first, missing values last', () => {
    const names = (by: Parameters<typeof sortSuppliers>[1], desc = false) => sortSuppliers(rows, by, desc).map((r) => r.supplier.name)
    expect(names('criticality')).toEqual(['Cloud', 'Bank', 'Accounting', 'Mystery'])
    expect(names('criticality', true)).toEqual(['Accounting', 'Bank', 'Cloud', 'Mystery'])
    expect(names('outcome')).toEqual(['Accounting', 'Cloud', 'Bank', 'Mystery'])
    expect(names('contractEnd')).toEqual(['Accounting', 'Bank', 'Cloud', 'Mystery'])
    expect(names('contractEnd', true)).toEqual(['Cloud', 'Bank', 'Accounting', 'Mystery'])
    expect(names('nextReview')).toEqual(['Cloud', 'Accounting', 'Bank', 'Mystery'])
    expect(names('name')).toEqual(['Accounting', 'Bank', 'Cloud', 'Mystery'])
  })
})
