// Reading an import file: every check runs before anything is written, and each problem names
// where it is and what is wrong ("plans[0].items[5].due: "31/02/2026" is not a date").
import * as z from 'zod/mini'
import { fieldValueError } from './fields'
import { exportDocumentSchema, exportedPlanSchema, type ExportDocument, type ExportedPlan } from './export-format'
import { FORMAT, FORMAT_VERSION, MAX_IMPORT_BYTES } from './format-version'
import { migrateDocument } from './format-migrations'
import { quote } from './quote'
import { formatPath, issueMessages } from './validation'

const MAX_SHOWN_PROBLEMS = 20
const MAX_DEPTH = 32
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

export type ImportCheck = { ok: true; doc: ExportDocument } | { ok: false; problems: string[]; more: number }

/** How far the check is: items checked of the items in the file. */
export interface CheckProgress {
  done: number
  total: number
}
/** Progress is reported after about this many items, so a big file says how far it is. */
const PROGRESS_EVERY = 2_000

// The document without its plans, which are checked one at a time so that progress can be told.
const documentHeadSchema = z.strictObject({
  ...exportDocumentSchema.shape,
  plans: z.array(z.unknown()).check(z.maxLength(10_000, 'at most 10,000 plans in one file')),
})

const fail = (problems: string[]): ImportCheck => ({
  ok: false,
  problems: problems.slice(0, MAX_SHOWN_PROBLEMS),
  more: Math.max(0, problems.length - MAX_SHOWN_PROBLEMS),
})

/** Keys that could reach an object's prototype, and nesting no export ever has. */
function structureProblems(value: unknown): string[] {
  const problems: string[] = []
  const walk = (v: unknown, path: (string | number)[]) => {
    if (problems.length > MAX_SHOWN_PROBLEMS) return
    if (path.length > MAX_DEPTH) {
      problems.push(`${formatPath(path)}: nested deeper than any Continuity Kit export`)
      return
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]))
    else if (v !== null && typeof v === 'object') {
      for (const key of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(key)) problems.push(`${formatPath(path) || 'document'}: the key "${key}" is not allowed`)
        else walk((v as Record<string, unknown>)[key], [...path, key])
      }
    }
  }
  walk(value, [])
  return problems
}

/** Checks that need the whole document: unique ids, items in sections of their own plan, field values. */
function referenceProblems(doc: ExportDocument): string[] {
  const problems: string[] = []
  const seen = new Map<string, string>()
  const claim = (id: string, where: string) => {
    const first = seen.get(id)
    if (first) problems.push(`${where}.id: "${id}" is used twice in this file (also at ${first})`)
    else seen.set(id, where)
  }
  doc.plans.forEach((plan, p) => {
    claim(plan.id, `plans[${p}]`)
    const sections = new Map(plan.sections.map((s) => [s.id, s]))
    plan.sections.forEach((s, si) => {
      claim(s.id, `plans[${p}].sections[${si}]`)
      const fieldIds = s.fields.map((f) => f.id)
      if (new Set(fieldIds).size !== fieldIds.length) problems.push(`plans[${p}].sections[${si}].fields: two fields share one id`)
    })
    plan.items.forEach((item, ii) => {
      const where = `plans[${p}].items[${ii}]`
      claim(item.id, where)
      const section = sections.get(item.sectionId)
      if (!section) {
        problems.push(`${where}.sectionId: ${quote(item.sectionId)} is not a section of this plan`)
        return
      }
      for (const [key, value] of Object.entries(item.values)) {
        const field = section.fields.find((f) => f.id === key)
        if (!field) problems.push(`${where}.values.${key}: the section has no field "${key}"`)
        else {
          const error = fieldValueError(field, value)
          // "NaN" or "Infinity" written as text: say what the file holds, not only what it should.
          const named =
            (field.type === 'number' || field.type === 'duration') && typeof value === 'string'
              ? `${field.label}: ${quote(value)} is text, not a number`
              : error
          if (error) problems.push(`${where}.values.${key}: ${named}`)
        }
      }
    })
  })
  doc.drills.forEach((drill, d) => {
    claim(drill.id, `drills[${d}]`)
    drill.events.forEach((e, ei) => claim(e.id, `drills[${d}].events[${ei}]`))
  })
  doc.scenarios.forEach((s, i) => claim(s.id, `scenarios[${i}]`))
  doc.templates.forEach((t, i) => claim(t.id, `templates[${i}]`))
  return problems
}

/**
 * Reads the text of an import file into a checked document of the current format version,
 * migrating older versions forward, or says everything that is wrong with it.
 */
export function checkImport(text: string, byteSize: number = text.length, onProgress?: (progress: CheckProgress) => void): ImportCheck {
  if (byteSize > MAX_IMPORT_BYTES) {
    return fail([`The file is ${(byteSize / 1024 / 1024).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`])
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return fail([`This file is not JSON (${e instanceof Error ? e.message : 'it could not be read'}).`])
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return fail(['This file is not a Continuity Kit export: it is not a JSON object.'])
  const head = raw as Record<string, unknown>
  if (head.format !== FORMAT) {
    return fail([`This file is not a Continuity Kit export: its "format" is ${head.format === undefined ? 'missing' : quote(head.format)}, not "${FORMAT}".`])
  }
  const version = head.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail([`version: ${quote(version)} is not a format version (a whole number from 1).`])
  }
  if (version > FORMAT_VERSION) {
    return fail([
      `This file was written in format version ${version} by a newer Continuity Kit; this app reads versions up to ${FORMAT_VERSION}. Update the app (reload it while online) to import it.`,
    ])
  }
  const structural = structureProblems(raw)
  if (structural.length) return fail(structural)
  let migrated: unknown
  try {
    migrated = migrateDocument(head, version)
  } catch (e) {
    // Bringing an older file up to date met something its version could not have written.
    return fail([
      `This version ${version} file holds something its version could not have written (${e instanceof Error ? e.message : String(e)}); it was not imported.`,
    ])
  }
  const parsed = documentHeadSchema.safeParse(migrated)
  if (!parsed.success) return fail(issueMessages(parsed.error))
  const rawPlans = parsed.data.plans
  const total = rawPlans.reduce<number>((n, p) => n + (isRecord(p) && Array.isArray(p.items) ? p.items.length : 0), 0)
  const problems: string[] = []
  const plans: ExportedPlan[] = []
  let done = 0
  let told = 0
  onProgress?.({ done, total })
  for (const [i, raw] of rawPlans.entries()) {
    const plan = exportedPlanSchema.safeParse(raw)
    if (plan.success) plans.push(plan.data)
    else problems.push(...issueMessages(plan.error, `plans[${i}]`))
    if (problems.length > MAX_SHOWN_PROBLEMS * 5) break
    done += isRecord(raw) && Array.isArray(raw.items) ? raw.items.length : 0
    if (done - told >= PROGRESS_EVERY) {
      told = done
      onProgress?.({ done, total })
    }
  }
  if (problems.length) return fail(problems)
  const doc: ExportDocument = { ...parsed.data, plans }
  const references = referenceProblems(doc)
  if (references.length) return fail(references)
  onProgress?.({ done: total, total })
  return { ok: true, doc }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
