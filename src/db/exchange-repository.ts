// Reading plans out for export and writing an imported document in, all or nothing.
import { buildExportDocument, planRowsOf, type ExportDocument, type PlanBundle } from '../domain/export-format'
import { db } from './database'
import { newId, nowIso } from './clock'

async function bundleOf(planId: string): Promise<PlanBundle | undefined> {
  const plan = await db.plans.get(planId)
  if (!plan) return undefined
  const sections = await db.sections.where('planId').equals(planId).toArray()
  const items = await db.items.where('planId').equals(planId).toArray()
  return { plan, sections, items }
}

/** Every live plan with its sections and items, for views that span all plans. */
export async function readLiveBundles(): Promise<PlanBundle[]> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const plans = (await db.plans.toArray()).filter((p) => p.deletedAt === null)
    const [sections, items] = await Promise.all([db.sections.toArray(), db.items.toArray()])
    return plans.map((plan) => ({ plan, sections: sections.filter((s) => s.planId === plan.id), items: items.filter((i) => i.planId === plan.id) }))
  })
}

/** The export document of the given plans, or of every plan (the trash only when asked). */
export async function exportPlans(options: { planIds?: readonly string[]; includeTrash?: boolean }, appVersion: string): Promise<ExportDocument> {
  return db.transaction('r', db.plans, db.sections, db.items, async () => {
    const ids = options.planIds ?? (await db.plans.toArray()).filter((p) => options.includeTrash || p.deletedAt === null).map((p) => p.id)
    const bundles = (await Promise.all(ids.map(bundleOf))).filter((b): b is PlanBundle => b !== undefined)
    return buildExportDocument(bundles, nowIso(), appVersion)
  })
}

export interface ImportPreview {
  plans: { id: string; title: string; sections: number; items: number; existing: string | null }[]
  items: number
  conflicts: number
}

/** What an import would do: each plan, and whether a plan with its id is already here. */
export async function previewImport(doc: ExportDocument): Promise<ImportPreview> {
  const existing = await db.plans.bulkGet(doc.plans.map((p) => p.id))
  const plans = doc.plans.map((p, i) => ({ id: p.id, title: p.title, sections: p.sections.length, items: p.items.length, existing: existing[i]?.title ?? null }))
  return { plans, items: plans.reduce((n, p) => n + p.items, 0), conflicts: plans.filter((p) => p.existing !== null).length }
}

/** replace: a plan with the same id is overwritten. copy: such a plan is added again with new ids. */
export type ConflictMode = 'replace' | 'copy'

export interface ImportResult {
  added: number
  replaced: number
  copied: number
}

function withNewIds(bundle: PlanBundle, titleSuffix: string, planId = newId()): PlanBundle {
  const sectionIds = new Map(bundle.sections.map((s) => [s.id, newId()]))
  return {
    plan: { ...bundle.plan, id: planId, title: `${bundle.plan.title}${titleSuffix}`.slice(0, 200) },
    sections: bundle.sections.map((s) => ({ ...s, id: sectionIds.get(s.id) ?? newId(), planId })),
    items: bundle.items.map((i) => ({ ...i, id: newId(), planId, sectionId: sectionIds.get(i.sectionId) ?? i.sectionId })),
  }
}

/**
 * Writes a checked document in one transaction: if anything fails (a thrown error, a full disk)
 * the database is left exactly as it was.
 */
export async function importDocument(doc: ExportDocument, mode: ConflictMode): Promise<ImportResult> {
  const result: ImportResult = { added: 0, replaced: 0, copied: 0 }
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    for (const exported of doc.plans) {
      let bundle = planRowsOf(exported)
      const existing = await db.plans.get(bundle.plan.id)
      if (existing && mode === 'copy') {
        bundle = withNewIds(bundle, ' (imported copy)')
        result.copied++
      } else if (existing) {
        await db.items.where('planId').equals(existing.id).delete()
        await db.sections.where('planId').equals(existing.id).delete()
        result.replaced++
      } else {
        result.added++
      }
      // Section or item ids that already belong to another plan here must not overwrite it.
      const taken = (await db.sections.bulkGet(bundle.sections.map((s) => s.id))).some(Boolean) || (await db.items.bulkGet(bundle.items.map((i) => i.id))).some(Boolean)
      if (taken) bundle = withNewIds(bundle, '', bundle.plan.id)
      await db.plans.put(bundle.plan)
      await db.sections.bulkAdd(bundle.sections)
      await db.items.bulkAdd(bundle.items)
    }
  })
  return result
}
