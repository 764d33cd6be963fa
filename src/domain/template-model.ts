// The shape of a plan template: built-in content is data of this shape, checked by a test.
import type { FieldDef, FieldValue } from './model'
import type { PlanKind } from './vocabulary'

export interface TemplateItem {
  text: string
  /** What "done" looks like for this item. */
  guidance: string
  /** Example values for the section's typed fields, keyed by field id. */
  values?: Record<string, FieldValue>
}

export interface TemplateSection {
  title: string
  guidance: string
  fields?: FieldDef[]
  items: TemplateItem[]
}

export interface PlanTemplate {
  id: string
  /** Bumped whenever the content changes, so a plan records which text it was made from. */
  version: number
  kind: PlanKind
  title: string
  /** One line for the New plan dialog. */
  summary: string
  description: string
  reviewEveryDays: number
  sections: TemplateSection[]
}
