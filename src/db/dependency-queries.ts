// Reads for the dependency view, the supplier register and the readiness dashboard. Only the
// sections that are registers are read item by item; counts come from indexes.
import { localDate } from '../domain/dates'
import { analyseDependencies, type DependencyAnalysis } from '../domain/dependencies'
import { formatMinutes } from '../domain/duration'
import { calendarEvents, type CalendarEvent } from '../domain/ics'
import type { Item, Plan } from '../domain/model'
import { collectRegisters, isImpactAnalysis, isSupplierRegister, type Registers } from '../domain/registers'
import type { Readiness, ReadinessFacts } from '../domain/readiness'
import { supplierReview, type SupplierReview } from '../domain/supplier-reviews'
import { db } from './database'
import { readRegisterRows } from './link-queries'
import { listPlans } from './plan-queries'

/** Suppliers and business functions of every live plan. */
async function readRegistersOf(plansRead: Promise<readonly Plan[]>): Promise<Registers> {
  const { plans, sections, items } = await readRegisterRows(plansRead, (_plan, s) => isSupplierRegister(s) || isImpactAnalysis(s))
  return collectRegisters(plans, sections, items)
}

/** The analysis of every plan that is not in the trash or retired (collectRegisters leaves those out). */
export async function readDependencyAnalysis(): Promise<DependencyAnalysis> {
  const registers = await db.transaction('r', db.plans, db.sections, db.items, async () => readRegistersOf(listPlans()))
  return analyseDependencies(registers)
}

/** Every supplier of every supplier review, with when it is next due for review. */
export async function readSupplierReviews(now = new Date()): Promise<SupplierReview[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const plansRead = listPlans()
    const registers = await readRegistersOf(plansRead)
    const byId = new Map((await plansRead).map((p) => [p.id, p]))
    const today = localDate(now)
    return registers.suppliers.map((s) => supplierReview(s, byId.get(s.planId), today))
  })
}

/**
 * Open or blocked items with a due date (through the due index, not a scan of every item); only
 * those due before `before` when given.
 */
async function datedOpenItems(before?: string): Promise<Item[]> {
  const dated = before === undefined ? db.items.where('due').aboveOrEqual('0000-01-01') : db.items.where('due').between('0000-01-01', before, true, false)
  return (await dated.toArray()).filter((i) => i.status === 'open' || i.status === 'blocked')
}

export async function readReadinessFacts(now = new Date()): Promise<ReadinessFacts> {
  const today = localDate(now)
  return db.transaction('r', [db.plans, db.sections, db.items, db.drills], async () => {
    // Only the overdue ones are read: the dashboard counts them, and future dates are not needed here.
    const [dated, registers, drills] = await Promise.all([datedOpenItems(today), readRegistersOf(listPlans()), db.drills.toArray()])
    const overdueItems = new Map<string, number>()
    for (const i of dated) if (i.due !== null && i.due < today) overdueItems.set(i.planId, (overdueItems.get(i.planId) ?? 0) + 1)
    // A drill in the trash no longer counts as an exercise.
    return { overdueItems, registers, drills: drills.filter((d) => !d.deletedAt) }
  })
}

/** A notice period in words for a calendar entry: "90 days", "2 days 12 hours". */
function periodWords(minutes: number): string {
  return formatMinutes(minutes)
    .replace(/(\d+)d/, (_, n: string) => `${n} day${n === '1' ? '' : 's'}`)
    .replace(/(\d+)h/, (_, n: string) => `${n} hour${n === '1' ? '' : 's'}`)
    .replace(/(\d+)m$/, (_, n: string) => `${n} minute${n === '1' ? '' : 's'}`)
}

/**
 * Every plan's and supplier's next review date, every supplier's notice deadline and every open item's due date, as calendar events,
 * from the readiness figures the dashboard shows (plans and suppliers) and the dated items.
 */
export async function readCalendarEvents(readiness: Readiness): Promise<CalendarEvent[]> {
  const plans = new Map(readiness.plans.map((p) => [p.plan.id, p.plan]))
  const items = (await datedOpenItems()).flatMap((i) => {
    const plan = plans.get(i.planId)
    return plan !== undefined && i.due !== null
      ? [{ id: i.id, text: i.text, due: i.due, planTitle: plan.title, owner: i.owner, updatedAt: [i.updatedAt, plan.updatedAt] }]
      : []
  })
  // When each supplier row last changed, for the events' SEQUENCE.
  const supplierRows = await db.items.bulkGet(readiness.suppliers.map((s) => s.supplier.id))
  const changed = new Map(supplierRows.flatMap((r) => (r ? [[r.id, r.updatedAt] as const] : [])))
  return calendarEvents({
    plans: readiness.plans.map((p) => ({ id: p.plan.id, title: p.plan.title, nextReview: p.nextReview, updatedAt: p.plan.updatedAt })),
    items,
    suppliers: readiness.suppliers.map((s) => ({
      id: s.supplier.id,
      name: s.supplier.name,
      planTitle: s.supplier.planTitle,
      nextReview: s.nextReview,
      intervalProblem: s.intervalProblem ?? null,
      notice:
        s.noticeDeadline !== null && s.supplier.contractEnd !== null && s.supplier.noticePeriod !== null
          ? { deadline: s.noticeDeadline, contractEnd: s.supplier.contractEnd, period: periodWords(s.supplier.noticePeriod) }
          : null,
      updatedAt: [changed.get(s.supplier.id) ?? '', plans.get(s.supplier.planId)?.updatedAt ?? ''],
    })),
  })
}
