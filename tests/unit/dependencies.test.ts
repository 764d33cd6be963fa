import { describe, expect, it } from 'vitest'
import { analyseDependencies, fallbackGaps, findCycles, layoutDiagram, rankSuppliers, rowNamer } from '../../src/domain/dependencies'
import { collectRegisters, saysNone } from '../../src/domain/registers'
import { planFromTemplate } from '../../src/domain/plan-factory'
import { continuityTemplate } from '../../src/templates/continuity'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'
import { makeFunctionEntry, makeSupplierEntry } from '../support/factories'

const supplier = makeSupplierEntry
const fn = makeFunctionEntry

describe('dependency analysis', () => {
  it('flags concentration when one supplier is behind several critical functions', () => {
    const a = analyseDependencies({
      suppliers: [supplier('cloud'), supplier('bank')],
      functions: [
        fn('orders', { supplierIds: ['cloud'], rto: 240 }),
        fn('support', { supplierIds: ['cloud'], rto: 120 }),
        fn('invoicing', { supplierIds: ['bank', 'cloud'], impact: 'Medium', critical: false, rto: 60 }),
      ],
    })
    const cloud = a.suppliers.find((s) => s.supplier.id === 'cloud')
    expect(cloud?.concentration).toBe(true)
    expect(cloud?.criticalFunctions.map((f) => f.id)).toEqual(['orders', 'support'])
    expect(cloud?.direct).toHaveLength(3)
    // The tightest RTO counts every function that relies on the supplier, critical or not.
    expect(cloud?.tightestRto).toBe(60)
    const bank = a.suppliers.find((s) => s.supplier.id === 'bank')
    expect(bank?.concentration).toBe(false)
    expect(bank?.singlePoint).toBe(false)
    expect(a.links).toHaveLength(4)
  })

  it('flags a single point of failure: a critical function whose supplier has no alternative or no exit plan', () => {
    const a = analyseDependencies({
      suppliers: [
        supplier('dns', { alternative: 'None; keep renewal automatic', exitPlan: '' }),
        supplier('av', { alternative: '', exitPlan: 'Recovery mode steps' }),
        supplier('ok'),
      ],
      functions: [
        fn('web', { supplierIds: ['dns', 'ok'] }),
        fn('laptops', { supplierIds: ['av'] }),
        fn('minor', { critical: false, impact: 'Low', supplierIds: ['dns'] }),
      ],
    })
    const by = new Map(a.suppliers.map((s) => [s.supplier.id, s]))
    expect(by.get('dns')?.singlePoint).toBe(true)
    expect(by.get('dns')?.gaps).toEqual(['no alternative', 'no exit plan'])
    expect(by.get('av')?.singlePoint).toBe(true)
    expect(by.get('av')?.gaps).toEqual(['no alternative'])
    expect(by.get('ok')?.singlePoint).toBe(false)
    const web = a.functions.find((f) => f.fn.id === 'web')
    expect(web?.singlePoints.map((s) => s.id)).toEqual(['dns'])
    expect(a.functions.find((f) => f.fn.id === 'minor')?.singlePoints).toEqual([])
  })

  it('does not flag a supplier without fallback that no critical function relies on', () => {
    const a = analyseDependencies({
      suppliers: [supplier('x', { alternative: '', exitPlan: '' })],
      functions: [fn('f', { critical: false, impact: 'Low', supplierIds: ['x'] })],
    })
    expect(a.suppliers[0]?.singlePoint).toBe(false)
    expect(a.suppliers[0]?.gaps).toHaveLength(2)
  })

  it('counts suppliers reached through the functions a function needs', () => {
    const a = analyseDependencies({
      suppliers: [supplier('email')],
      functions: [
        fn('coordinate', { supplierIds: ['email'], rto: 120 }),
        fn('orders', { dependsOn: ['coordinate'], rto: 60 }),
        fn('payroll', { dependsOn: ['coordinate'] }),
      ],
    })
    const email = a.suppliers[0]
    expect(email?.direct.map((f) => f.id)).toEqual(['coordinate'])
    expect(email?.indirect.map((f) => f.id).sort()).toEqual(['orders', 'payroll'])
    expect(email?.concentration).toBe(true)
    expect(email?.tightestRto).toBe(60)
    expect(a.functions.find((f) => f.fn.id === 'orders')?.indirectSuppliers.map((s) => s.id)).toEqual(['email'])
  })

  it('reports circles in function dependencies instead of looping', () => {
    const a = analyseDependencies({
      suppliers: [supplier('s')],
      functions: [
        fn('a', { dependsOn: ['b'], supplierIds: ['s'] }),
        fn('b', { dependsOn: ['c'] }),
        fn('c', { dependsOn: ['a'] }),
        fn('d', { dependsOn: ['d'] }),
        fn('e', { dependsOn: ['a'] }),
      ],
    })
    expect(a.cycles).toHaveLength(2)
    const abc = a.cycles.find((c) => c.length === 3)
    expect(abc && [...abc].sort()).toEqual(['a', 'b', 'c'])
    // The path is a real circle: each depends on the next, the last on the first.
    const deps = new Map([
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'a'],
    ])
    abc?.forEach((id, i) => expect(deps.get(id)).toBe(abc[(i + 1) % abc.length]))
    expect(a.cycles).toContainEqual(['d'])
    const inCycle = a.functions
      .filter((f) => f.inCycle)
      .map((f) => f.fn.id)
      .sort()
    expect(inCycle).toEqual(['a', 'b', 'c', 'd'])
    // Everyone in the circle (and e, which depends on it) reaches supplier s exactly once.
    expect(a.suppliers[0]?.indirect.map((f) => f.id).sort()).toEqual(['b', 'c', 'e'])
  })

  it('finds circles in a long chain without overflowing the stack', () => {
    const n = 20_000
    const ids = Array.from({ length: n }, (_, i) => `f${i}`)
    const edges = new Map(ids.map((id, i) => [id, [ids[(i + 1) % n] as string]]))
    const cycles = findCycles(ids, edges)
    expect(cycles).toHaveLength(1)
    expect(cycles[0]).toHaveLength(n)
  })

  it('counts links to rows that are gone, and ignores them', () => {
    const a = analyseDependencies({ suppliers: [supplier('s')], functions: [fn('f', { supplierIds: ['s', 'gone'], dependsOn: ['nowhere'] })] })
    expect(a.functions[0]?.missingLinks).toBe(2)
    expect(a.functions[0]?.suppliers).toHaveLength(1)
    expect(a.functionLinks).toEqual([])
  })

  it('marks critical functions without an RTO or a workaround', () => {
    const a = analyseDependencies({
      suppliers: [],
      functions: [fn('a', { rto: null, workaround: 'none' }), fn('b', { critical: false, impact: 'Low', rto: null, workaround: '' })],
    })
    expect(a.functions[0]).toMatchObject({ noRto: true, noWorkaround: true })
    expect(a.functions[1]).toMatchObject({ noRto: false, noWorkaround: false })
  })

  it('reads "none", "n/a", "-" and empty as no fallback, and real text as one', () => {
    for (const t of ['', '  ', 'None', 'none; keep it secure', 'N/A', 'n/a', '-', '—', 'TBC', 'no']) expect(saysNone(t), t).toBe(true)
    for (const t of ['Second provider', 'Nonesuch Ltd', 'Notebook and phone', 'Bank transfer']) expect(saysNone(t), t).toBe(false)
    expect(fallbackGaps({ alternative: 'x', exitPlan: 'y' })).toEqual([])
  })

  it('ranks flagged suppliers first and lays out functions near their suppliers', () => {
    const a = analyseDependencies({
      suppliers: [supplier('quiet', { name: 'A quiet one' }), supplier('busy', { name: 'Busy', alternative: '' })],
      functions: [
        fn('f1', { supplierIds: ['quiet'], critical: false, impact: 'Low' }),
        fn('f2', { supplierIds: ['busy'] }),
        fn('f3', { supplierIds: ['busy'] }),
        fn('lonely'),
      ],
    })
    expect(rankSuppliers(a.suppliers).map((s) => s.supplier.id)).toEqual(['busy', 'quiet'])
    const layout = layoutDiagram(a, 20, 30)
    expect(layout.suppliers.map((r) => r.id)).toEqual(['busy', 'quiet'])
    expect(layout.functions.map((r) => r.id)).toEqual(['f2', 'f3', 'f1', 'lonely'])
    expect(layout.functions[0]?.y).toBe(40)
    expect(layout.height).toBe(30 + 4 * 20 + 8)
  })

  it('reads the registers of the built-in templates, linked through the new fields', () => {
    let n = 0
    const ctx = { newId: () => `id-${++n}`, now: '2026-01-01T00:00:00.000Z' }
    const sup = planFromTemplate(supplierReviewTemplate, ctx)
    const bcp = planFromTemplate(continuityTemplate, ctx)
    const cloud = sup.items.find((i) => i.text === 'Cloud hosting provider')
    const orders = bcp.items.find((i) => i.text === 'Take customer orders')
    const support = bcp.items.find((i) => i.text === 'Answer customer support')
    if (!cloud || !orders || !support) throw new Error('template rows missing')
    orders.values.suppliers = [cloud.id]
    support.values.suppliers = [cloud.id]
    support.values.dependsOn = [orders.id]
    const registers = collectRegisters([sup.plan, bcp.plan], [...sup.sections, ...bcp.sections], [...sup.items, ...bcp.items])
    expect(registers.suppliers.length).toBeGreaterThanOrEqual(8)
    expect(registers.functions.map((f) => f.name)).toContain('Take customer orders')
    const s = registers.suppliers.find((x) => x.id === cloud.id)
    expect(s).toMatchObject({ criticality: 'Critical', planTitle: sup.plan.title })
    const f = registers.functions.find((x) => x.id === support.id)
    expect(f).toMatchObject({ critical: true, rto: 240, supplierIds: [cloud.id], dependsOn: [orders.id] })
    const a = analyseDependencies(registers)
    expect(a.suppliers.find((x) => x.supplier.id === cloud.id)?.concentration).toBe(true)
  })

  it('leaves out trashed plans and rows marked not applicable', () => {
    let n = 0
    const ctx = { newId: () => `id-${++n}`, now: '2026-01-01T00:00:00.000Z' }
    const sup = planFromTemplate(supplierReviewTemplate, ctx)
    const first = sup.items.find((i) => i.text === 'Cloud hosting provider')
    if (!first) throw new Error('missing')
    first.status = 'not-applicable'
    const live = collectRegisters([sup.plan], sup.sections, sup.items)
    expect(live.suppliers.some((s) => s.id === first.id)).toBe(false)
    const trashed = collectRegisters([{ ...sup.plan, deletedAt: '2026-01-02T00:00:00.000Z' }], sup.sections, sup.items)
    expect(trashed.suppliers).toEqual([])
  })
})

describe('rows that share a name', () => {
  it('name their plan only where a name repeats', () => {
    const rows = [
      { name: 'Customer portal', planTitle: 'BCP' },
      { name: 'customer  portal ', planTitle: 'BCP (imported copy)' },
      { name: 'Payroll', planTitle: 'BCP' },
    ]
    const namer = rowNamer(rows)
    expect(rows.map(namer.label)).toEqual(['Customer portal (BCP)', 'customer  portal  (BCP (imported copy))', 'Payroll'])
    expect(rows.map(namer.repeats)).toEqual([true, true, false])
  })
})
