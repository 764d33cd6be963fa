// Readiness: what needs attention across every plan, computed on the device from the stored rows.
// Plan completion and overdue items, plans and suppliers past their review date, plans not
// exercised in a drill for a year, critical functions without an RTO or a workaround, and recovery
// targets that contradict each other (an RTO not shorter than the MTPD).
import { localDate } from './dates'
import { exerciseReader, type DrillFacts, type PlanExercise } from './exercise-dates'
import { saysNone, type FunctionEntry, type Registers, type SupplierEntry } from './registers'
import type { Plan } from './model'
import { percent, type Progress } from './progress'
import { recoveryTargetsProblem } from './recovery-targets'
import { nextReviewDate } from './review'
import { supplierReview, type SupplierReview } from './supplier-reviews'

interface PlanFacts {
  plan: Plan
  progress: Progress
  /** Open or blocked items whose due date has passed. */
  overdueItems: number
}

export interface PlanReadiness {
  plan: Plan
  progress: Progress
  percent: number
  overdueItems: number
  nextReview: string
  needsReview: boolean
  /** When it was last exercised and whether it needs a drill (exercise-dates.ts: the one definition). */
  exercise: PlanExercise
}

export interface FunctionGap {
  fn: FunctionEntry
  noRto: boolean
  noWorkaround: boolean
}

/** A function whose RTO is not shorter than its MTPD, with the words that say so. */
export interface RecoveryConflict {
  fn: FunctionEntry
  problem: string
}

export interface Readiness {
  plans: PlanReadiness[]
  suppliers: SupplierReview[]
  /** Suppliers past their review date, or whose own review interval is not a number of days, soonest first. */
  suppliersDue: SupplierReview[]
  /** Critical functions without an RTO or a workaround. */
  functionGaps: FunctionGap[]
  /** Functions, critical or not, whose RTO is not shorter than their MTPD. */
  recoveryConflicts: RecoveryConflict[]
  totals: {
    plans: number
    /** Mean completion over the plans, whole percent (100 with no plans). */
    completion: number
    overdueItems: number
    plansNeedingReview: number
    plansNeedingExercise: number
    suppliersDue: number
    functionGaps: number
    recoveryConflicts: number
  }
}

export function computeReadiness(input: {
  plans: readonly PlanFacts[]
  suppliers: readonly SupplierEntry[]
  functions: readonly FunctionEntry[]
  drills: readonly DrillFacts[]
  now: Date
}): Readiness {
  const today = localDate(input.now)
  const exerciseOf = exerciseReader(input.drills, input.now)
  const planById = new Map(input.plans.map((p) => [p.plan.id, p.plan]))

  const plans = input.plans.map(({ plan, progress, overdueItems }): PlanReadiness => {
    const nextReview = nextReviewDate(plan)
    return {
      plan,
      progress,
      percent: percent(progress),
      overdueItems,
      nextReview,
      needsReview: nextReview < today,
      exercise: exerciseOf(plan),
    }
  })
  const suppliers = input.suppliers.map((s) => supplierReview(s, planById.get(s.planId), today))
  const suppliersDue = suppliers.filter((s) => s.needsReview || Boolean(s.intervalProblem)).sort((a, b) => a.nextReview.localeCompare(b.nextReview))
  const functionGaps = input.functions
    .filter((f) => f.critical && (f.rto === null || saysNone(f.workaround)))
    .map((fn) => ({ fn, noRto: fn.rto === null, noWorkaround: saysNone(fn.workaround) }))

  const recoveryConflicts = input.functions.flatMap((fn) => {
    const problem = recoveryTargetsProblem(fn.rto, fn.mtpd)
    return problem === null ? [] : [{ fn, problem }]
  })

  const completion = plans.length === 0 ? 100 : Math.floor(plans.reduce((n, p) => n + p.percent, 0) / plans.length)
  return {
    plans,
    suppliers,
    suppliersDue,
    functionGaps,
    recoveryConflicts,
    totals: {
      plans: plans.length,
      completion,
      overdueItems: plans.reduce((n, p) => n + p.overdueItems, 0),
      plansNeedingReview: plans.filter((p) => p.needsReview).length,
      plansNeedingExercise: plans.filter((p) => p.exercise.needed).length,
      suppliersDue: suppliersDue.length,
      functionGaps: functionGaps.length,
      recoveryConflicts: recoveryConflicts.length,
    },
  }
}

/** What the dashboard reads beyond the plan list's own read of the plans and their progress. */
export interface ReadinessFacts {
  /** Open or blocked items past their due date, by plan id. */
  overdueItems: ReadonlyMap<string, number>
  registers: Registers
  drills: DrillFacts[]
}

/** The readiness figures from the plans with their progress (as the plan list reads them) and the facts above. */
export function readinessOf(summaries: readonly { plan: Plan; progress: Progress }[], facts: ReadinessFacts, now = new Date()): Readiness {
  const plans: PlanFacts[] = summaries
    .map(({ plan, progress }) => ({ plan, progress, overdueItems: facts.overdueItems.get(plan.id) ?? 0 }))
    .sort((a, b) => a.plan.title.localeCompare(b.plan.title))
  const { suppliers, functions } = facts.registers
  return computeReadiness({ plans, suppliers, functions, drills: facts.drills, now })
}

/** How many things need attention, for a one-line summary. */
export function attentionCount(r: Readiness): number {
  const t = r.totals
  return t.overdueItems + t.plansNeedingReview + t.plansNeedingExercise + t.suppliersDue + t.functionGaps + t.recoveryConflicts
}
