import { describe, expect, it } from 'vitest'
import { buildGrabPack } from '../../src/domain/grab-pack'
import type { Item } from '../../src/domain/model'
import { planFromTemplate, type PlanRows } from '../../src/domain/plan-factory'
import { BUILTIN_TEMPLATES } from '../../src/templates/index'

let n = 0
const ctx = { newId: () => `id-${++n}`, now: '2026-11-28T10:00:00.000Z' }
const make = (kind: string): PlanRows => {
  const t = BUILTIN_TEMPLATES.find((x) => x.kind === kind)
  if (!t) throw new Error(kind)
  return planFromTemplate(t, ctx)
}
const rowsOf = (plan: PlanRows, role: string): Item[] => {
  const ids = new Set(plan.sections.filter((s) => s.role === role).map((s) => s.id))
  return plan.items.filter((i) => ids.has(i.sectionId))
}
const byRoleValue = (rows: Item[], role: string): Item => {
  const row = rows.find((i) => i.values.role === role)
  if (!row) throw new Error(`no row for ${role}`)
  return row
}
const named = (plan: PlanRows, text: string): Item => {
  const item = plan.items.find((i) => i.text === text)
  if (!item) throw new Error(`no item "${text}"`)
  return item
}

/** The three operational plans, with people named and registers linked as a user would. */
function filledIn() {
  const ir = make('incident-response')
  const bcp = make('continuity')
  const sup = make('supplier-review')
  const roles = rowsOf(ir, 'roles')
  Object.assign(byRoleValue(roles, 'Technical lead').values, { person: 'Priya Shah', deputy: 'Tom Reed', phone: '+44 7700 900111' })
  Object.assign(byRoleValue(roles, 'Incident lead').values, { person: 'Sam Okafor', phone: '+44 7700 900222' })
  const tree = rowsOf(bcp, 'contact-tree')
  const crisis = byRoleValue(tree, 'Crisis lead')
  crisis.text = 'Dana Whitfield'
  // What a person may write in a role: the words in brackets do not stop the match.
  crisis.values.role = 'Crisis lead (invokes the plan)'
  crisis.values.phone = '+44 7700 900333, home 020 7946 0000'
  const cloud = named(sup, 'Cloud hosting provider')
  Object.assign(cloud.values, { supportLine: '0800 123 4567', statusPage: 'https://status.example-cloud.com', platform: 'Microsoft Azure' })
  const suite = named(sup, 'Email and office suite')
  const orders = named(bcp, 'Take customer orders')
  const staff = named(bcp, 'Coordinate staff and internal communication')
  orders.values.suppliers = [cloud.id, 'in-the-trash', 'gone']
  orders.values.dependsOn = [staff.id]
  staff.values.suppliers = [suite.id]
  return { ir, bcp, sup, cloud, suite, orders, staff }
}

describe('the grab pack', () => {
  it('is the runbook: invoking, then the first hour by role, each role with the names and phones of those who hold it', () => {
    const { ir, bcp, sup } = filledIn()
    named(ir, 'Post the holding statement').notes = 'Statement A is on the shared drive'
    named(bcp, 'Post the holding statement').notes = 'Text the key customers first'
    const pack = buildGrabPack([sup, bcp, ir])
    const steps = [...pack.invoke, ...pack.firstHour].flatMap((g) => g.steps)
    expect(pack.invoke.flatMap((g) => g.steps).every((s) => s.phase === 'invoke')).toBe(true)
    expect(pack.firstHour.flatMap((g) => g.steps).every((s) => s.phase === 'first-hour')).toBe(true)
    // The incident response procedure leads, whatever order the plans come in.
    expect(pack.invoke[0]?.steps[0]?.text).toBe('Call the incident lead')
    // Response steps only: never a preparation task.
    const texts = steps.map((s) => s.text)
    expect(texts).toContain('Post the holding statement')
    expect(texts).not.toContain('Check what your cyber insurance requires')
    expect(texts).not.toContain('Write the first steps after invocation')

    const technical = pack.invoke.find((g) => g.role === 'Technical lead')
    expect(technical?.holders.map((h) => [h.name, h.phone, h.deputy])).toEqual([['Priya Shah', '+44 7700 900111', 'Tom Reed']])
    const crisis = pack.invoke.find((g) => g.role === 'Crisis lead')
    expect(crisis?.steps.map((s) => s.text)).toEqual(['Decide whether to invoke the plan', 'Invoke the plan: record the time and start the contact tree'])
    expect(crisis?.holders.map((h) => h.name)).toEqual(['Dana Whitfield'])
    // Each role once per phase, its steps together.
    const roles = pack.firstHour.map((g) => g.role)
    expect(new Set(roles).size).toBe(roles.length)
    // The same step in three plans shows once for its role, with every plan's notes.
    const comms = pack.firstHour.find((g) => g.role === 'Communications lead')
    const holding = comms?.steps.filter((s) => s.text === 'Post the holding statement')
    expect(holding).toHaveLength(1)
    expect(holding?.[0]?.notes.split('\n').sort()).toEqual(['Statement A is on the shared drive', 'Text the key customers first'])
  })

  it('lists everyone to call: the person in a roles section (not the task), the row in a contact tree, with deputy and whom they call', () => {
    const { ir, bcp } = filledIn()
    const pack = buildGrabPack([ir, bcp])
    const technical = pack.callList.find((h) => h.role === 'Technical lead')
    expect(technical).toMatchObject({ name: 'Priya Shah', deputy: 'Tom Reed', phone: '+44 7700 900111', planTitle: ir.plan.title })
    const scribe = pack.callList.find((h) => h.role === 'Scribe')
    expect(scribe?.name).toBe('')
    expect(pack.callList.map((h) => h.name)).not.toContain('Name a scribe to keep the decision log')
    const crisis = pack.callList.find((h) => h.name === 'Dana Whitfield')
    expect(crisis?.calls).toBe('IT lead, communications lead, operations lead, people lead, finance lead')
    expect(pack.callList).toHaveLength(rowsOf(ir, 'roles').length + rowsOf(bcp, 'contact-tree').length)
  })

  it('gives each critical function its RTO, workaround and the suppliers it needs by name, with support line and status page', () => {
    const { bcp, sup, cloud, suite, orders, staff } = filledIn()
    const pack = buildGrabPack([bcp, sup], new Map([['in-the-trash', 'Old host']]))
    const critical = rowsOf(bcp, 'impact-analysis').filter((i) => i.values.impact === 'High' || i.values.impact === 'Critical')
    expect(pack.functions.map((f) => f.name).sort()).toEqual(critical.map((i) => i.text).sort())
    expect(pack.otherFunctions).toBe(rowsOf(bcp, 'impact-analysis').length - critical.length)
    // Tightest RTO first: coordinating staff (2h) before taking orders (4h).
    expect(pack.functions[0]?.name).toBe(staff.text)
    const card = pack.functions.find((f) => f.id === orders.id)
    expect(card?.rto).toBe(240)
    expect(card?.workaround).toBe(orders.values.workaround)
    expect(card?.suppliers.map((s) => [s.name, s.known, s.indirect])).toEqual([
      [cloud.text, true, false],
      ['Old host', false, false],
      ['a removed item', false, false],
      // Needed through coordinating staff, which orders depend on.
      [suite.text, true, true],
    ])
    expect(card?.suppliers[0]).toMatchObject({ supportLine: '0800 123 4567', statusPage: 'https://status.example-cloud.com', runsOn: 'Microsoft Azure' })
  })

  it('follows with the later steps by phase, and the plans it was made from', () => {
    const { ir, bcp } = filledIn()
    const pack = buildGrabPack([ir, bcp])
    expect(pack.later.map((p) => p.phase)).toEqual(['first-day', 'recovery', 'after'])
    expect(pack.later.flatMap((p) => p.roles.flatMap((g) => g.steps)).every((s) => !['invoke', 'first-hour'].includes(s.phase))).toBe(true)
    expect(pack.plans.map((p) => p.title)).toEqual([ir.plan.title, bcp.plan.title])
  })

  it('puts steps nobody is given last, says when no one holds a role, and leaves out what does not apply', () => {
    const { ir, bcp } = filledIn()
    const step = (text: string) => named(ir, text)
    step('Preserve evidence before changing anything').role = ''
    step('Post the holding statement').role = 'Press officer'
    step('Open the decision log').status = 'not-applicable'
    const pack = buildGrabPack([ir])
    const last = pack.firstHour.at(-1)
    expect(last?.role).toBe('')
    expect(last?.steps.map((s) => s.text)).toEqual(['Preserve evidence before changing anything'])
    expect(pack.firstHour.find((g) => g.role === 'Press officer')?.holders).toEqual([])
    expect(pack.firstHour.flatMap((g) => g.steps).map((s) => s.text)).not.toContain('Open the decision log')

    const trashed = { ...bcp, plan: { ...bcp.plan, deletedAt: ctx.now } }
    const retired = { ...ir, plan: { ...ir.plan, status: 'retired' as const } }
    const empty = buildGrabPack([trashed, retired])
    expect([empty.invoke, empty.firstHour, empty.callList, empty.functions, empty.later, empty.plans].every((x) => x.length === 0)).toBe(true)
  })
})

describe('where the backups and the plan copies are', () => {
  it('lists each record of a records section with its master copy, backups and how to reach them, as written', () => {
    const bcp = make('continuity')
    const row = named(bcp, 'Accounts and payroll records')
    Object.assign(row.values, {
      masterCopy: 'Accountant\u2019s system',
      backupCopy: 'Monthly PDF export, office safe',
      access: 'Login card in the safe',
      lastRestoreTest: '2026-10-01',
    })
    const pack = buildGrabPack([bcp])
    expect(pack.records.map((r) => r.name)).toEqual([
      'Customer and order database',
      'Email, calendars and shared files',
      'Accounts and payroll records',
      'This continuity plan',
    ])
    expect(pack.records.find((r) => r.id === row.id)).toMatchObject({
      masterCopy: 'Accountant\u2019s system',
      backupCopy: 'Monthly PDF export, office safe',
      access: 'Login card in the safe',
      lastRestoreTest: '2026-10-01',
    })
  })

  it('leaves out records marked not applicable, of retired plans, and a checklist that only looks like a records list', () => {
    const bcp = make('continuity')
    named(bcp, 'Accounts and payroll records').status = 'not-applicable'
    const records = bcp.sections.find((s) => s.role === 'records')
    if (!records) throw new Error('no records section')
    const lookalike = { ...records, id: 'look', role: 'checklist' as const }
    const copy = { ...named(bcp, 'This continuity plan'), id: 'look-item', sectionId: 'look' }
    const pack = buildGrabPack([{ ...bcp, sections: [...bcp.sections, lookalike], items: [...bcp.items, copy] }])
    expect(pack.records.map((r) => r.name)).toEqual(['Customer and order database', 'Email, calendars and shared files', 'This continuity plan'])
    expect(buildGrabPack([{ ...bcp, plan: { ...bcp.plan, status: 'retired' } }]).records).toEqual([])
  })
})
