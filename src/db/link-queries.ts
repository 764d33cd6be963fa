// The rows a links field may point at: suppliers from every supplier register, or business
// functions from every impact analysis, across all live plans.
import { isImpactAnalysis, isSupplierRegister } from '../domain/registers'
import type { LinkTarget } from '../domain/vocabulary'
import { db } from './database'

export interface LinkCandidate {
  id: string
  text: string
  planTitle: string
}

export async function listLinkCandidates(target: LinkTarget): Promise<LinkCandidate[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const plans = new Map((await db.plans.toArray()).filter((p) => p.deletedAt === null).map((p) => [p.id, p]))
    const sections = (await db.sections.toArray()).filter((s) => {
      const plan = plans.get(s.planId)
      return plan && (target === 'supplier' ? isSupplierRegister(plan, s) : isImpactAnalysis(s))
    })
    const out: LinkCandidate[] = []
    for (const s of sections) {
      const items = await db.items.where('[sectionId+order]').between([s.id, -Infinity], [s.id, Infinity]).toArray()
      for (const i of items) out.push({ id: i.id, text: i.text, planTitle: plans.get(s.planId)?.title ?? '' })
    }
    return out
  })
}
