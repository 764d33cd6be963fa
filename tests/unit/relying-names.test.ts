// The functions that rely on a supplier as the outputs read them (one read, src/db/link-queries.ts),
// on the real Dexie over fake-indexeddb: the same functions the supplier's row ticks on screen,
// retired plans' included and trashed plans' left out, as there.
import { describe, expect, it } from 'vitest'
import { listItems, listSections, toggleLink } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { relyingNames } from '../../src/db/link-queries'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { readFunctionsFor } from '../../src/db/supplier-functions'
import { continuityTemplate } from '../../src/templates/continuity'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'

async function rowsOf(planId: string, role: 'impact-analysis' | 'supplier-register') {
  const section = (await listSections(planId)).find((s) => s.role === role)
  return (await listItems(planId)).filter((i) => i.sectionId === section?.id)
}

/** What the supplier's row shows ticked, as "name (plan)". */
const onScreen = async (supplierId: string) => (await readFunctionsFor(supplierId)).filter((f) => f.relies).map((f) => `${f.name} (${f.planTitle})`)

describe('relyingNames', () => {
  it('names the functions the supplier row ticks, with their plan where names repeat, across live plans', async () => {
    const review = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    const [supplier] = await rowsOf(review, 'supplier-register')
    const plans = await Promise.all(['Head office', 'Retired copy', 'Trashed copy'].map((title) => createPlanFromTemplate(continuityTemplate, { title })))
    const fns = await Promise.all(plans.map(async (p) => (await rowsOf(p, 'impact-analysis'))[0]))
    if (!supplier || fns.some((f) => !f)) throw new Error('the templates have no register rows')
    for (const f of fns) if (f) await toggleLink(f.id, 'suppliers', supplier.id, true)
    await db.plans.update(plans[1] ?? '', { status: 'retired' })
    await db.plans.update(plans[2] ?? '', { deletedAt: new Date().toISOString() })

    const sections = await listSections(review)
    const names = [...((await relyingNames(sections)).get(supplier.id) ?? [])]
    // One name, two plans: each says its plan; the trashed plan's function is left out, as on screen.
    expect(names.sort()).toEqual((await onScreen(supplier.id)).sort())
    expect(names.sort()).toEqual([`${fns[0]?.text} (Head office)`, `${fns[1]?.text} (Retired copy)`])
    // A plan with no supplier register reads nothing.
    expect((await relyingNames(await listSections(plans[0] ?? ''))).size).toBe(0)
  })
})
