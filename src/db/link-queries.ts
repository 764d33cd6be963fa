// Reads of the registers that links point into: the rows of supplier registers and impact analyses
// (for the dependency views and for the choices of a links field), and the names of linked rows,
// both ways: the rows a links field names, and the functions that name a supplier.
import { Dexie } from 'dexie'
import type { Item, Plan, Section } from '../domain/model'
import { isImpactAnalysis, isSupplierRegister } from '../domain/registers'
import { NO_RELYING, relyingFunctions, type RelyingNames } from '../domain/relying-functions'
import type { LinkTarget } from '../domain/vocabulary'
import { db } from './database'
import { listPlans } from './plan-queries'

interface LinkCandidate {
  id: string
  text: string
  planTitle: string
}

/**
 * The register sections of the given plans that `keep` picks, with their items in order. Only
 * those sections are read item by item; the sections are read while the plans are.
 */
export async function readRegisterRows(
  plansRead: Promise<readonly Plan[]>,
  keep: (plan: Plan, section: Section) => boolean,
): Promise<{ plans: readonly Plan[]; sections: Section[]; items: Item[] }> {
  const [plans, allSections] = await Promise.all([plansRead, db.sections.toArray()])
  const byId = new Map(plans.map((p) => [p.id, p]))
  const sections = allSections.filter((s) => {
    const plan = byId.get(s.planId)
    return plan !== undefined && keep(plan, s)
  })
  const items = (
    await Promise.all(sections.map((s) => db.items.where('[sectionId+order]').between([s.id, Dexie.minKey], [s.id, Dexie.maxKey]).toArray()))
  ).flat()
  return { plans, sections, items }
}

/** Every row a links field of this target may point at, across all live plans. */
export async function listLinkCandidates(target: LinkTarget): Promise<LinkCandidate[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const keep = (_plan: Plan, s: Section) => (target === 'supplier' ? isSupplierRegister(s) : isImpactAnalysis(s))
    const { plans, items } = await readRegisterRows(listPlans(), keep)
    const titles = new Map(plans.map((p) => [p.id, p.title]))
    return items.map((i) => ({ id: i.id, text: i.text, planTitle: titles.get(i.planId) ?? '' }))
  })
}

/** Names of items by id (for showing links), in one read; ids of removed rows are left out. */
export async function itemNames(ids: readonly string[]): Promise<Map<string, string>> {
  const rows = await db.items.bulkGet([...ids])
  const out = new Map<string, string>()
  for (const r of rows) if (r) out.set(r.id, r.text)
  return out
}

/**
 * For outputs of these sections: the functions that rely on each supplier of a supplier register
 * among them, across all live plans (retired ones too, as the supplier's row shows them), in one
 * read. Nothing is read when none of the sections is a supplier register.
 */
export async function relyingNames(sections: readonly Pick<Section, 'role'>[]): Promise<RelyingNames> {
  if (!sections.some(isSupplierRegister)) return NO_RELYING
  return db.transaction('r', db.plans, db.sections, db.items, async () =>
    relyingFunctions(await readRegisterRows(listPlans(), (_plan, s) => isImpactAnalysis(s))),
  )
}
