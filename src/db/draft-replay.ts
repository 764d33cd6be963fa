// The one place that maps a draft's target to its write. Fields saved as you type write through
// here, and so does the replay of what the journal kept from a reload, a closed tab or a crash:
// the same repository functions, validated as any write.
import { Dexie } from 'dexie'
import { newItemRow, newSectionRow } from '../domain/plan-factory'
import { formatFieldValue, parseFieldInput } from '../domain/fields'
import { orderAfter } from '../domain/order'
import { draftOf, scenarioFieldsOf, SCENARIO_DRAFT_KEYS, type ScenarioDraft } from '../domain/scenario-draft'
import { replayDecision, sameValue, type CurrentValue, type DraftEntry, type DraftJournal, type DraftTarget } from '../domain/draft-journal'
import { logEntryDraftSchema } from '../domain/log-entry-draft'
import { ValidationError } from '../domain/validation-error'
import { updateItem, setItemValue, updateSection } from './checklist-repository'
import { addLogEntry } from './drill-log-repository'
import { rateObjective } from './drill-repository'
import { updatePlan } from './plan-repository'
import { patchScenario } from './scenario-repository'
import { getSetting, setOrganisationName, setUserName, SETTING_ORGANISATION, SETTING_USER_NAME } from './settings-repository'
import { renameTemplate } from './template-repository'
import { db } from './database'
import * as writes from './writes'
import { nowIso } from './clock'

function text(value: unknown): string {
  if (typeof value !== 'string') throw new ValidationError(['The draft is not text'])
  return value
}

function scenarioDraft(value: unknown): Partial<ScenarioDraft> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ValidationError(['The draft is not a scenario'])
  const keys = Object.keys(value)
  if (keys.some((k) => !(SCENARIO_DRAFT_KEYS as readonly string[]).includes(k))) throw new ValidationError(['The draft is not a scenario'])
  return value as Partial<ScenarioDraft>
}

/** Adds an item under an id made beforehand; an item already there with that id is left alone. */
async function addItemOnce(id: string, sectionId: string, itemText: string): Promise<void> {
  await db.transaction('rw', db.sections, db.items, async () => {
    if (await db.items.get(id)) return
    const section = await db.sections.get(sectionId)
    if (!section) throw new ValidationError(['This section no longer exists'])
    const last = await db.items.where('[sectionId+order]').between([sectionId, Dexie.minKey], [sectionId, Dexie.maxKey]).last()
    const row = newItemRow({ newId: () => id, now: nowIso() }, section.planId, sectionId, orderAfter(last?.order), itemText)
    await writes.items.add(row)
  })
}

/** Adds a section under an id made beforehand; a section already there with that id is left alone. */
async function addSectionOnce(id: string, planId: string, title: string): Promise<void> {
  await db.transaction('rw', db.plans, db.sections, async () => {
    if (await db.sections.get(id)) return
    if (!(await db.plans.get(planId))) throw new ValidationError(['This plan no longer exists'])
    const last = await db.sections.where('[planId+order]').between([planId, Dexie.minKey], [planId, Dexie.maxKey]).last()
    await writes.sections.add(newSectionRow({ newId: () => id, now: nowIso() }, planId, orderAfter(last?.order), title))
  })
}

/** Writes what the user typed into the field `target` names. Rejects as the repository does. */
export async function saveDraft(target: DraftTarget, value: unknown): Promise<void> {
  switch (target.kind) {
    case 'item': {
      const v = text(value)
      return updateItem(target.id, target.field === 'due' ? { due: v === '' ? null : v } : { [target.field]: v })
    }
    case 'item-value': {
      const item = await db.items.get(target.id)
      if (!item) throw new ValidationError(['This item no longer exists'])
      const field = (await db.sections.get(item.sectionId))?.fields.find((f) => f.id === target.fieldId)
      if (!field) throw new ValidationError(['This field is no longer part of its section'])
      const parsed = parseFieldInput(field, text(value))
      if (!parsed.ok) throw new ValidationError([`${field.label}: ${parsed.error}`])
      return setItemValue(target.id, target.fieldId, parsed.value)
    }
    case 'new-item':
      return addItemOnce(target.id, target.sectionId, text(value))
    case 'new-log-entry': {
      const parsed = logEntryDraftSchema.safeParse(value)
      if (!parsed.success) throw new ValidationError(['The draft is not a log entry'])
      const { madeAt, ...entry } = parsed.data
      await addLogEntry(target.drillId, entry, { id: target.id, madeAt })
      return
    }
    case 'new-section':
      return addSectionOnce(target.id, target.planId, text(value))
    case 'plan': {
      const v = text(value)
      return updatePlan(target.id, target.field === 'reviewEveryDays' ? { reviewEveryDays: v.trim() === '' ? Number.NaN : Number(v) } : { [target.field]: v })
    }
    case 'section':
      return updateSection(target.id, { [target.field]: text(value) })
    case 'scenario':
      return patchScenario(target.id, scenarioFieldsOf(scenarioDraft(value)))
    case 'template-title':
      return renameTemplate(target.id, text(value))
    case 'rating-note':
      await rateObjective(target.id, target.index, { note: text(value) })
      return
    case 'user-name':
      return setUserName(text(value))
    case 'organisation-name':
      return setOrganisationName(text(value))
  }
}

/** What the target holds now, in the form the field shows it; null when its row is gone. */
async function readDraftTarget(entry: DraftEntry): Promise<CurrentValue | null> {
  const target = entry.target
  switch (target.kind) {
    case 'item': {
      const item = await db.items.get(target.id)
      if (!item) return null
      return { value: target.field === 'due' ? (item.due ?? '') : item[target.field], updatedAt: item.updatedAt }
    }
    case 'item-value': {
      const item = await db.items.get(target.id)
      const field = item && (await db.sections.get(item.sectionId))?.fields.find((f) => f.id === target.fieldId)
      if (!item || !field) return null
      return { value: formatFieldValue(field, item.values[target.fieldId]), updatedAt: item.updatedAt }
    }
    case 'new-item': {
      if (await db.items.get(target.id)) return { value: entry.value, updatedAt: null }
      return (await db.sections.get(target.sectionId)) ? { value: null, updatedAt: null } : null
    }
    case 'new-log-entry': {
      if (await db.drillEvents.get(target.id)) return { value: entry.value, updatedAt: null }
      return (await db.drills.get(target.drillId)) ? { value: null, updatedAt: null } : null
    }
    case 'new-section': {
      if (await db.sections.get(target.id)) return { value: entry.value, updatedAt: null }
      return (await db.plans.get(target.planId)) ? { value: null, updatedAt: null } : null
    }
    case 'plan': {
      const plan = await db.plans.get(target.id)
      if (!plan) return null
      return { value: target.field === 'reviewEveryDays' ? String(plan.reviewEveryDays) : plan[target.field], updatedAt: plan.updatedAt }
    }
    case 'section': {
      const section = await db.sections.get(target.id)
      return section ? { value: section[target.field], updatedAt: section.updatedAt } : null
    }
    case 'scenario': {
      const scenario = await db.scenarios.get(target.id)
      if (!scenario) return null
      const stored = draftOf(scenario)
      const keys = Object.keys(scenarioDraft(entry.value)) as (keyof ScenarioDraft)[]
      return { value: Object.fromEntries(keys.map((k) => [k, stored[k]])), updatedAt: scenario.updatedAt }
    }
    case 'template-title': {
      const template = await db.templates.get(target.id)
      return template ? { value: template.title, updatedAt: template.updatedAt } : null
    }
    case 'rating-note': {
      const drill = await db.drills.get(target.id)
      const rating = drill?.ratings[target.index]
      return drill && rating ? { value: rating.note, updatedAt: drill.updatedAt } : null
    }
    case 'user-name':
      return { value: await getSetting(SETTING_USER_NAME), updatedAt: null }
    case 'organisation-name':
      return { value: await getSetting(SETTING_ORGANISATION), updatedAt: null }
  }
}

interface ReplayReport {
  written: number
  setAside: number
  /** Left in the journal to try again next time (the write failed for a reason other than its content). */
  kept: number
}

/**
 * Writes what the journal kept from an earlier visit. An entry whose row is gone, which another
 * tab changed after it was typed, or which fails validation is set aside for the user, never
 * dropped; one that failed for another reason (a full disk) stays for the next load.
 */
export async function replayJournal(journal: DraftJournal): Promise<ReplayReport> {
  const report: ReplayReport = { written: 0, setAside: 0, kept: 0 }
  for (const entry of journal.pending()) {
    try {
      const current = await readDraftTarget(entry)
      // The journal is shared by every tab: one still open may have written or changed this entry
      // since the list was read. Only the entry as it stands now is written.
      const still = journal.get(entry.target)
      if (!still || !sameValue(still.value, entry.value) || still.at !== entry.at) continue
      const decision = replayDecision(entry, current)
      if (decision === 'missing') {
        journal.setAside(entry, 'what it belonged to no longer exists')
        report.setAside++
      } else if (decision === 'conflict') {
        journal.setAside(entry, 'it was changed elsewhere after you typed this')
        report.setAside++
      } else {
        if (decision === 'apply') {
          await saveDraft(entry.target, entry.value)
          report.written++
        }
        journal.clear(entry.target, entry.value)
      }
    } catch (e) {
      if (e instanceof ValidationError) {
        journal.setAside(entry, e.problems.join('; '))
        report.setAside++
      } else {
        report.kept++
      }
    }
  }
  return report
}
