import { describe, expect, it } from 'vitest'
import { buildGrabPack } from '../../src/domain/grab-pack'
import { planFromTemplate } from '../../src/domain/plan-factory'
import { BUILTIN_TEMPLATES } from '../../src/templates/index'

let n = 0
const ctx = { newId: () => `id-${++n}`, now: '2026-11-28T10:00:00.000Z' }
const template = (kind: string) => {
  const t = BUILTIN_TEMPLATES.find((x) => x.kind === kind)
  if (!t) throw new Error(kind)
  return t
}

describe('the grab pack', () => {
  it('gathers contact trees, incident steps, critical suppliers and impact targets from the templates', () => {
    const ir = planFromTemplate(template('incident-response'), ctx)
    const bcp = planFromTemplate(template('continuity'), ctx)
    const sup = planFromTemplate(template('supplier-review'), ctx)
    const register = sup.sections.find((s) => s.fields.some((f) => f.id === 'criticality'))
    const suppliers = sup.items.filter((i) => i.sectionId === register?.id)
    suppliers.forEach((item, index) => (item.values.criticality = index === 0 ? 'Critical' : 'Low'))
    const pack = buildGrabPack([ir, bcp, sup])

    expect(pack.contacts.map((t) => t.sectionTitle)).toContain('Contact tree')
    expect(pack.targets).toHaveLength(1)
    expect(pack.targets[0]?.columns).toEqual(expect.arrayContaining(['RTO', 'MTPD']))
    expect(pack.targets[0]?.rows[0]).toContain('4h')
    expect(pack.suppliers).toHaveLength(1)
    expect(pack.suppliers[0]?.rows.map((r) => r[0])).toEqual([suppliers[0]?.text])
    expect(pack.steps).toHaveLength(1)
    expect(pack.steps[0]?.sections.length).toBeGreaterThanOrEqual(3)
  })

  it('leaves out trashed and retired plans and not-applicable items', () => {
    const bcp = planFromTemplate(template('continuity'), ctx)
    const trashed = { ...bcp, plan: { ...bcp.plan, deletedAt: ctx.now } }
    expect(buildGrabPack([trashed]).contacts).toHaveLength(0)
    const retired = { ...bcp, plan: { ...bcp.plan, status: 'retired' as const } }
    expect(buildGrabPack([retired]).targets).toHaveLength(0)
    const bia = bcp.sections.find((s) => s.fields.some((f) => f.label === 'RTO'))
    const rows = bcp.items.filter((i) => i.sectionId === bia?.id)
    rows.forEach((i) => (i.status = 'not-applicable'))
    expect(buildGrabPack([bcp]).targets[0]?.rows).toEqual([])
  })

  it('names every linked supplier and function, from any plan, and says "removed" only for rows gone', () => {
    const bcp = planFromTemplate(template('continuity'), ctx)
    const sup = planFromTemplate(template('supplier-review'), ctx)
    const register = sup.sections.find((s) => s.fields.some((f) => f.id === 'criticality'))
    const supplier = sup.items.find((i) => i.sectionId === register?.id)
    const bia = bcp.sections.find((s) => s.fields.some((f) => f.label === 'RTO'))
    const [first, second] = bcp.items.filter((i) => i.sectionId === bia?.id)
    if (!supplier || !first || !second || !bia) throw new Error('template changed')
    first.values.suppliers = [supplier.id, 'in-the-trash', 'gone']
    first.values.dependsOn = [second.id]
    const pack = buildGrabPack([bcp, sup], new Map([['in-the-trash', 'Old host']]))
    const table = pack.targets[0]
    const row = table?.rows.find((r) => r[0] === first.text)
    const col = (label: string) => table?.columns.indexOf(bia.fields.find((f) => f.id === label)?.label ?? '') ?? -1
    expect(row?.[col('suppliers')]).toBe(`${supplier.text}, Old host, a removed item`)
    expect(row?.[col('dependsOn')]).toBe(second.text)
  })
})
