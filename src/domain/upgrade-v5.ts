// Rows of data model v4 and older brought to v5, the same way for the database upgrade and for an
// imported older file. Until v5 a section was taken for a register because its field labels
// matched patterns; v5 records each section's role and finds its fields by id. The patterns live
// on here only, to read old data once. Nothing the user wrote is dropped.
import { dialable } from './fields'
import { LIMITS } from './limits'
import type { FieldDef, FieldValue } from './model'
import { orderKeys } from './order'
import { withRoleFields } from './section-roles'
import type { PlanKind, SectionRole } from './vocabulary'

type Matcher = (f: FieldDef) => boolean
const like =
  (type: FieldDef['type'] | null, label: RegExp): Matcher =>
  (f) =>
    (type === null || f.type === type) && label.test(f.label.trim())

/** How v4 and older recognised each role's fields, by canonical id. */
const LEGACY_FIELDS: Partial<Record<SectionRole, Record<string, Matcher>>> = {
  'supplier-register': {
    service: like('text', /service/i),
    criticality: like('select', /critical/i),
    alternative: like('text', /alternative|fallback/i),
    exitPlan: like('text', /exit/i),
    contractEnd: like('date', /contract/i),
    lastReviewed: like('date', /reviewed/i),
    outcome: like('select', /outcome/i),
    reviewEveryDays: like('number', /review every/i),
  },
  'impact-analysis': {
    impact: like('select', /impact/i),
    rto: like('duration', /^rto$/i),
    rpo: like('duration', /^rpo$/i),
    mtpd: like('duration', /^(mtpd|mtd)$/i),
    workaround: like('text', /workaround/i),
    suppliers: (f) => f.type === 'links' && f.linksTo === 'supplier',
    dependsOn: (f) => f.type === 'links' && f.linksTo === 'function',
  },
  'contact-tree': { role: like('text', /^role$/i), phone: like('contact', /phone|mobile/i), deputy: like('contact', /deputy/i), calls: like('text', /call/i) },
  roles: {
    role: like('text', /^role$/i),
    person: like('contact', /person|name/i),
    deputy: like('contact', /deputy/i),
    phone: like('contact', /phone|mobile/i),
  },
}

/** The role v4 and older gave a section implicitly, by its plan's kind and its fields. */
export function legacyRole(planKind: PlanKind, fields: readonly FieldDef[]): SectionRole {
  if (planKind === 'supplier-review' && fields.some(like('select', /critical/i))) return 'supplier-register'
  if (fields.some(like('duration', /^(rto|mtpd|mtd)$/i))) return 'impact-analysis'
  if (fields.some((f) => f.type === 'contact')) return fields.some((f) => f.id === 'person' || like('contact', /^person$/i)(f)) ? 'roles' : 'contact-tree'
  return 'checklist'
}

/** The parts of an item (or a template item) the upgrade reads and may rewrite. */
interface UpgradableItem {
  values?: Record<string, FieldValue>
}

type Text = 'notes' | 'guidance'

const filled = (v: FieldValue | undefined): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)
const appendLine = (text: string, line: string): string => (text === '' ? line : `${text}\n${line}`)

/**
 * One section's fields and items in v5: the role, the fields renamed to the role's ids (values
 * move with them), the role's missing fields added, phones that hold numbers retyped as phones,
 * and a supplier register's free-text "functions" column moved into each row's `into` text (the
 * relation lives on the functions' "Suppliers it needs" links now).
 */
export function upgradeSection<I extends UpgradableItem>(
  planKind: PlanKind,
  fields: readonly FieldDef[],
  items: readonly I[],
  into: Text,
): { role: SectionRole; fields: FieldDef[]; items: I[] } {
  const role = legacyRole(planKind, fields)
  const renames = new Map<string, string>()
  let next: FieldDef[] = fields.map((f) => ({ ...f }))
  const taken = new Set(next.map((f) => f.id))
  const legacy = LEGACY_FIELDS[role] ?? {}
  const canonical = new Set(Object.keys(legacy))
  for (const [id, match] of Object.entries(legacy)) {
    if (taken.has(id)) continue
    // A field that already has one of the role's ids plays that part; it is never renamed.
    const at = next.findIndex((f) => !canonical.has(f.id) && match(f))
    const field = next[at]
    if (!field) continue
    renames.set(field.id, id)
    next[at] = { ...field, id }
    taken.add(id)
  }
  // Suppliers were read from every links-to-supplier field of a function: the one relation keeps them all.
  const extraSupplierLinks =
    role === 'impact-analysis' ? next.filter((f) => f.type === 'links' && f.linksTo === 'supplier' && f.id !== 'suppliers').map((f) => f.id) : []
  const functionsField = role === 'supplier-register' ? next.find((f) => f.id === 'functions' || like('text', /^functions?\b/i)(f)) : undefined
  if (functionsField) next = next.filter((f) => f !== functionsField)

  const upgradedItems = items.map((item) => {
    if (!item.values || typeof item.values !== 'object') return item
    const values: Record<string, FieldValue> = {}
    for (const [key, value] of Object.entries(item.values)) values[renames.get(key) ?? key] = value
    for (const key of extraSupplierLinks) {
      const more = values[key]
      if (Array.isArray(more) && more.length > 0) {
        const have = Array.isArray(values.suppliers) ? values.suppliers : []
        values.suppliers = [...new Set([...have, ...more])].slice(0, LIMITS.linksPerField)
      }
    }
    const words = functionsField ? values[functionsField.id] : undefined
    const kept = functionsField ? Object.fromEntries(Object.entries(values).filter(([key]) => key !== functionsField.id)) : values
    let out = { ...item, values: kept }
    if (functionsField) {
      const text = (item as unknown as Record<string, unknown>)[into]
      if (filled(words) && typeof text === 'string') {
        const line = `${functionsField.label}: ${String(words)}`
        // Text already near its limit: the line goes to the evidence, as the v3 repair does.
        const evidence = (item as unknown as Record<string, unknown>).evidence
        const grown = appendLine(text, line)
        if (grown.length > LIMITS.longText && into === 'notes' && typeof evidence === 'string') out = { ...out, evidence: appendLine(evidence, line) }
        else out = { ...out, [into]: grown }
      }
    }
    return out
  })

  // A phone column whose every value holds a number becomes a phone field (tel: links); else it stays as it was.
  next = next.map((f) => {
    if (f.id !== 'phone' || f.type !== 'contact' || (role !== 'contact-tree' && role !== 'roles')) return f
    const allDial = upgradedItems.every((i) => {
      const v = i.values?.phone
      return !filled(v) || (typeof v === 'string' && dialable(v) !== null)
    })
    return allDial ? { ...f, type: 'phone' } : f
  })
  const withRole = withRoleFields(role, next)
  return { role, fields: withRole.length <= LIMITS.fieldsPerSection ? withRole : next, items: upgradedItems }
}

/** Fractional keys for rows that held numbers, keeping their order (ties by id, as v4 sorted them). */
export function keysForNumbers<R extends { id: string; order: unknown }>(rows: readonly R[]): Map<R, string> {
  const num = (r: R) => (typeof r.order === 'number' && Number.isFinite(r.order) ? r.order : 0)
  const sorted = [...rows].sort((a, b) => num(a) - num(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const keys = orderKeys(sorted.length)
  return new Map(sorted.map((r, i) => [r, keys[i] as string]))
}

/** What every v4 item gains: it was a preparation task. */
export const V5_ITEM_DEFAULTS = { kind: 'task', phase: null, role: '' } as const

/** What every v4 drill gains: it was a drill, with no step matched to an item yet. */
export const V5_DRILL_DEFAULTS = { mode: 'drill', stepMatches: [], incident: null } as const
