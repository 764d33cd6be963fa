import { SUPPLIER_REGISTER_FIELDS } from '../../src/domain/section-roles'
import { describe, it, expect } from 'vitest'
import { fieldValueError } from '../../src/domain/fields'
import { LIMITS } from '../../src/domain/limits'
import { fieldDefSchema } from '../../src/domain/model'
import { PLAN_KINDS } from '../../src/domain/vocabulary'
import type { PlanTemplate, TemplateSection } from '../../src/domain/template-model'
import { BUILTIN_TEMPLATES, findTemplate } from '../../src/templates/index'

const itemCount = (t: PlanTemplate): number => t.sections.reduce((n, s) => n + s.items.length, 0)
const fieldIds = (s: TemplateSection): string[] => (s.fields ?? []).map((f) => f.id)
const hasFields = (s: TemplateSection, ids: string[]): boolean => ids.every((id) => fieldIds(s).includes(id))

describe('built-in templates', () => {
  it('have unique ids and positive integer versions', () => {
    const ids = BUILTIN_TEMPLATES.map((t) => t.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const t of BUILTIN_TEMPLATES) {
      expect(Number.isInteger(t.version), t.id).toBe(true)
      expect(t.version, t.id).toBeGreaterThan(0)
    }
  })

  it('list the four kinds in order, then the blank template', () => {
    expect(BUILTIN_TEMPLATES.map((t) => t.id)).toEqual(['incident-response', 'business-continuity', 'supplier-review', 'drill-programme', 'blank'])
    expect(BUILTIN_TEMPLATES.map((t) => t.kind)).toEqual(['incident-response', 'continuity', 'supplier-review', 'drill-programme', 'custom'])
  })

  it('are found by id', () => {
    for (const t of BUILTIN_TEMPLATES) expect(findTemplate(t.id)).toBe(t)
    expect(findTemplate('no-such-template')).toBeUndefined()
  })

  it('include a blank template with one empty Checklist section', () => {
    const blank = findTemplate('blank')
    expect(blank?.kind).toBe('custom')
    expect(blank?.title).toBe('Blank plan')
    expect(blank?.sections).toHaveLength(1)
    expect(blank?.sections[0]?.title).toBe('Checklist')
    expect(blank?.sections[0]?.items).toHaveLength(0)
  })

  for (const t of BUILTIN_TEMPLATES) {
    describe(t.id, () => {
      it('has a valid header', () => {
        expect(PLAN_KINDS).toContain(t.kind)
        expect(t.title.trim().length).toBeGreaterThan(0)
        expect(t.title.length).toBeLessThanOrEqual(LIMITS.title)
        expect(t.summary.trim().length).toBeGreaterThan(0)
        expect(t.description.length).toBeLessThanOrEqual(LIMITS.longText)
        expect(Number.isInteger(t.reviewEveryDays)).toBe(true)
        expect(t.reviewEveryDays).toBeGreaterThanOrEqual(1)
        expect(t.reviewEveryDays).toBeLessThanOrEqual(LIMITS.reviewEveryDaysMax)
      })

      if (t.id !== 'blank') {
        it('has at least 3 sections and 25 items', () => {
          expect(t.sections.length).toBeGreaterThanOrEqual(3)
          expect(itemCount(t)).toBeGreaterThanOrEqual(25)
        })
      }

      it('has valid sections, fields and items', () => {
        for (const s of t.sections) {
          expect(s.title.trim().length, 'section title').toBeGreaterThan(0)
          expect(s.title.length, s.title).toBeLessThanOrEqual(LIMITS.title)
          expect(s.guidance.length, s.title).toBeLessThanOrEqual(LIMITS.longText)

          const fields = s.fields ?? []
          expect(fields.length, s.title).toBeLessThanOrEqual(LIMITS.fieldsPerSection)
          for (const f of fields) {
            const parsed = fieldDefSchema.safeParse(f)
            expect(parsed.success, `${s.title} / ${f.id}: ${parsed.error?.message ?? ''}`).toBe(true)
            if (f.type === 'select') expect(f.options?.length ?? 0, `${s.title} / ${f.id} options`).toBeGreaterThan(0)
          }
          const ids = fieldIds(s)
          expect(new Set(ids).size, `${s.title} field ids`).toBe(ids.length)

          for (const item of s.items) {
            const where = `${s.title} / ${item.text}`
            expect(item.text.trim().length, where).toBeGreaterThan(0)
            expect(item.text.length, where).toBeLessThanOrEqual(LIMITS.shortText)
            expect(item.guidance.trim().length, where).toBeGreaterThan(0)
            expect(item.guidance.length, where).toBeLessThanOrEqual(LIMITS.longText)
            for (const [key, value] of Object.entries(item.values ?? {})) {
              const field = fields.find((f) => f.id === key)
              expect(field, `${where}: value "${key}" names no field`).toBeDefined()
              if (field) expect(fieldValueError(field, value), `${where}: ${key}`).toBeNull()
            }
          }
        }
      })

      it('keeps example RTOs within the MTPD', () => {
        for (const s of t.sections) {
          if (!hasFields(s, ['rto', 'mtpd'])) continue
          for (const item of s.items) {
            const rto = item.values?.rto
            const mtpd = item.values?.mtpd
            if (typeof rto === 'number' && typeof mtpd === 'number') expect(rto, item.text).toBeLessThanOrEqual(mtpd)
          }
        }
      })
    })
  }

  it('give the continuity plan a business impact analysis and a contact tree', () => {
    const t = findTemplate('business-continuity')
    expect(t).toBeDefined()
    const sections = t?.sections ?? []
    const bia = sections.find((s) => hasFields(s, ['rto', 'rpo', 'mtpd']))
    expect(bia).toBeDefined()
    expect(bia?.role).toBe('impact-analysis')
    for (const id of ['rto', 'rpo', 'mtpd']) expect(bia?.fields?.find((f) => f.id === id)?.type).toBe('duration')
    expect(bia?.fields?.find((f) => f.id === 'impact')?.options).toEqual(['Low', 'Medium', 'High', 'Critical'])
    expect(bia?.items.length ?? 0).toBeGreaterThan(0)
    expect(sections.some((s) => hasFields(s, ['phone']))).toBe(true)
  })

  it('give the supplier review a register with the expected fields', () => {
    const t = findTemplate('supplier-review')
    expect(t).toBeDefined()
    const register = t?.sections.find((s) => s.role === 'supplier-register')
    expect(register).toBeDefined()
    const type = (id: string) => register?.fields?.find((f) => f.id === id)?.type
    // The register carries every field the kit reads from a supplier, by id; which functions rely
    // on a supplier is the functions' own link, not a column here.
    expect(register?.fields?.map((f) => f.id)).toEqual(SUPPLIER_REGISTER_FIELDS.map((f) => f.id))
    expect(register?.fields?.map((f) => f.id)).not.toContain('functions')
    expect(type('runsOn')).toBe('links')
    expect(type('statusPage')).toBe('url')
    expect(type('supportLine')).toBe('phone')
    expect(type('noticePeriod')).toBe('duration')
    expect(type('criticality')).toBe('select')
    expect(type('outcome')).toBe('select')
    expect(type('contractEnd')).toBe('date')
    expect(type('lastReviewed')).toBe('date')
    expect(register?.fields?.find((f) => f.id === 'criticality')?.options).toEqual(['Low', 'Medium', 'High', 'Critical'])
    expect(register?.fields?.find((f) => f.id === 'outcome')?.options).toEqual(['OK', 'Warning', 'Blocker'])
    expect(register?.items.length ?? 0).toBeGreaterThan(0)
  })

  // The runbook for the day: steps a grab pack can put a name and a phone number against.
  for (const id of ['incident-response', 'business-continuity', 'supplier-review']) {
    it(`give the ${id} template response steps for invoking and the first hour, each done by a role it names`, () => {
      const t = findTemplate(id)
      const items = t?.sections.flatMap((s) => s.items) ?? []
      const steps = items.filter((i) => i.kind === 'step')
      const phases = new Set(steps.map((s) => s.phase ?? 'first-hour'))
      expect(phases.has('invoke'), 'a step for deciding to invoke').toBe(true)
      expect(phases.has('first-hour'), 'a step for the first hour').toBe(true)
      const roles = new Set(
        (t?.sections ?? [])
          .filter((s) => s.role === 'roles' || s.role === 'contact-tree')
          .flatMap((s) => s.items.map((i) => i.values?.role))
          .filter((r): r is string => typeof r === 'string'),
      )
      expect(roles.size, 'a roles section or contact tree').toBeGreaterThan(0)
      for (const step of steps) expect(roles, `${step.text}: role "${step.role ?? ''}"`).toContain(step.role)
      // Preparation stays preparation: tasks say no phase or role.
      for (const task of items.filter((i) => i.kind !== 'step')) {
        expect(task.phase ?? null, task.text).toBeNull()
        expect(task.role ?? '', task.text).toBe('')
      }
    })
  }
})
