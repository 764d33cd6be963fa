// The grab pack: the runbook for the day, for paper and a phone. In this order: who may invoke and
// how; the first hour's steps by role; the call list; each critical function with its RTO,
// workaround and the suppliers it needs (support line, status page); the later steps; and the plans
// it was made from. Built from response steps (items of kind 'step'), the roles and contact trees,
// and the registers (registers.ts): sections by role, fields by id, never by label.
import { analyseDependencies } from './dependencies'
import type { PlanBundle } from './export-format'
import { NO_NAMES, type ItemNames } from './link-names'
import type { Item, Plan, Section } from './model'
import { byOrder } from './order'
import { collectRegisters, type Registers, type SupplierEntry } from './registers'
import { PHASES, PLAN_KINDS, type Phase, type PlanKind } from './vocabulary'

export interface RunbookStep {
  id: string
  planKind: PlanKind
  planTitle: string
  text: string
  /** How, in the template's words. */
  guidance: string
  /** How, in the user's words. */
  notes: string
  /** The role that does it, as written; '' when not set. */
  role: string
  phase: Phase
}

/** One person of a roles section or contact tree. */
export interface Holder {
  id: string
  planTitle: string
  role: string
  /** The person: the name in a roles section; in a contact tree, the row itself. */
  name: string
  deputy: string
  phone: string
  /** Whom they call next (contact trees). */
  calls: string
  notes: string
}

/** The steps one role does, with the people who hold that role. */
export interface RoleSteps {
  role: string
  holders: Holder[]
  steps: RunbookStep[]
}

export interface SupplierLine {
  id: string
  name: string
  /** False for a link to a row outside the live registers (named if it still exists, else "a removed item"). */
  known: boolean
  supportLine: string
  statusPage: string
  alternative: string
  /** What it runs on, in words: suppliers by name, then a provider outside the registers. */
  runsOn: string
  /** Needed through another function this one depends on, not named by the function itself. */
  indirect: boolean
}

export interface FunctionCard {
  id: string
  name: string
  planTitle: string
  impact: string | null
  critical: boolean
  /** Minutes, or null when no RTO is recorded. */
  rto: number | null
  workaround: string
  suppliers: SupplierLine[]
}

export interface PlanCopy {
  id: string
  title: string
  /** The last change to the plan, its sections or items. */
  lastChange: string
}

/** A record the organisation cannot do without, and where its copies are (a records section's row). */
export interface RecordCopy {
  id: string
  name: string
  planTitle: string
  masterCopy: string
  backupCopy: string
  access: string
  lastRestoreTest: string
}

interface GrabPack {
  invoke: RoleSteps[]
  firstHour: RoleSteps[]
  callList: Holder[]
  /** Functions of High or Critical impact, tightest RTO first. */
  functions: FunctionCard[]
  /** Functions rated lower or not rated: counted, so the page says what it leaves out. */
  otherFunctions: number
  /** The steps after the first hour, phase by phase. */
  later: { phase: Phase; roles: RoleSteps[] }[]
  plans: PlanCopy[]
  /** Rows of the plans' records sections: where master copies and backups are, and how to reach them. */
  records: RecordCopy[]
}

/** What the grab pack and the quick cards read from the plans. */
interface Runbook {
  steps: RunbookStep[]
  /** Holders by role key (see roleKey). */
  holders: ReadonlyMap<string, Holder[]>
  callList: Holder[]
  registers: Registers
  /** Every business function as a card, in plan order. */
  functions: FunctionCard[]
  /** A line for a supplier of the registers, by id. */
  supplierLine: (id: string) => SupplierLine | undefined
  plans: PlanCopy[]
}

/** A role as compared: no case, no spacing differences, no words in brackets ("Crisis lead (invokes the plan)"). */
const roleKey = (role: string): string =>
  role
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase()

const textValue = (item: Item, id: string): string => {
  const v = item.values[id]
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : ''
}

const usable = (i: Item) => i.status !== 'not-applicable'

function holdersOf(plan: Plan, section: Section, items: readonly Item[]): Holder[] {
  if (section.role !== 'roles' && section.role !== 'contact-tree') return []
  return items.filter(usable).map((i) => ({
    id: i.id,
    planTitle: plan.title,
    role: textValue(i, 'role'),
    name: section.role === 'roles' ? textValue(i, 'person') : i.text,
    deputy: textValue(i, 'deputy'),
    phone: textValue(i, 'phone'),
    calls: section.role === 'contact-tree' ? textValue(i, 'calls') : '',
    notes: i.notes,
  }))
}

const sameText = (a: string, b: string) => a.trim().replace(/\s+/g, ' ').toLowerCase() === b.trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Steps grouped by role, roles in the order they first appear, each with everyone who holds it;
 * steps of no role last. A step two plans give the same role in the same words shows once, with
 * the notes of both.
 */
export function byRole(steps: readonly RunbookStep[], holders: ReadonlyMap<string, Holder[]>): RoleSteps[] {
  const groups = new Map<string, RoleSteps>()
  for (const s of steps) {
    const key = roleKey(s.role)
    const group = groups.get(key)
    if (!group) {
      groups.set(key, { role: s.role.trim(), holders: key ? (holders.get(key) ?? []) : [], steps: [{ ...s }] })
      continue
    }
    const twin = group.steps.find((t) => sameText(t.text, s.text))
    if (!twin) group.steps.push({ ...s })
    else if (s.notes.trim() && !twin.notes.includes(s.notes.trim())) twin.notes = [twin.notes.trim(), s.notes.trim()].filter(Boolean).join('\n')
  }
  const none = groups.get('')
  groups.delete('')
  return none ? [...groups.values(), none] : [...groups.values()]
}

function lineOf(s: SupplierEntry, names: ItemNames, indirect: boolean): SupplierLine {
  const on = [...s.runsOn.map((id) => names.get(id) ?? 'a removed item'), s.platform].filter((x) => x.trim() !== '')
  return {
    id: s.id,
    name: s.name,
    known: true,
    supportLine: s.supportLine,
    statusPage: s.statusPage,
    alternative: s.alternative,
    runsOn: on.join(', '),
    indirect,
  }
}

/**
 * Reads the plans for a runbook: trashed and retired plans and rows marked not applicable left out.
 * Links name the rows they point at: rows of these plans by themselves, others from `linked`; only
 * a row that is gone reads "a removed item".
 */
export function readRunbook(bundles: readonly PlanBundle[], linked: ItemNames = NO_NAMES): Runbook {
  // Incident response first, then continuity, supplier reviews…: the order the day needs them in.
  const live = bundles
    .filter((b) => b.plan.deletedAt === null && b.plan.status !== 'retired')
    .sort((a, b) => PLAN_KINDS.indexOf(a.plan.kind) - PLAN_KINDS.indexOf(b.plan.kind) || a.plan.title.localeCompare(b.plan.title))
  const names = new Map<string, string>()
  for (const b of bundles) for (const i of b.items) names.set(i.id, i.text)
  for (const [id, name] of linked) names.set(id, name)

  const steps: RunbookStep[] = []
  const callList: Holder[] = []
  const plans: PlanCopy[] = []
  const inOrder: Item[] = []
  for (const { plan, sections, items } of live) {
    const bySection = new Map<string, Item[]>()
    for (const i of [...items].sort(byOrder)) bySection.set(i.sectionId, [...(bySection.get(i.sectionId) ?? []), i])
    let lastChange = plan.updatedAt
    for (const section of [...sections].sort(byOrder)) {
      const rows = bySection.get(section.id) ?? []
      if (section.updatedAt > lastChange) lastChange = section.updatedAt
      inOrder.push(...rows)
      callList.push(...holdersOf(plan, section, rows))
      for (const i of rows) {
        if (i.updatedAt > lastChange) lastChange = i.updatedAt
        if (i.kind !== 'step' || !usable(i)) continue
        steps.push({
          id: i.id,
          planKind: plan.kind,
          planTitle: plan.title,
          text: i.text,
          guidance: i.guidance,
          notes: i.notes,
          role: i.role,
          phase: i.phase ?? 'first-hour',
        })
      }
    }
    plans.push({ id: plan.id, title: plan.title, lastChange })
  }
  const holders = new Map<string, Holder[]>()
  for (const h of callList) {
    const key = roleKey(h.role)
    if (key) holders.set(key, [...(holders.get(key) ?? []), h])
  }

  const registers = collectRegisters(
    live.map((b) => b.plan),
    live.flatMap((b) => b.sections),
    inOrder,
  )
  const supplierById = new Map(registers.suppliers.map((s) => [s.id, s]))
  const functions = analyseDependencies(registers).functions.map(({ fn, suppliers, indirectSuppliers }): FunctionCard => {
    // A link to a row outside the live registers still shows, by its name, so nothing goes missing.
    const outside = fn.supplierIds
      .filter((id) => !supplierById.has(id))
      .map((id) => ({
        id,
        name: names.get(id) ?? 'a removed item',
        known: false,
        supportLine: '',
        statusPage: '',
        alternative: '',
        runsOn: '',
        indirect: false,
      }))
    return {
      id: fn.id,
      name: fn.name,
      planTitle: fn.planTitle,
      impact: fn.impact,
      critical: fn.critical,
      rto: fn.rto,
      workaround: fn.workaround,
      suppliers: [...suppliers.map((s) => lineOf(s, names, false)), ...outside, ...indirectSuppliers.map((s) => lineOf(s, names, true))],
    }
  })
  return {
    steps,
    holders,
    callList,
    registers,
    functions,
    supplierLine: (id) => {
      const s = supplierById.get(id)
      return s && lineOf(s, names, false)
    },
    plans,
  }
}

/** Tightest RTO first, those without one last; otherwise in plan order. */
export const byRto = (a: Pick<FunctionCard, 'rto'>, b: Pick<FunctionCard, 'rto'>): number => (a.rto ?? Infinity) - (b.rto ?? Infinity)

/** The grab pack of these plans (see readRunbook for what is left out and how links read). */
export function buildGrabPack(bundles: readonly PlanBundle[], linked: ItemNames = NO_NAMES): GrabPack {
  const book = readRunbook(bundles, linked)
  const inPhase = (phase: Phase) => book.steps.filter((s) => s.phase === phase)
  const critical = book.functions.filter((f) => f.critical)
  return {
    invoke: byRole(inPhase('invoke'), book.holders),
    firstHour: byRole(inPhase('first-hour'), book.holders),
    callList: book.callList,
    functions: [...critical].sort(byRto),
    otherFunctions: book.functions.length - critical.length,
    later: PHASES.filter((p) => p !== 'invoke' && p !== 'first-hour')
      .map((phase) => ({ phase, roles: byRole(inPhase(phase), book.holders) }))
      .filter((p) => p.roles.length > 0),
    plans: book.plans,
    records: recordsOf(bundles),
  }
}

/** The rows of every records section of live plans, in plan and section order. */
function recordsOf(bundles: readonly PlanBundle[]): RecordCopy[] {
  const out: RecordCopy[] = []
  for (const { plan, sections, items } of bundles) {
    if (plan.deletedAt !== null || plan.status === 'retired') continue
    for (const section of [...sections].sort(byOrder)) {
      if (section.role !== 'records') continue
      for (const item of items.filter((i) => i.sectionId === section.id && usable(i)).sort(byOrder))
        out.push({
          id: item.id,
          name: item.text,
          planTitle: plan.title,
          masterCopy: textValue(item, 'masterCopy'),
          backupCopy: textValue(item, 'backupCopy'),
          access: textValue(item, 'access'),
          lastRestoreTest: textValue(item, 'lastRestoreTest'),
        })
    }
  }
  return out
}

/** Whether the pack has nothing to show. */
export function isEmptyPack(pack: GrabPack): boolean {
  return !pack.invoke.length && !pack.firstHour.length && !pack.callList.length && !pack.functions.length && !pack.later.length
}
