// The supplier register view across every supplier review: filter and sort by criticality, review
// outcome, contract end and review date; contracts ending soon are flagged.
import { addDays } from './dates'
import { noticeState, type SupplierReview } from './supplier-reviews'

export const CONTRACT_WARNING_DAYS = 90
const CRITICALITY_RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 }
const OUTCOME_RANK: Record<string, number> = { blocker: 3, warning: 2, ok: 1 }
/** A choice meaning "no value recorded". */
export const NOT_SET = '\u0000not-set'

type ContractState = 'ended' | 'ending' | 'later' | 'none'
export type SupplierSort = 'name' | 'criticality' | 'outcome' | 'contractEnd' | 'nextReview'

export interface SupplierFilter {
  criticality: string
  outcome: string
  /** Contracts ending within 90 days, ended, or whose notice deadline is near or passed while they run. */
  contract: 'all' | 'ending' | 'ended' | 'notice'
  needsReview: boolean
  query: string
}

export const ALL_SUPPLIERS: SupplierFilter = { criticality: '', outcome: '', contract: 'all', needsReview: false, query: '' }

/** Ended, ending within 90 days of `today`, later, or no end date recorded. */
export function contractState(contractEnd: string | null, today: string): ContractState {
  if (contractEnd === null) return 'none'
  if (contractEnd < today) return 'ended'
  return contractEnd <= addDays(today, CONTRACT_WARNING_DAYS) ? 'ending' : 'later'
}

/** The notice deadline is within the warning days or passed, and the contract still runs: a decision is due. */
export function noticeDue(contractEnd: string | null, deadline: string | null, today: string): boolean {
  const state = noticeState(deadline, today)
  return contractEnd !== null && contractEnd >= today && (state === 'soon' || state === 'passed')
}

const matchesChoice = (value: string | null, choice: string) =>
  choice === '' || (choice === NOT_SET ? value === null : (value ?? '').toLowerCase() === choice.toLowerCase())

export function filterSuppliers(rows: readonly SupplierReview[], f: SupplierFilter, today: string): SupplierReview[] {
  const q = f.query.trim().toLowerCase()
  return rows.filter(({ supplier: s, needsReview, noticeDeadline }) => {
    if (!matchesChoice(s.criticality, f.criticality) || !matchesChoice(s.outcome, f.outcome)) return false
    if (f.needsReview && !needsReview) return false
    if (f.contract === 'notice') {
      if (!noticeDue(s.contractEnd, noticeDeadline, today)) return false
    } else if (f.contract !== 'all' && contractState(s.contractEnd, today) !== f.contract) return false
    return q === '' || `${s.name}\n${s.service}\n${s.planTitle}\n${s.contractRef}\n${s.platform}`.toLowerCase().includes(q)
  })
}

const rank = (table: Record<string, number>, v: string | null) => (v === null ? 0 : (table[v.trim().toLowerCase()] ?? 0))

/**
 * Sorts a copy. Criticality and outcome put the most serious first; dates the soonest first; a
 * missing value always goes last, whatever the direction.
 */
export function sortSuppliers(rows: readonly SupplierReview[], by: SupplierSort, descending = false): SupplierReview[] {
  const dir = descending ? -1 : 1
  const byName = (a: SupplierReview, b: SupplierReview) => a.supplier.name.localeCompare(b.supplier.name)
  const compare = (a: SupplierReview, b: SupplierReview): number => {
    switch (by) {
      case 'name':
        return dir * byName(a, b)
      case 'criticality':
      case 'outcome': {
        const table = by === 'criticality' ? CRITICALITY_RANK : OUTCOME_RANK
        const [ra, rb] = [rank(table, a.supplier[by]), rank(table, b.supplier[by])]
        if (ra === 0 || rb === 0) return rb - ra || byName(a, b)
        return dir * (rb - ra) || byName(a, b)
      }
      case 'contractEnd':
      case 'nextReview': {
        const [va, vb] = by === 'contractEnd' ? [a.supplier.contractEnd, b.supplier.contractEnd] : [a.nextReview, b.nextReview]
        if (va === null || vb === null) return (va === null ? 1 : 0) - (vb === null ? 1 : 0) || byName(a, b)
        return dir * va.localeCompare(vb) || byName(a, b)
      }
    }
  }
  return [...rows].sort(compare)
}
