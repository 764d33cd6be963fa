import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../src/domain/drill-model'
import type { Item } from '../../src/domain/model'
import { planFromTemplate, type PlanRows } from '../../src/domain/plan-factory'
import { buildQuickCard, quickCardLinks, type QuickCard } from '../../src/domain/quick-cards'
import { BUILTIN_TEMPLATES } from '../../src/templates/index'
import { BUILTIN_SCENARIOS, findBuiltinScenario } from '../../src/templates/scenarios/index'

let n = 0
const ctx = { newId: () => `id-${++n}`, now: '2026-11-28T10:00:00.000Z' }
const make = (kind: string): PlanRows => {
  const t = BUILTIN_TEMPLATES.find((x) => x.kind === kind)
  if (!t) throw new Error(kind)
  return planFromTemplate(t, ctx)
}
const named = (plan: PlanRows, text: string): Item => {
  const item = plan.items.find((i) => i.text === text)
  if (!item) throw new Error(`no item "${text}"`)
  return item
}
const scenario = (id: string): Scenario => {
  const s = findBuiltinScenario(id)
  if (!s) throw new Error(id)
  return s
}

/** Two suppliers on one cloud platform behind two critical functions; payroll software behind paying staff. */
function plans() {
  const ir = make('incident-response')
  const bcp = make('continuity')
  const sup = make('supplier-review')
  const hosting = named(sup, 'Cloud hosting provider')
  const suite = named(sup, 'Email and office suite')
  const payroll = named(sup, 'Accounting and payroll software')
  Object.assign(hosting.values, { platform: 'Microsoft Azure', region: 'West Europe', supportLine: '0800 123 4567', statusPage: 'https://status.example.com' })
  Object.assign(suite.values, { platform: 'microsoft  azure' })
  named(bcp, 'Take customer orders').values.suppliers = [hosting.id]
  named(bcp, 'Coordinate staff and internal communication').values.suppliers = [suite.id]
  named(bcp, 'Pay staff').values.suppliers = [payroll.id]
  const crisis = bcp.items.find((i) => i.values.role === 'Crisis lead')
  if (!crisis) throw new Error('no crisis lead')
  crisis.text = 'Dana Whitfield'
  return { ir, bcp, sup, hosting, suite, payroll }
}

const stopNames = (card: QuickCard | null) => card?.stops.map((s) => s.fn.name) ?? []
const stepTexts = (card: QuickCard | null) => card?.steps.flatMap((g) => g.steps.map((s) => s.text)) ?? []

describe('quick cards', () => {
  it('exist for the four built-in scenarios', () => {
    expect(quickCardLinks(BUILTIN_SCENARIOS).map((c) => c.name)).toEqual([
      'Cloud provider down',
      'Laptops stopped by an update',
      'Online service down',
      'Ransomware',
    ])
    const written = { ...scenario('scenario-ransomware'), id: 'my-own' }
    expect(quickCardLinks([written])).toEqual([])
    expect(buildQuickCard(written, [])).toBeNull()
  })

  it('cloud provider down: the provider most critical functions run on, what stops through it, and whom to call', () => {
    const { ir, bcp, sup, hosting, suite } = plans()
    const card = buildQuickCard(scenario('scenario-cloud-ddos'), [ir, bcp, sup])
    expect(card?.down).toMatch(/^Microsoft Azure \(West Europe\), which 2 critical functions rely on/)
    expect(stopNames(card)).toEqual(['Coordinate staff and internal communication', 'Take customer orders'])
    expect(card?.stops[1]?.fn.workaround).toBe('Take orders by phone on paper order forms and enter them once systems return')
    expect(card?.stops[1]?.because).toEqual([hosting.text])
    expect(card?.suppliers.map((s) => s.name).sort()).toEqual([hosting.text, suite.text].sort())
    expect(card?.suppliers.find((s) => s.id === hosting.id)).toMatchObject({ supportLine: '0800 123 4567', statusPage: 'https://status.example.com' })
    // The first steps of every plan the scenario exercises, invoking first.
    expect(card?.steps.flatMap((g) => g.steps).every((s) => s.phase === 'invoke' || s.phase === 'first-hour')).toBe(true)
    expect(stepTexts(card)).toEqual(expect.arrayContaining(['Call the incident lead', 'Decide whether to invoke the plan', "Check the supplier's status page"]))
    expect(card?.call.map((h) => h.name)).toContain('Dana Whitfield')
  })

  it('online service down: any key supplier, with only the plans that scenario exercises', () => {
    const { ir, bcp, sup, payroll } = plans()
    const card = buildQuickCard(scenario('scenario-saas-outage'), [ir, bcp, sup])
    expect(card?.down).toContain(payroll.text)
    expect(stopNames(card)).toEqual(expect.arrayContaining(['Take customer orders', 'Pay staff']))
    expect(stepTexts(card)).not.toContain('Declare the incident and its severity')
    expect(stepTexts(card)).toContain("Call the supplier's support line and record the case reference")
  })

  it('laptops stopped or ransomware: every business function, critical first, with its workaround', () => {
    const { ir, bcp, sup } = plans()
    const card = buildQuickCard(scenario('scenario-ransomware'), [ir, bcp, sup])
    const functions = bcp.items.filter((i) => bcp.sections.find((s) => s.id === i.sectionId)?.role === 'impact-analysis')
    expect(card?.stops).toHaveLength(functions.length)
    const critical = card?.stops.map((s) => s.fn.critical) ?? []
    expect(critical).toEqual([...critical].sort((a, b) => Number(b) - Number(a)))
    expect(card?.stops.every((s) => s.fn.workaround !== '')).toBe(true)
    // Ransomware exercises incident response and continuity: no supplier review steps.
    expect(stepTexts(card)).toContain('Declare the incident and its severity')
    expect(stepTexts(card)).not.toContain("Check the supplier's status page")
  })

  it('says so when the plans hold nothing for it', () => {
    const card = buildQuickCard(scenario('scenario-cloud-ddos'), [])
    expect(card).toMatchObject({ down: 'Your main cloud provider', everything: false, stops: [], steps: [], call: [], suppliers: [] })
    expect(buildQuickCard(scenario('scenario-ransomware'), [])).toMatchObject({ everything: true, stops: [] })
  })
})
