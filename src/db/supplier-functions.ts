// The function–supplier relation seen from the supplier's side. It is stored once, on each business
// function's "Suppliers it needs" links field; a supplier's row reads that field across every impact
// analysis and, when a function is ticked there, writes that same field.
import type { Plan, Section } from '../domain/model'
import { isImpactAnalysis, isSupplierRegister } from '../domain/registers'
import { ValidationError } from '../domain/validation-error'
import { toggleLink } from './checklist-repository'
import { db } from './database'
import { readRegisterRows } from './link-queries'
import { listPlans } from './plan-queries'
import * as writes from './writes'

/** The id of an impact analysis's links field to suppliers (see section-roles.ts). */
const SUPPLIERS_FIELD = 'suppliers'

const suppliersField = (section: Section) => section.fields.find((f) => f.id === SUPPLIERS_FIELD && f.type === 'links' && f.linksTo === 'supplier')

interface RelyingFunction {
  id: string
  name: string
  planTitle: string
  /** Whether the function names the supplier among the suppliers it needs. */
  relies: boolean
}

/** Every business function that could rely on the supplier, across all live plans, saying which do. */
export async function readFunctionsFor(supplierId: string): Promise<RelyingFunction[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const { plans, sections, items } = await readRegisterRows(listPlans(), (_plan: Plan, s: Section) => isImpactAnalysis(s) && suppliersField(s) !== undefined)
    const titles = new Map(plans.map((p) => [p.id, p.title]))
    const kept = new Set(sections.map((s) => s.id))
    return items
      .filter((i) => kept.has(i.sectionId) && i.id !== supplierId)
      .map((i) => {
        const linked = i.values[SUPPLIERS_FIELD]
        return { id: i.id, name: i.text, planTitle: titles.get(i.planId) ?? '', relies: Array.isArray(linked) && linked.includes(supplierId) }
      })
  })
}

/**
 * Records (or removes) that a function relies on a supplier, in the function's own "Suppliers it
 * needs" field: the same link as ticking the supplier on the function's row. One transaction.
 */
export async function setFunctionRelies(functionId: string, supplierId: string, on: boolean): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    const fn = await writes.items.require(functionId)
    const section = await db.sections.get(fn.sectionId)
    if (!section || !isImpactAnalysis(section)) throw new ValidationError([`"${fn.text}" is not a business function of an impact analysis`])
    if (!suppliersField(section)) throw new ValidationError([`The section "${section.title}" has no "Suppliers it needs" field to record this in`])
    const supplier = await writes.items.require(supplierId)
    const supplierSection = await db.sections.get(supplier.sectionId)
    if (!supplierSection || !isSupplierRegister(supplierSection)) throw new ValidationError([`"${supplier.text}" is not a supplier of a supplier register`])
    await toggleLink(functionId, SUPPLIERS_FIELD, supplierId, on)
  })
}
