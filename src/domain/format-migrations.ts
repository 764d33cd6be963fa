// Moves an export document written in an older format version up to the current one, one
// version at a time. Append a step whenever FORMAT_VERSION is raised; never edit an old step.
import { FORMAT_VERSION } from './format-version'
import type { FieldDef } from './model'
import { repairSection, type ValuesHolder } from './row-repair'
import { keysForNumbers, upgradeSection, V5_DRILL_DEFAULTS, V5_ITEM_DEFAULTS } from './upgrade-v5'
import { PLAN_KINDS, type PlanKind } from './vocabulary'

type Json = Record<string, unknown>
/** MIGRATIONS[n] turns a version-n document into a version-(n+1) one. */
type MigrationSteps = Readonly<Record<number, (doc: Json) => Json>>

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v)
const objects = (v: unknown): Json[] | null => (Array.isArray(v) && v.every(isObject) ? v : null)

/**
 * Sections (of plans and of saved templates) and their items brought up to today's rules (see
 * row-repair.ts). Only well-formed parts are touched; anything malformed is left for the checks.
 */
function repairDocumentRows(doc: Json): Json {
  const plans = objects(doc.plans)?.map((plan) => {
    const sections = objects(plan.sections)
    let items = objects(plan.items)
    if (!sections || !items) return plan
    const fixedSections = sections.map((section) => {
      const fields = objects(section.fields)
      if (!fields || !items) return section
      const own = items.filter((i) => i.sectionId === section.id)
      const repaired = repairSection(fields as unknown as FieldDef[], own as ValuesHolder[], 'notes')
      if (!repaired) return section
      const byId = new Map(own.map((item, n) => [item, repaired.items[n] as Json]))
      items = items.map((i) => byId.get(i) ?? i)
      return { ...section, fields: repaired.fields }
    })
    return { ...plan, sections: fixedSections, items }
  })
  const templates = objects(doc.templates)?.map((template) => {
    const sections = objects(template.sections)?.map((section) => {
      const items = objects(section.items)
      const fields = section.fields === undefined ? [] : objects(section.fields)
      if (!items || !fields) return section
      const repaired = repairSection(fields as unknown as FieldDef[], items as ValuesHolder[], 'guidance')
      if (!repaired) return section
      return { ...section, ...(section.fields === undefined ? {} : { fields: repaired.fields }), items: repaired.items }
    })
    return sections ? { ...template, sections } : template
  })
  return { ...doc, ...(plans ? { plans } : {}), ...(templates ? { templates } : {}) }
}

const planKind = (v: unknown): PlanKind => ((PLAN_KINDS as readonly unknown[]).includes(v) ? (v as PlanKind) : 'custom')
const withId = (rows: Json[]): (Json & { id: string; order: unknown })[] =>
  rows.map((r) => ({ ...r, id: typeof r.id === 'string' ? r.id : '', order: r.order }))

/**
 * v4 -> v5 (see upgrade-v5.ts): sections gain their role and register fields their ids, items
 * are preparation tasks, ordering keys become strings in the same order, drills are drills.
 * Malformed parts are left for the checks to name.
 */
function upgradeDocumentToV5(doc: Json): Json {
  const plans = objects(doc.plans)?.map((plan) => {
    const sections = objects(plan.sections)
    const items = objects(plan.items)
    if (!sections || !items) return plan
    const kind = planKind(plan.kind)
    const sectionRows = withId(sections)
    const sectionKeys = keysForNumbers(sectionRows)
    const upgraded = new Map<unknown, Json[]>()
    const outSections = sectionRows.map((section) => {
      const own = items.filter((i) => i.sectionId === section.id)
      const fields = objects(section.fields)
      if (!fields) return { ...section, order: sectionKeys.get(section) }
      const up = upgradeSection(kind, fields as unknown as FieldDef[], own as ValuesHolder[], 'notes')
      upgraded.set(section.id, up.items as Json[])
      return { ...section, order: sectionKeys.get(section), role: up.role, fields: up.fields }
    })
    const bySection = new Map<unknown, Json[]>()
    for (const item of items) {
      const list = bySection.get(item.sectionId)
      if (list) list.push(item)
      else bySection.set(item.sectionId, [item])
    }
    const outItems: Json[] = []
    for (const [sectionId, own] of bySection) {
      const rows = withId(upgraded.get(sectionId) ?? own)
      const keys = keysForNumbers(rows)
      for (const row of rows) outItems.push({ ...V5_ITEM_DEFAULTS, ...row, order: keys.get(row) })
    }
    // Items keep the document's order, section by section, as the export writes them.
    const at = new Map(items.map((item, n) => [item.id, n]))
    outItems.sort((a, b) => (at.get(a.id) ?? 0) - (at.get(b.id) ?? 0))
    return { ...plan, sections: outSections, items: outItems }
  })
  const drills = objects(doc.drills)?.map((drill) => ({ ...V5_DRILL_DEFAULTS, stepMatches: [], ...drill }))
  const templates = objects(doc.templates)?.map((template) => {
    const sections = objects(template.sections)?.map((section) => {
      const items = objects(section.items)
      const fields = section.fields === undefined ? [] : objects(section.fields)
      if (!items || !fields) return section
      const up = upgradeSection(planKind(template.kind), fields as unknown as FieldDef[], items as ValuesHolder[], 'guidance')
      return {
        ...section,
        ...(up.role === 'checklist' ? {} : { role: up.role }),
        ...(section.fields !== undefined || up.fields.length ? { fields: up.fields } : {}),
        items: up.items,
      }
    })
    return sections ? { ...template, sections } : template
  })
  return { ...doc, ...(plans ? { plans } : {}), ...(drills ? { drills } : {}), ...(templates ? { templates } : {}) }
}

const MIGRATIONS: MigrationSteps = {
  // 2026-11-28 — v1 -> v2: documents also carry drills (with their logs), scenarios and saved
  // templates. A v1 document had none of them; a file that says v1 and carries them anyway keeps
  // them, to be checked like any other (2026-11-29: they used to be dropped without a word).
  1: (doc) => ({ ...doc, drills: doc.drills ?? [], scenarios: doc.scenarios ?? [], templates: doc.templates ?? [] }),
  // 2026-11-28 — v2 -> v3: a drill may carry deletedAt (it was in the trash when exported). A v2
  // document has no drill in the trash, so nothing changes but the version.
  2: (doc) => doc,
  // 2026-11-29 — v3 -> v4: every row follows today's rules. Older versions wrote choice fields
  // without choices, values of removed fields, and values of a field re-added with another type;
  // those are repaired as the database upgrade repairs them (words that fit no field move to the
  // item's notes). Text is kept exactly as written, spaces and tabs included.
  3: repairDocumentRows,
  // 2026-11-29 — v4 -> v5: sections say what they are (role), register fields are found by id,
  // items are tasks or response steps, ordering keys are strings, drills may be incidents.
  4: upgradeDocumentToV5,
}

export function migrateDocument(doc: Json, fromVersion: number, steps: MigrationSteps = MIGRATIONS, toVersion: number = FORMAT_VERSION): Json {
  let current = doc
  for (let v = fromVersion; v < toVersion; v++) {
    const step = steps[v]
    if (!step) throw new Error(`No migration from format version ${v} to ${v + 1}`)
    current = { ...step(current), version: v + 1 }
  }
  return current
}
