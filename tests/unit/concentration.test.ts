import { describe, expect, it } from 'vitest'
import { analyseDependencies, rowNamer } from '../../src/domain/dependencies'
import { collectRegisters } from '../../src/domain/registers'
import { makeFunctionEntry, makeItemRow, makePlanRow, makeSectionRow, makeSupplierEntry } from '../support/factories'
import {
  analyseChains,
  layoutProviders,
  providerKey,
  providerSentence,
  routeWords,
  supplyChains,
  type ChainFunction,
  type ChainSupplier,
  type ChainUse,
} from '../../src/domain/concentration'

const sup = (name: string, over: Partial<ChainSupplier> = {}): ChainSupplier => ({ id: name, name, runsOn: [], platform: '', region: '', ...over })
const fn = (id: string, supplierIds: string[], critical = true): ChainUse<ChainFunction> => ({ fn: { id, critical }, supplierIds })

describe('concentration through the supply chain', () => {
  it('finds the provider two "different" suppliers share, and says through which', () => {
    const suppliers = [
      sup('Microsoft 365', { platform: 'Microsoft Azure', region: 'West Europe' }),
      sup('Web host Ltd', { runsOn: ['Microsoft 365'] }),
      sup('Payroll SaaS', { platform: '  microsoft   AZURE ', region: 'North Europe' }),
      sup('Bank'),
    ]
    const a = analyseChains(suppliers, [
      fn('Email', ['Microsoft 365']),
      fn('Website', ['Web host Ltd']),
      fn('Payroll', ['Payroll SaaS', 'Bank']),
      fn('Filing', ['Bank'], false),
    ])
    expect(a.providers).toHaveLength(1)
    const azure = a.providers[0]
    expect(azure?.name).toBe('Microsoft Azure')
    expect(azure?.kind).toBe('platform')
    expect(azure?.regions).toEqual(['West Europe', 'North Europe'])
    expect(azure?.criticalFunctions.map((d) => d.fn.id)).toEqual(['Email', 'Website', 'Payroll'])
    expect(azure?.concentration).toBe(true)
    expect(azure && providerSentence(azure)).toBe(
      '3 critical functions depend on Microsoft Azure — directly through Microsoft 365 and Payroll SaaS, and through Web host Ltd.',
    )
    const website = azure?.functions.find((d) => d.fn.id === 'Website')
    expect(website && azure && routeWords(website.routes[0] as never, azure)).toBe('Web host Ltd → Microsoft 365 → Microsoft Azure')
    expect(a.cycles).toEqual([])
  })

  it('follows chains deeper than one step, to a supplier that runs on nothing', () => {
    const a = analyseChains(
      [
        sup('Shop'),
        sup('Agency', { runsOn: ['Reseller'] }),
        sup('Reseller', { runsOn: ['Datacentre'] }),
        sup('Datacentre'),
        sup('CRM', { runsOn: ['Datacentre'] }),
      ],
      [fn('Sales', ['Agency']), fn('Support', ['CRM']), fn('Stock', ['Shop'])],
    )
    const dc = a.providers.find((p) => p.name === 'Datacentre')
    expect(dc?.kind).toBe('supplier')
    expect(dc?.criticalFunctions.map((d) => d.fn.id)).toEqual(['Sales', 'Support'])
    expect(dc?.suppliers.map((r) => [r.path.map((s) => s.id).join('>'), r.between])).toEqual([
      ['CRM>Datacentre', 0],
      ['Reseller>Datacentre', 0],
      ['Agency>Reseller>Datacentre', 1],
    ])
    expect(dc && providerSentence(dc)).toBe('2 critical functions depend on Datacentre — through Agency and CRM.')
    // A supplier that carries nobody is not a fourth party.
    expect(a.providers.map((p) => p.name)).toEqual(['Datacentre'])
  })

  it('says "directly" when functions name the provider itself', () => {
    const a = analyseChains([sup('Cloud'), sup('App', { runsOn: ['Cloud'] })], [fn('A', ['Cloud']), fn('B', ['App'])])
    const cloud = a.providers[0]
    expect(cloud && providerSentence(cloud)).toBe('2 critical functions depend on Cloud — directly, and through App.')
  })

  it('counts a function once per provider, however many of its suppliers lead there', () => {
    const a = analyseChains([sup('A', { platform: 'AWS' }), sup('B', { platform: 'aws' })], [fn('One', ['A', 'B']), fn('Two', ['B'], false)])
    const aws = a.providers[0]
    expect(aws?.functions.map((d) => [d.fn.id, d.routes.length])).toEqual([
      ['One', 2],
      ['Two', 1],
    ])
    expect(aws?.concentration).toBe(false)
    expect(aws && providerSentence(aws)).toBe('1 critical function depends on AWS — directly through A and B.')
  })

  it('reports a circle of suppliers running on each other, named, without looping', () => {
    const suppliers = [
      sup('Hoster', { runsOn: ['Backup Co'] }),
      sup('Backup Co', { runsOn: ['Hoster'], platform: 'Google Cloud' }),
      sup('Loner', { runsOn: ['Loner'] }),
      sup('Front', { runsOn: ['Hoster', 'gone'] }),
    ]
    const a = analyseChains(suppliers, [fn('Web', ['Front']), fn('Mail', ['Hoster'])])
    expect(a.cycles.map((c) => c.map((s) => s.name))).toEqual([['Hoster', 'Backup Co'], ['Loner']])
    // The way out of the circle still leads to the platform.
    const google = a.providers.find((p) => p.key === 'platform:google cloud')
    expect(google?.criticalFunctions.map((d) => d.fn.id)).toEqual(['Web', 'Mail'])
    expect(google?.through.map((s) => s.name)).toEqual(['Front', 'Hoster'])
    // A circle with no way out ends on no provider.
    expect(a.providers.some((p) => p.name === 'Loner')).toBe(false)
  })

  it('follows a chain hundreds of suppliers deep', () => {
    const n = 300
    const chain = Array.from({ length: n }, (_, i) => sup(`s${i}`, i === n - 1 ? { platform: 'Edge' } : { runsOn: [`s${i + 1}`] }))
    const a = analyseChains(chain, [fn('f', ['s0']), fn('g', ['s1'])])
    expect(a.providers[0]?.criticalFunctions).toHaveLength(2)
    expect(a.providers[0]?.suppliers).toHaveLength(n)
    expect(a.providers[0]?.through.map((s) => s.id)).toEqual(['s0', 's1'])
    expect(a.providers[0]?.suppliers.at(-1)?.between).toBe(n - 1)
  })

  it('compares provider names without case or extra spaces', () => {
    expect(providerKey('  Microsoft   Azure ')).toBe(providerKey('microsoft azure'))
  })
})

describe('the chains of the registers analysed', () => {
  it("counts a function that needs another function on the provider of that function's supplier", () => {
    const s = (id: string, platform: string) => makeSupplierEntry(id, { planId: 'p', planTitle: 'P', alternative: 'x', exitPlan: 'y', platform })
    const f = (id: string, supplierIds: string[], dependsOn: string[] = []) =>
      makeFunctionEntry(id, { planId: 'p', planTitle: 'P', impact: 'High', rto: null, workaround: '', supplierIds, dependsOn })
    const chains = supplyChains(
      analyseDependencies({ suppliers: [s('Shop host', 'AWS'), s('Mail', 'Azure')], functions: [f('Web', ['Shop host']), f('Orders', [], ['Web'])] }),
    )
    expect(chains.providers.map((p) => [p.name, p.criticalFunctions.map((d) => d.fn.id)])).toEqual([
      ['AWS', ['Web', 'Orders']],
      ['Azure', []],
    ])
  })
})

describe('an imported copy and a retired plan', () => {
  it('a retired copy leaves the count; a live copy counts apart, each row naming its plan', () => {
    const registerRows = (title: string, status: 'active' | 'retired') => {
      const plan = makePlanRow({ title, status })
      const sup = makeSectionRow({ planId: plan.id, role: 'supplier-register' })
      const bia = makeSectionRow({ planId: plan.id, role: 'impact-analysis' })
      const suite = makeItemRow({ planId: plan.id, sectionId: sup.id, text: 'Office suite', values: { platform: 'Microsoft Azure' } })
      const fns = ['Customer portal', 'Email'].map((text) =>
        makeItemRow({ planId: plan.id, sectionId: bia.id, text, values: { impact: 'Critical', suppliers: [suite.id] } }),
      )
      return { plans: [plan], sections: [sup, bia], items: [suite, ...fns] }
    }
    const all = (...parts: ReturnType<typeof registerRows>[]) =>
      collectRegisters(
        parts.flatMap((p) => p.plans),
        parts.flatMap((p) => p.sections),
        parts.flatMap((p) => p.items),
      )
    const original = registerRows('BCP', 'active')
    const retired = registerRows('BCP (imported copy)', 'retired')
    const azure = (registers: ReturnType<typeof collectRegisters>) => supplyChains(analyseDependencies(registers)).providers[0]

    expect(azure(all(original, retired))?.criticalFunctions.map((d) => d.fn.name)).toEqual(['Customer portal', 'Email'])

    const live = registerRows('BCP (imported copy 2)', 'active')
    const registers = all(original, live)
    const names = rowNamer(registers.functions)
    expect(azure(registers)?.criticalFunctions.map((d) => names.label(d.fn))).toEqual([
      'Customer portal (BCP)',
      'Email (BCP)',
      'Customer portal (BCP (imported copy 2))',
      'Email (BCP (imported copy 2))',
    ])
  })
})

describe('the providers layer of the diagram', () => {
  it('places each provider beside its suppliers, a row apart at least', () => {
    const a = analyseChains(
      [sup('A', { platform: 'P1' }), sup('B', { platform: 'P2' }), sup('C', { platform: 'P2' }), sup('D', { platform: 'P3' })],
      [fn('f', ['A', 'B', 'C', 'D'])],
    )
    const y = new Map([
      ['A', 100],
      ['B', 300],
      ['C', 340],
      ['D', 310],
    ])
    const rows = layoutProviders(a.providers, y, 22, 30)
    expect(rows.map((r) => [r.key, r.y])).toEqual([
      ['platform:p1', 100],
      ['platform:p3', 310],
      ['platform:p2', 332],
    ])
  })
})
