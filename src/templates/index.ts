// The built-in plan templates, in the order the New plan dialog lists them.
import type { PlanTemplate } from '../domain/template-model'
import { continuityTemplate } from './continuity'
import { drillProgrammeTemplate } from './drill-programme'
import { incidentResponseTemplate } from './incident-response'
import { supplierReviewTemplate } from './supplier-review'

const blankTemplate: PlanTemplate = {
  id: 'blank',
  version: 1,
  kind: 'custom',
  title: 'Blank plan',
  summary: 'Start from an empty checklist and add your own sections and items.',
  description: '',
  reviewEveryDays: 365,
  sections: [{ title: 'Checklist', guidance: '', items: [] }],
}

export const BUILTIN_TEMPLATES: readonly PlanTemplate[] = [
  incidentResponseTemplate,
  continuityTemplate,
  supplierReviewTemplate,
  drillProgrammeTemplate,
  blankTemplate,
]

export function findTemplate(id: string): PlanTemplate | undefined {
  return BUILTIN_TEMPLATES.find((t) => t.id === id)
}
