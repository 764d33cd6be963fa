// A supplier's "Functions that rely on it", as its register row shows on screen, for every output
// (CSV, .xlsx, Markdown, print). The relation is stored once, on each business function's
// "Suppliers it needs" links field, so outputs read it backwards: supplier id -> function names.
import { rowNamer } from './dependencies'
import type { Item, Plan, Section } from './model'
import { isImpactAnalysis, isSupplierRegister } from './registers'

/** Supplier id -> the names of the functions that rely on it, each with its plan where names repeat. */
export type RelyingNames = ReadonlyMap<string, readonly string[]>

export const NO_RELYING: RelyingNames = new Map()

/** The words the supplier's row uses on screen (src/entities/supplier.tsx). */
export const RELYING_LABEL = 'Functions that rely on it'

/** The id of an impact analysis's links field to suppliers (see section-roles.ts). */
const SUPPLIERS_FIELD = 'suppliers'

const recordsSuppliers = (section: Section) =>
  isImpactAnalysis(section) && section.fields.some((f) => f.id === SUPPLIERS_FIELD && f.type === 'links' && f.linksTo === 'supplier')

/**
 * Which functions rely on each supplier, from the impact analyses among `sections` (those with a
 * "Suppliers it needs" field, as the screen reads them). Functions keep the order they are given in;
 * a function's name carries its plan's title when another function has the same name.
 */
export function relyingFunctions(rows: {
  plans: readonly Pick<Plan, 'id' | 'title'>[]
  sections: readonly Section[]
  items: readonly Pick<Item, 'id' | 'sectionId' | 'planId' | 'text' | 'values'>[]
}): RelyingNames {
  const titles = new Map(rows.plans.map((p) => [p.id, p.title]))
  const kept = new Set(rows.sections.filter(recordsSuppliers).map((s) => s.id))
  const functions = rows.items.filter((i) => kept.has(i.sectionId)).map((i) => ({ item: i, name: i.text.trim(), planTitle: titles.get(i.planId) ?? '' }))
  const namer = rowNamer(functions)
  const out = new Map<string, string[]>()
  for (const f of functions) {
    const linked = f.item.values[SUPPLIERS_FIELD]
    if (!Array.isArray(linked)) continue
    for (const supplierId of new Set(linked)) {
      if (supplierId === f.item.id) continue
      const names = out.get(supplierId) ?? []
      names.push(namer.label(f))
      out.set(supplierId, names)
    }
  }
  return out
}

/**
 * The column a section's outputs add after its fields for what the screen shows on its rows but
 * the section does not store: for a supplier register, the functions that rely on each supplier
 * (item id -> their names, joined as links are). Null for every other section.
 */
export function relyingColumn(section: Pick<Section, 'role'>, relying: RelyingNames): ((itemId: string) => string) | null {
  return isSupplierRegister(section) ? (itemId) => (relying.get(itemId) ?? []).join(', ') : null
}
