// Section and item reads and writes. Each edit touches only the row it changes, so two tabs
// editing two items of one plan both keep their edits; a move rewrites only the moved row.
import { Dexie } from 'dexie'
import { fieldValueError } from '../domain/fields'
import { numberMeaningError } from '../domain/number-meanings'
import { LIMITS } from '../domain/limits'
import {
  itemPatchSchema,
  sectionPatchSchema,
  type FieldDef,
  type FieldValue,
  type Item,
  type ItemPatch,
  type Section,
  type SectionPatch,
} from '../domain/model'
import { byOrder, orderAfter, orderForMove } from '../domain/order'
import { newItemRow, newSectionRow } from '../domain/plan-factory'
import { withRoleFields } from '../domain/section-roles'
import { check } from '../domain/validation'
import { ValidationError } from '../domain/validation-error'
import { SECTION_ROLE_LABELS, type SectionRole } from '../domain/vocabulary'
import { factoryContext, nowIso } from './clock'
import { db } from './database'
import type { Gateway } from './gateway'
import * as writes from './writes'

export function listSections(planId: string): Promise<Section[]> {
  return db.sections.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).toArray()
}

/** A plan's items, each section's in their order (group them by sectionId to show them). */
export async function listItems(planId: string): Promise<Item[]> {
  const items = await db.items.where('planId').equals(planId).toArray()
  return [...items].sort(byOrder)
}

function sectionItems(sectionId: string): Promise<Item[]> {
  return db.items.where('[sectionId+order]').between([sectionId, Dexie.minKey], [sectionId, Dexie.maxKey]).toArray()
}

const missing = (what: string) => new ValidationError([`This ${what} no longer exists`])

export async function addSection(planId: string, title: string): Promise<string> {
  return db.transaction('rw', db.plans, db.sections, async () => {
    if (!(await db.plans.get(planId))) throw missing('plan')
    const last = await db.sections.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).last()
    return (await writes.sections.add(newSectionRow(factoryContext(), planId, orderAfter(last?.order), title))).id
  })
}

export async function updateSection(id: string, patch: SectionPatch): Promise<void> {
  const changes = check(sectionPatchSchema, patch)
  await db.transaction('rw', db.sections, db.items, async () => {
    const section = await writes.sections.require(id)
    const ids = (changes.fields ?? []).map((f) => f.id)
    if (new Set(ids).size !== ids.length) throw new ValidationError(['fields: two fields share one id'])
    await writes.sections.patch(id, changes)
    if (changes.fields) {
      // Values of a field that is gone (or changed type) go with it, so nothing stale is left
      // for an export to carry or a re-added field of the same name to inherit.
      const kept = new Map(changes.fields.map((f) => [f.id, f.type]))
      const dropped = section.fields.filter((f) => kept.get(f.id) !== f.type).map((f) => f.id)
      if (dropped.length) {
        for (const item of await sectionItems(id)) {
          if (dropped.some((key) => key in item.values)) {
            await writes.items.patch(item.id, { values: Object.fromEntries(Object.entries(item.values).filter(([key]) => !dropped.includes(key))) })
          }
        }
      }
    }
  })
}

/** Adds a typed field to a section, reading the current fields in the same transaction. */
export async function addField(sectionId: string, field: FieldDef): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    const section = await writes.sections.require(sectionId)
    await updateSection(sectionId, { fields: [...section.fields, field] })
  })
}

/**
 * Says what a section is. A register role brings its fields (by id) where the section lacks them;
 * fields the section already has, and their values, stay as they are.
 */
export async function setSectionRole(sectionId: string, role: SectionRole): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    const section = await writes.sections.require(sectionId)
    const fields = withRoleFields(role, section.fields)
    if (fields.length > LIMITS.fieldsPerSection)
      throw new ValidationError([
        `A ${SECTION_ROLE_LABELS[role].toLowerCase()} needs ${fields.length - section.fields.length} more fields and a section holds at most ${LIMITS.fieldsPerSection}: remove some fields first`,
      ])
    await updateSection(sectionId, { role, fields })
  })
}

/** Removes a typed field (and its values) from a section. */
export async function removeField(sectionId: string, fieldId: string): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    const section = await writes.sections.require(sectionId)
    await updateSection(sectionId, { fields: section.fields.filter((f) => f.id !== fieldId) })
  })
}

/** Deletes a section with its items and returns them, so the caller can offer to undo. */
export async function deleteSection(id: string): Promise<{ section: Section; items: Item[] } | undefined> {
  return db.transaction('rw', db.sections, db.items, async () => {
    const section = await db.sections.get(id)
    if (!section) return undefined
    const items = await sectionItems(id)
    await writes.items.bulkDelete(items.map((i) => i.id))
    await writes.sections.delete(id)
    return { section, items }
  })
}

/** Puts back what deleteSection or deleteItem removed, exactly as it was. */
export async function restoreDeleted(rows: { section?: Section; items: Item[] }): Promise<void> {
  await db.transaction('rw', db.plans, db.sections, db.items, async () => {
    if (rows.section) {
      if (!(await db.plans.get(rows.section.planId))) throw missing('plan')
      await writes.sections.put(rows.section)
    }
    for (const item of rows.items) {
      if (!(await db.sections.get(item.sectionId))) throw missing('section')
    }
    await writes.items.bulkPut(rows.items)
  })
}

/** Moves a section within its plan, or an item within its section, by one place: only the moved row is written. */
async function moveRow<T extends Section | Item>(rows: Gateway<T>, id: string, siblingsOf: (row: T) => Promise<T[]>, delta: -1 | 1): Promise<void> {
  await db.transaction('rw', rows.tableName, async () => {
    const row = await rows.require(id)
    const siblings = await siblingsOf(row)
    const index = siblings.findIndex((s) => s.id === id)
    const order = orderForMove(
      siblings.map((s) => s.order),
      index,
      delta,
    )
    if (order !== undefined) await rows.setPath(id, 'order', order)
  })
}

export const moveSection = (id: string, delta: -1 | 1) => moveRow(writes.sections, id, (s) => listSections(s.planId), delta)

export async function addItem(sectionId: string, text: string): Promise<string> {
  return db.transaction('rw', db.sections, db.items, async () => {
    const section = await writes.sections.require(sectionId)
    const last = await db.items.where('[sectionId+order]').between([sectionId, Dexie.minKey], [sectionId, Dexie.maxKey]).last()
    return (await writes.items.add(newItemRow(factoryContext(), section.planId, sectionId, orderAfter(last?.order), text))).id
  })
}

export async function updateItem(id: string, patch: ItemPatch): Promise<void> {
  const changes = check(itemPatchSchema, patch)
  await db.transaction('rw', db.items, async () => {
    const item = await writes.items.require(id)
    const stamped: Partial<Item> = { ...changes }
    if (changes.status !== undefined && changes.status !== item.status) {
      stamped.doneAt = changes.status === 'done' ? nowIso() : null
    }
    await writes.items.patch(id, stamped)
  })
}

/** Sets one typed field of an item, checked against the section's field definition. */
export async function setItemValue(id: string, fieldId: string, value: FieldValue): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    const item = await writes.items.require(id)
    const section = await db.sections.get(item.sectionId)
    const field = section?.fields.find((f) => f.id === fieldId)
    if (!field) throw new ValidationError([`The field "${fieldId}" is not part of this section`])
    const error = fieldValueError(field, value) ?? numberMeaningError(section?.role, field, value)
    if (error) throw new ValidationError([error])
    // A key path update writes this one value, so an edit of another field elsewhere survives.
    await writes.items.setPath(id, `values.${fieldId}`, value)
  })
}

/** Adds or removes one link of a links field, reading the current list in the same transaction. */
export async function toggleLink(itemId: string, fieldId: string, targetId: string, on: boolean): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    const item = await writes.items.require(itemId)
    const current = item.values[fieldId]
    const list = Array.isArray(current) ? current.filter((id) => id !== targetId) : []
    const next = on ? [...list, targetId] : list
    await setItemValue(itemId, fieldId, next.length ? next : null)
  })
}

export async function deleteItem(id: string): Promise<Item | undefined> {
  return db.transaction('rw', db.items, async () => {
    const item = await db.items.get(id)
    if (item) await writes.items.delete(id)
    return item
  })
}

export const moveItem = (id: string, delta: -1 | 1) => moveRow(writes.items, id, (i) => sectionItems(i.sectionId), delta)
