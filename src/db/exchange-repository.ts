// Reading plans out for export and writing an imported document in, all or nothing.
import type { DrillEvent } from '../domain/drill-model'
import { buildExportDocument, drillRowsOf, NO_EXTRAS, planRowsOf, type DrillBundle, type ExportDocument, type ExportExtras, type PlanBundle } from '../domain/export-format'
import { relinkDrill, relinkItem } from '../domain/import-relink'
import { withFreshIds } from '../domain/plan-factory'
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

async function allExtras(includeTrash: boolean): Promise<ExportExtras> {
  const [all, events, scenarios, templates] = await Promise.all([db.drills.toArray(), db.drillEvents.toArray(), db.scenarios.toArray(), db.templates.toArray()])
  const drills = all.filter((d) => includeTrash || !d.deletedAt)
  const byDrill = new Map<string, DrillBundle>(drills.map((drill) => [drill.id, { drill, events: [] }]))
  for (const e of events) byDrill.get(e.drillId)?.events.push(e)
  return { drills: [...byDrill.values()], scenarios, templates }
}

const ALL_TABLES = () => [db.plans, db.sections, db.items, db.drills, db.drillEvents, db.scenarios, db.templates]

/**
 * The export document of the given plans alone, or of everything: every plan (the trash only
 * when asked), every drill with its log (the trash only when asked), the scenarios and templates
 * written here.
 */
export async function exportPlans(options: { planIds?: readonly string[]; includeTrash?: boolean }, appVersion: string): Promise<ExportDocument> {
  return db.transaction('r', ALL_TABLES(), async () => {
    const ids = options.planIds ?? (await db.plans.toArray()).filter((p) => options.includeTrash || p.deletedAt === null).map((p) => p.id)
    const bundles = (await Promise.all(ids.map(bundleOf))).filter((b): b is PlanBundle => b !== undefined)
    return buildExportDocument(bundles, nowIso(), appVersion, options.planIds ? NO_EXTRAS : await allExtras(options.includeTrash ?? false))
  })
}

export interface ImportPreview {
  /** `existing`: the title of the plan with this id here; `newerHere`: it changed after the file's version. */
  plans: { id: string; title: string; sections: number; items: number; existing: string | null; newerHere: boolean }[]
  items: number
  drills: number
  scenarios: number
  templates: number
  /** Plans, drills, scenarios and templates whose id is already on this device. */
  conflicts: number
}

/** What an import would do: what the file holds, and which of it is already here. */
export async function previewImport(doc: ExportDocument): Promise<ImportPreview> {
  const existing = await db.plans.bulkGet(doc.plans.map((p) => p.id))
  const plans = doc.plans.map((p, i) => {
    const here = existing[i]
    return { id: p.id, title: p.title, sections: p.sections.length, items: p.items.length, existing: here?.title ?? null, newerHere: here !== undefined && here.updatedAt > p.updatedAt }
  })
  const others = [
    ...(await db.drills.bulkGet(doc.drills.map((d) => d.id))),
    ...(await db.scenarios.bulkGet(doc.scenarios.map((s) => s.id))),
    ...(await db.templates.bulkGet(doc.templates.map((t) => t.id))),
  ].filter(Boolean).length
  return {
    plans,
    items: plans.reduce((n, p) => n + p.items, 0),
    drills: doc.drills.length,
    scenarios: doc.scenarios.length,
    templates: doc.templates.length,
    conflicts: plans.filter((p) => p.existing !== null).length + others,
  }
}

/**
 * replace: a plan with the same id is overwritten, and the version it replaces is kept in the
 * trash; drills, scenarios and templates with the same id are overwritten. copy: anything already
 * here is kept, and the imported one is added again with new ids.
 */
export type ConflictMode = 'replace' | 'copy'

/** Counts over everything imported: plans, drills, scenarios and templates. */
export interface ImportResult {
  added: number
  replaced: number
  copied: number
}

/** The bundle under new ids, and which new id each item got. */
function withNewIds(bundle: PlanBundle, titleSuffix: string, planId = newId()): { bundle: PlanBundle; itemIds: ReadonlyMap<string, string> } {
  const { itemIds, ...copy } = withFreshIds(bundle, newId, planId)
  return { bundle: { ...copy, plan: { ...copy.plan, title: `${bundle.plan.title}${titleSuffix}`.slice(0, 200) } }, itemIds }
}

/**
 * Writes a checked document in one transaction: if anything fails (a thrown error, a full disk)
 * the database is left exactly as it was.
 */
export async function importDocument(doc: ExportDocument, mode: ConflictMode): Promise<ImportResult> {
  const result: ImportResult = { added: 0, replaced: 0, copied: 0 }
  await db.transaction('rw', ALL_TABLES(), async () => {
    // Rows given new ids here, so that the document's own links can follow them.
    const planIds = new Map<string, string>()
    const itemIds = new Map<string, string>()
    const eventIds = new Map<string, string>()

    // Drills first decide their ids (plan tasks made from findings point at their log entries).
    const drills: DrillBundle[] = []
    for (const exported of doc.drills) {
      let { drill, events } = drillRowsOf(exported)
      const existing = await db.drills.get(drill.id)
      const renamed = (e: DrillEvent): DrillEvent => {
        const id = newId()
        eventIds.set(e.id, id)
        return { ...e, id, drillId: drill.id }
      }
      if (existing && mode === 'copy') {
        drill = { ...drill, id: newId(), title: `${drill.title} (imported copy)`.slice(0, 200) }
        events = events.map(renamed)
        result.copied++
      } else {
        if (existing) {
          await db.drillEvents.where('drillId').equals(drill.id).delete()
          result.replaced++
        } else result.added++
        // Log entry ids that already belong to another drill here must not overwrite it.
        if ((await db.drillEvents.bulkGet(events.map((e) => e.id))).some(Boolean)) events = events.map(renamed)
      }
      drills.push({ drill, events })
    }

    // Then the plans settle their ids; they are written once every renamed row is known.
    const plans: PlanBundle[] = []
    for (const exported of doc.plans) {
      let bundle = planRowsOf(exported)
      const originalId = bundle.plan.id
      // Each item's id in the file, and the one it will have here.
      let renamedItems = new Map(bundle.items.map((i) => [i.id, i.id]))
      const rename = (step: { bundle: PlanBundle; itemIds: ReadonlyMap<string, string> }) => {
        bundle = step.bundle
        renamedItems = new Map([...renamedItems].map(([from, now]) => [from, step.itemIds.get(now) ?? now]))
      }
      const existing = await db.plans.get(bundle.plan.id)
      if (existing && mode === 'copy') {
        rename(withNewIds(bundle, ' (imported copy)'))
        result.copied++
      } else if (existing) {
        // The version being replaced goes to the trash as a copy, so a replace can be undone.
        const replaced = await bundleOf(existing.id)
        if (replaced) {
          const kept = withNewIds(replaced, ' (before import)').bundle
          await db.plans.add({ ...kept.plan, deletedAt: nowIso() })
          await db.sections.bulkAdd(kept.sections)
          await db.items.bulkAdd(kept.items)
        }
        await db.items.where('planId').equals(existing.id).delete()
        await db.sections.where('planId').equals(existing.id).delete()
        result.replaced++
      } else {
        result.added++
      }
      // Section or item ids that already belong to another plan here must not overwrite it.
      const taken = (await db.sections.bulkGet(bundle.sections.map((s) => s.id))).some(Boolean) || (await db.items.bulkGet(bundle.items.map((i) => i.id))).some(Boolean)
      if (taken) rename(withNewIds(bundle, '', bundle.plan.id))
      if (bundle.plan.id !== originalId) planIds.set(originalId, bundle.plan.id)
      for (const [from, now] of renamedItems) if (from !== now) itemIds.set(from, now)
      plans.push(bundle)
    }

    const ids = { plans: planIds, items: itemIds, events: eventIds }
    for (const bundle of plans) {
      await db.plans.put(bundle.plan)
      await db.sections.bulkAdd(bundle.sections)
      await db.items.bulkAdd(bundle.items.map((i) => relinkItem(i, ids)))
    }
    for (const bundle of drills) {
      const { drill, events } = relinkDrill(bundle.drill, bundle.events, ids)
      await db.drills.put(drill)
      await db.drillEvents.bulkAdd(events)
    }
    // Scenarios and templates: replaced by id, or added again under a new id.
    const settle = (existing: unknown): boolean => {
      const copy = Boolean(existing) && mode === 'copy'
      if (copy) result.copied++
      else if (existing) result.replaced++
      else result.added++
      return copy
    }
    for (const row of doc.scenarios) {
      const copy = settle(await db.scenarios.get(row.id))
      await db.scenarios.put(copy ? { ...row, id: newId(), title: `${row.title} (imported copy)`.slice(0, 200) } : row)
    }
    for (const row of doc.templates) {
      const copy = settle(await db.templates.get(row.id))
      await db.templates.put(copy ? { ...row, id: newId(), title: `${row.title} (imported copy)`.slice(0, 200) } : row)
    }
  })
  return result
}
