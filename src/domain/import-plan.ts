// What an import will write, decided without touching the database: given the checked document,
// the rows already on the device that it collides with, and an id maker, the rows to remove and
// to add. Nothing here is ever overwritten in place: a colliding row is either kept and the
// imported one added beside it under new ids (copy), or moved to the trash whole, under new ids,
// before the imported one takes its place (replace).
import type { Drill, DrillEvent, Scenario } from './drill-model'
import { drillRowsOf, planRowsOf, type DrillBundle, type ExportDocument, type PlanBundle } from './export-format'
import { relinkDrill, relinkItem, type IdChanges } from './import-relink'
import { LIMITS } from './limits'
import type { Item, Plan, Section } from './model'
import { withFreshIds } from './plan-factory'
import { USER_TEMPLATE_PREFIX } from './template-from-plan'
import type { UserTemplate } from './user-template'

/**
 * replace: a row with the same id is replaced by the imported one, and the version it replaces is
 * kept (plans and drills in the trash with their sections, items and log; scenarios and templates
 * beside it, named "(before import)"). copy: what is here is kept, and the imported one is added
 * again under new ids, named "(imported copy)".
 */
export type ConflictMode = 'replace' | 'copy'

/** Counts over everything imported: plans, drills, scenarios and templates. */
export interface ImportResult {
  added: number
  replaced: number
  copied: number
}

/** The rows on this device that share an id with a row of the document. */
export interface DeviceRows {
  /** Plans with the id of a plan in the file, with all their sections and items. */
  plans: ReadonlyMap<string, PlanBundle>
  /** Drills with the id of a drill in the file, with their whole log. */
  drills: ReadonlyMap<string, DrillBundle>
  scenarios: ReadonlyMap<string, Scenario>
  templates: ReadonlyMap<string, UserTemplate>
  /** Section, item and log entry ids of the file already used here: id -> the plan or drill holding it. */
  sectionOwners: ReadonlyMap<string, string>
  itemOwners: ReadonlyMap<string, string>
  eventOwners: ReadonlyMap<string, string>
  /** Titles already used here, so that each copy gets a name of its own. */
  titles: { plans: ReadonlySet<string>; drills: ReadonlySet<string>; scenarios: ReadonlySet<string>; templates: ReadonlySet<string> }
}

interface ImportRows {
  plans: Plan[]
  sections: Section[]
  items: Item[]
  drills: Drill[]
  events: DrillEvent[]
  scenarios: Scenario[]
  templates: UserTemplate[]
}
type RowIds = { [K in keyof ImportRows]: string[] }

interface ImportPlan {
  /** Ids of rows to delete first (each one is kept in `add` under a new id). */
  remove: RowIds
  /** Rows to add; none of their ids is in use once `remove` is done. */
  add: ImportRows
  result: ImportResult
}

interface ImportContext {
  newId: () => string
  now: string
}

export const EMPTY_DEVICE: DeviceRows = {
  plans: new Map(),
  drills: new Map(),
  scenarios: new Map(),
  templates: new Map(),
  sectionOwners: new Map(),
  itemOwners: new Map(),
  eventOwners: new Map(),
  titles: { plans: new Set(), drills: new Set(), scenarios: new Set(), templates: new Set() },
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Ids this app makes: UUIDs (saved templates: "user-" and a UUID). Any other id in a file gets a
 * fresh one on import, so that no id from a file ends up in an address unescaped.
 */
export const isAppId = (id: string): boolean => UUID.test(id)
const isAppTemplateId = (id: string): boolean => id.startsWith(USER_TEMPLATE_PREFIX) && UUID.test(id.slice(USER_TEMPLATE_PREFIX.length))

const titled = (title: string, suffix: string) => `${title.slice(0, LIMITS.title - suffix.length)}${suffix}`

/** " (imported copy)", " (imported copy 2)"… at the end of a title: a copy of a copy is numbered, not suffixed twice. */
const NUMBERED = { copy: / \(imported copy(?: \d+)?\)$/, kept: / \(before import(?: \d+)?\)$/ }
const SUFFIX = { copy: 'imported copy', kept: 'before import' }

/**
 * "X (imported copy)", then "X (imported copy 2)"…: the first name not used here or earlier in this
 * import, so that every copy can be told apart. The versions a replace keeps are numbered the same
 * way ("X (before import 2)").
 */
function copyNamer(used: ReadonlySet<string>) {
  const taken = new Set(used)
  return (title: string, kind: keyof typeof SUFFIX = 'copy'): string => {
    const base = title.replace(NUMBERED[kind], '') || title
    for (let n = 1; ; n++) {
      const name = titled(base, n === 1 ? ` (${SUFFIX[kind]})` : ` (${SUFFIX[kind]} ${n})`)
      if (!taken.has(name)) {
        taken.add(name)
        return name
      }
    }
  }
}

const emptyRows = (): ImportRows => ({ plans: [], sections: [], items: [], drills: [], events: [], scenarios: [], templates: [] })
const emptyIds = (): RowIds => ({ plans: [], sections: [], items: [], drills: [], events: [], scenarios: [], templates: [] })
const follow = (ids: ReadonlyMap<string, string>, id: string): string => ids.get(id) ?? id

export function planImport(doc: ExportDocument, here: DeviceRows, mode: ConflictMode, ctx: ImportContext): ImportPlan {
  const result: ImportResult = { added: 0, replaced: 0, copied: 0 }
  const remove = emptyIds()
  const add = emptyRows()
  // Old id -> new id for every row of the document that does not keep its own.
  const renamed = {
    plans: new Map<string, string>(),
    sections: new Map<string, string>(),
    items: new Map<string, string>(),
    drills: new Map<string, string>(),
    events: new Map<string, string>(),
    templates: new Map<string, string>(),
  }
  const replacing = mode === 'replace'

  // Rows of plans and drills being replaced leave with them, so their ids are free again.
  const freed = new Set<string>()
  for (const p of doc.plans) {
    const existing = replacing ? here.plans.get(p.id) : undefined
    existing?.sections.forEach((s) => freed.add(s.id))
    existing?.items.forEach((i) => freed.add(i.id))
  }
  for (const d of doc.drills) (replacing ? here.drills.get(d.id) : undefined)?.events.forEach((e) => freed.add(e.id))
  const keepOrRenew = (id: string, owners: ReadonlyMap<string, string>, into: Map<string, string>) => {
    if (isAppId(id) && (!owners.has(id) || freed.has(id))) return
    into.set(id, ctx.newId())
  }

  // Plans: decide every id first, since items link across plans and to drill log entries.
  const planCopyName = copyNamer(here.titles.plans)
  const planTitles = new Map<string, string>()
  for (const p of doc.plans) {
    const existing = here.plans.get(p.id)
    if (existing && !replacing) {
      renamed.plans.set(p.id, ctx.newId())
      planTitles.set(p.id, planCopyName(p.title))
      result.copied++
    } else {
      if (existing) {
        // The version replaced goes to the trash whole, under new ids, so the replace can be undone.
        const kept = withFreshIds(existing, ctx.newId)
        add.plans.push({ ...kept.plan, title: planCopyName(existing.plan.title, 'kept'), deletedAt: existing.plan.deletedAt ?? ctx.now })
        add.sections.push(...kept.sections)
        add.items.push(...kept.items)
        remove.plans.push(existing.plan.id)
        remove.sections.push(...existing.sections.map((s) => s.id))
        remove.items.push(...existing.items.map((i) => i.id))
        result.replaced++
      } else result.added++
      if (!isAppId(p.id)) renamed.plans.set(p.id, ctx.newId())
    }
    for (const s of p.sections) keepOrRenew(s.id, here.sectionOwners, renamed.sections)
    for (const i of p.items) keepOrRenew(i.id, here.itemOwners, renamed.items)
  }

  const drillCopyName = copyNamer(here.titles.drills)
  const drillTitles = new Map<string, string>()
  for (const d of doc.drills) {
    const existing = here.drills.get(d.id)
    if (existing && !replacing) {
      renamed.drills.set(d.id, ctx.newId())
      drillTitles.set(d.id, drillCopyName(d.title))
      result.copied++
    } else {
      if (existing) {
        // Like a replaced plan: the drill replaced goes to the trash with its whole log.
        const drillId = ctx.newId()
        add.drills.push({
          ...existing.drill,
          id: drillId,
          title: drillCopyName(existing.drill.title, 'kept'),
          deletedAt: existing.drill.deletedAt ?? ctx.now,
        })
        add.events.push(...existing.events.map((e) => ({ ...e, id: ctx.newId(), drillId })))
        remove.drills.push(existing.drill.id)
        remove.events.push(...existing.events.map((e) => e.id))
        result.replaced++
      } else result.added++
      if (!isAppId(d.id)) renamed.drills.set(d.id, ctx.newId())
    }
    for (const e of d.events) keepOrRenew(e.id, here.eventOwners, renamed.events)
  }

  // Scenarios and templates link to nothing in the document but a plan's template.
  const settle = <T extends { id: string; title: string }>(
    rows: readonly T[],
    existingOf: ReadonlyMap<string, T>,
    used: ReadonlySet<string>,
    appId: (id: string) => boolean,
    freshId: () => string,
    into: T[],
    removed: string[],
    moves?: Map<string, string>,
  ) => {
    const copyName = copyNamer(used)
    for (const row of rows) {
      const existing = existingOf.get(row.id)
      let next = row
      if (existing && !replacing) {
        next = { ...row, id: freshId(), title: copyName(row.title) }
        result.copied++
      } else {
        if (existing) {
          into.push({ ...existing, id: freshId(), title: copyName(existing.title, 'kept') })
          removed.push(existing.id)
          result.replaced++
        } else result.added++
        if (!appId(row.id)) next = { ...row, id: freshId() }
      }
      if (next.id !== row.id) moves?.set(row.id, next.id)
      into.push(next)
    }
  }
  settle(doc.scenarios, here.scenarios, here.titles.scenarios, isAppId, ctx.newId, add.scenarios, remove.scenarios)
  settle(
    doc.templates,
    here.templates,
    here.titles.templates,
    isAppTemplateId,
    () => `${USER_TEMPLATE_PREFIX}${ctx.newId()}`,
    add.templates,
    remove.templates,
    renamed.templates,
  )

  // Then the rows themselves, each pointing at the ids its neighbours now have.
  const links: IdChanges = { plans: renamed.plans, items: renamed.items, events: renamed.events }
  for (const exported of doc.plans) {
    const { plan, sections, items } = planRowsOf(exported)
    const planId = follow(renamed.plans, plan.id)
    add.plans.push({
      ...plan,
      id: planId,
      title: planTitles.get(plan.id) ?? plan.title,
      templateId: plan.templateId === null ? null : follow(renamed.templates, plan.templateId),
    })
    for (const s of sections) add.sections.push({ ...s, id: follow(renamed.sections, s.id), planId })
    for (const i of items) {
      const item = relinkItem(i, links)
      // A task's finding id forms an address: one the app would not make is replaced (it pointed at no drill here).
      const source =
        item.source?.kind === 'template'
          ? { ...item.source, id: follow(renamed.templates, item.source.id) }
          : item.source && !isAppId(item.source.id)
            ? { ...item.source, id: ctx.newId() }
            : item.source
      add.items.push({ ...item, id: follow(renamed.items, i.id), planId, sectionId: follow(renamed.sections, i.sectionId), source })
    }
  }
  for (const exported of doc.drills) {
    const bundle = drillRowsOf(exported)
    const drillId = follow(renamed.drills, bundle.drill.id)
    const { drill, events } = relinkDrill(bundle.drill, bundle.events, links)
    add.drills.push({ ...drill, id: drillId, title: drillTitles.get(bundle.drill.id) ?? drill.title })
    for (const e of events) add.events.push({ ...e, id: follow(renamed.events, e.id), drillId })
  }
  return { remove, add, result }
}
