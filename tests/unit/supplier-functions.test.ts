// The function–supplier relation edited from both sides, on the real Dexie over fake-indexeddb.
import { describe, expect, it } from 'vitest'
import { listItems, listSections, toggleLink } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { readDependencyAnalysis } from '../../src/db/dependency-queries'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { readFunctionsFor, setFunctionRelies } from '../../src/db/supplier-functions'
import { continuityTemplate } from '../../src/templates/continuity'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'

/** The rows of the first section of each plan with the given role. */
async function rowsOf(planId: string, role: 'impact-analysis' | 'supplier-register') {
  const section = (await listSections(planId)).find((s) => s.role === role)
  return (await listItems(planId)).filter((i) => i.sectionId === section?.id)
}

async function setUp() {
  const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
  const review = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
  const [fn, other] = await rowsOf(bcp, 'impact-analysis')
  const [supplier, second] = await rowsOf(review, 'supplier-register')
  if (!fn || !other || !supplier || !second) throw new Error('the templates have no register rows')
  // Start from no links, whatever the template holds.
  for (const f of await rowsOf(bcp, 'impact-analysis')) await db.items.update(f.id, { 'values.suppliers': null })
  return { fn, other, supplier, second }
}

const suppliersOf = async (id: string) => (await db.items.get(id))?.values.suppliers ?? null

describe('functions that rely on a supplier', () => {
  it('ticked on the supplier is the same link as ticked on the function, and the other way round', async () => {
    const { fn, other, supplier, second } = await setUp()
    expect((await readFunctionsFor(supplier.id)).filter((f) => f.relies)).toEqual([])

    await toggleLink(fn.id, 'suppliers', second.id, true)
    await setFunctionRelies(fn.id, supplier.id, true)
    // Written on the function, beside the link it already had.
    expect(await suppliersOf(fn.id)).toEqual([second.id, supplier.id])
    expect((await readFunctionsFor(supplier.id)).filter((f) => f.relies).map((f) => f.name)).toEqual([fn.text])
    const analysis = await readDependencyAnalysis()
    expect(analysis.suppliers.find((s) => s.supplier.id === supplier.id)?.direct.map((f) => f.id)).toEqual([fn.id])

    // Unticked from the function's side: the supplier's side shows it at once.
    await toggleLink(fn.id, 'suppliers', supplier.id, false)
    await setFunctionRelies(other.id, supplier.id, true)
    expect((await readFunctionsFor(supplier.id)).filter((f) => f.relies).map((f) => f.id)).toEqual([other.id])
    expect(await suppliersOf(fn.id)).toEqual([second.id])

    // Unticked from the supplier's side.
    await setFunctionRelies(other.id, supplier.id, false)
    expect(await suppliersOf(other.id)).toBeNull()
  })

  it('refuses, with a message and nothing changed, a row that is not a function or not a supplier', async () => {
    const { fn, supplier, second } = await setUp()
    const before = JSON.stringify(await db.items.toArray())
    await expect(setFunctionRelies(second.id, supplier.id, true)).rejects.toThrow(/is not a business function/)
    await expect(setFunctionRelies(fn.id, fn.id, true)).rejects.toThrow(/is not a supplier/)
    await expect(setFunctionRelies('gone', supplier.id, true)).rejects.toThrow(/no longer exists/)
    expect(JSON.stringify(await db.items.toArray())).toBe(before)
  })
})
