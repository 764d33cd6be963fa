// Names of the rows that links fields point at, for every output (print, Markdown, CSV, .xlsx, grab
// pack). Outputs are pure and take the names as a map; the caller reads them for the ids below.
import type { Item, Section } from './model'

/** Item id -> the item's text, for every linked row that still exists (a missing id reads "removed"). */
export type ItemNames = ReadonlyMap<string, string>

export const NO_NAMES: ItemNames = new Map()

/** Every id that a links field of these sections holds among these items, each once. */
export function linkedIds(sections: readonly Pick<Section, 'id' | 'fields'>[], items: readonly Pick<Item, 'sectionId' | 'values'>[]): string[] {
  const linkFields = new Map<string, string[]>()
  for (const s of sections) {
    const ids = s.fields.filter((f) => f.type === 'links').map((f) => f.id)
    if (ids.length) linkFields.set(s.id, ids)
  }
  const out = new Set<string>()
  for (const item of items) {
    for (const fieldId of linkFields.get(item.sectionId) ?? []) {
      const value = item.values[fieldId]
      if (Array.isArray(value)) for (const id of value) out.add(id)
    }
  }
  return [...out]
}

/**
 * The names a set of rows can give itself (a function linking a function of the same plan), so a
 * caller only reads the others. Names read from the database take precedence.
 */
export function namesOf(items: readonly Pick<Item, 'id' | 'text'>[], read: ItemNames = NO_NAMES): ItemNames {
  const out = new Map(items.map((i) => [i.id, i.text]))
  for (const [id, name] of read) out.set(id, name)
  return out
}
