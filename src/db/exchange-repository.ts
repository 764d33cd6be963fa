// Reading plans out for export and writing an imported document in, all or nothing.
import { buildExportDocument, NO_EXTRAS, type DrillBundle, type ExportDocument, type ExportExtras, type PlanBundle } from '../domain/export-format'
import { planImport, type ConflictMode, type DeviceRows, type ImportResult } from '../domain/import-plan'
import type { Table } from 'dexie'
import { db } from './database'
import * as writes from './writes'
import { getSetting } from './settings-repository'
import type { BackupFacts } from '../domain/backup-reminder'
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
    return {
      id: p.id,
      title: p.title,
      sections: p.sections.length,
      items: p.items.length,
      existing: here?.title ?? null,
      newerHere: here !== undefined && here.updatedAt > p.updatedAt,
    }
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

export type { ConflictMode, ImportResult } from '../domain/import-plan'

/** Every row of the device that shares an id with a row of the document, and the titles in use. */
/**
 * bulkGet in slices: creating tens of thousands of requests in one go holds the main thread for a
 * second or more, while slices let the page draw between them (still in the one transaction).
 */
async function getInSlices<T>(table: { bulkGet(keys: string[]): PromiseLike<(T | undefined)[]> }, ids: readonly string[]): Promise<(T | undefined)[]> {
  const out: (T | undefined)[] = []
  for (let at = 0; at < ids.length; at += READ_SLICE) out.push(...(await table.bulkGet(ids.slice(at, at + READ_SLICE))))
  return out
}

async function readCollisions(doc: ExportDocument): Promise<DeviceRows> {
  const present = <T>(rows: readonly (T | undefined)[]): T[] => rows.filter((r): r is T => r !== undefined)
  const sectionIds = doc.plans.flatMap((p) => p.sections.map((s) => s.id))
  const itemIds = doc.plans.flatMap((p) => p.items.map((i) => i.id))
  const eventIds = doc.drills.flatMap((d) => d.events.map((e) => e.id))
  const [plans, drills, scenarios, templates, sections, items, events] = await Promise.all([
    db.plans.bulkGet(doc.plans.map((p) => p.id)),
    db.drills.bulkGet(doc.drills.map((d) => d.id)),
    db.scenarios.bulkGet(doc.scenarios.map((s) => s.id)),
    db.templates.bulkGet(doc.templates.map((t) => t.id)),
    getInSlices(db.sections, sectionIds),
    getInSlices(db.items, itemIds),
    getInSlices(db.drillEvents, eventIds),
  ])
  const planBundles = present(await Promise.all(present(plans).map((p) => bundleOf(p.id))))
  const drillBundles = await Promise.all(
    present(drills).map(async (drill) => ({ drill, events: await db.drillEvents.where('drillId').equals(drill.id).toArray() })),
  )
  const titles = async (table: { toArray(): Promise<{ title: string }[]> }, wanted: boolean) =>
    new Set(wanted ? (await table.toArray()).map((r) => r.title) : [])
  // Titles are only needed to name copies, which only rows already here need.
  return {
    plans: new Map(planBundles.map((b) => [b.plan.id, b])),
    drills: new Map(drillBundles.map((b) => [b.drill.id, b])),
    scenarios: new Map(present(scenarios).map((s) => [s.id, s])),
    templates: new Map(present(templates).map((t) => [t.id, t])),
    sectionOwners: new Map(present(sections).map((s) => [s.id, s.planId])),
    itemOwners: new Map(present(items).map((i) => [i.id, i.planId])),
    eventOwners: new Map(present(events).map((e) => [e.id, e.drillId])),
    titles: {
      plans: await titles(db.plans, planBundles.length > 0),
      drills: await titles(db.drills, drillBundles.length > 0),
      scenarios: await titles(db.scenarios, present(scenarios).length > 0),
      templates: await titles(db.templates, present(templates).length > 0),
    },
  }
}

/**
 * Writes a checked document in one transaction: reads the rows it collides with, lets the import
 * plan decide, then removes and adds exactly what the plan says. If anything fails (a thrown
 * error, a full disk) the database is left exactly as it was.
 */
export async function importDocument(doc: ExportDocument, mode: ConflictMode, onProgress?: (progress: WriteProgress) => void): Promise<ImportResult> {
  return db.transaction('rw', ALL_TABLES(), async () => {
    const { remove, add, result } = planImport(doc, await readCollisions(doc), mode, { newId, now: nowIso() })
    await Promise.all([
      writes.plans.bulkDelete(remove.plans),
      writes.sections.bulkDelete(remove.sections),
      writes.items.bulkDelete(remove.items),
      writes.drills.bulkDelete(remove.drills),
      writes.drillEvents.bulkDelete(remove.events),
      writes.scenarios.bulkDelete(remove.scenarios),
      writes.templates.bulkDelete(remove.templates),
    ])
    // The import's bulk write: the rows were checked with the file (or are copies of rows already
    // here), so they are not checked again row by row. Adds, never puts: a row that would land on
    // an id in use fails the whole import instead. In chunks, still in this one transaction, so a
    // big import can say how far it is.
    const batches = [
      [db.plans, add.plans],
      [db.sections, add.sections],
      [db.items, add.items],
      [db.drills, add.drills],
      [db.drillEvents, add.events],
      [db.scenarios, add.scenarios],
      [db.templates, add.templates],
    ] as const
    const total = batches.reduce((n, [, rows]) => n + rows.length, 0)
    let done = 0
    for (const [table, rows] of batches) {
      for (let at = 0; at < rows.length; at += WRITE_CHUNK) {
        const chunk = rows.slice(at, at + WRITE_CHUNK)
        await (table as Table<(typeof rows)[number], string>).bulkAdd(chunk)
        done += chunk.length
        onProgress?.({ done, total })
      }
    }
    return result
  })
}

/** Rows written of the rows to write. */
export interface WriteProgress {
  done: number
  total: number
}
// Small enough that one slice's requests take a few milliseconds of the main thread to create.
const WRITE_CHUNK = 250
const READ_SLICE = 500

/**
 * What the backup suggestion needs (see domain/backup-reminder.ts). Reading whether anything
 * changed may scan the items, so it is only read once the last export is 30 days old or more.
 */
export async function readBackupFacts(dismissedAt: string, olderThanThreshold: (since: string) => boolean): Promise<BackupFacts> {
  const lastExport = await getSetting('lastExportAll')
  const plans = await db.plans.toArray()
  const firstPlanAt = plans.reduce<string | null>((min, p) => (min === null || p.createdAt < min ? p.createdAt : min), null)
  const since = lastExport || firstPlanAt
  const facts = { lastExport, firstPlanAt, dismissedAt, changedSince: false }
  if (!since || !olderThanThreshold(since)) return facts
  if (lastExport === '') return { ...facts, changedSince: plans.length > 0 }
  const after = (t: string | null | undefined) => typeof t === 'string' && t > lastExport
  const changed =
    plans.some((p) => after(p.updatedAt)) ||
    (await db.scenarios.where('updatedAt').above(lastExport).count()) > 0 ||
    (await db.templates.where('updatedAt').above(lastExport).count()) > 0 ||
    (await db.drills.filter((d) => after(d.updatedAt)).first()) !== undefined ||
    (await db.drillEvents.filter((e) => after(e.createdAt)).first()) !== undefined ||
    (await db.items.filter((i) => after(i.updatedAt)).first()) !== undefined
  return { ...facts, changedSince: changed }
}
