// The shape of a plan template: built-in content is data of this shape, checked by a test.
import type { FieldDef, FieldValue } from './model'
import type { ItemKind, Phase, PlanKind, SectionRole } from './vocabulary'

export interface TemplateItem {
  text: string
  /** What "done" looks like for this item. */
  guidance: string
  /** Example values for the section's typed fields, keyed by field id. */
  values?: Record<string, FieldValue>
  /** A preparation task unless it says it is a response step. */
  kind?: ItemKind
  /** When a response step happens (first hour unless it says). */
  phase?: Phase | null
  /** Who does a response step: a role the plan's roles or contact tree names. */
  role?: string
}

export interface TemplateSection {
  title: string
  guidance: string
  /** A checklist unless it says what else it is. */
  role?: SectionRole
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
