// The fixed words of the model: plan kinds, statuses, field types, and how they read.
// Kept apart from the schemas so that screens which only show them stay light.

export const PLAN_KINDS = ['incident-response', 'continuity', 'supplier-review', 'drill-programme', 'custom'] as const
export const PLAN_STATUSES = ['draft', 'active', 'retired'] as const
export const ITEM_STATUSES = ['open', 'done', 'not-applicable', 'blocked'] as const
export const FIELD_TYPES = ['text', 'date', 'number', 'select', 'contact', 'duration', 'links'] as const
/** What a links field points at: rows of supplier registers, or business functions of impact analyses. */
export const LINK_TARGETS = ['supplier', 'function'] as const

export type PlanKind = (typeof PLAN_KINDS)[number]
export type PlanStatus = (typeof PLAN_STATUSES)[number]
export type ItemStatus = (typeof ITEM_STATUSES)[number]
export type FieldType = (typeof FIELD_TYPES)[number]
export type LinkTarget = (typeof LINK_TARGETS)[number]

export const KIND_LABELS: Record<PlanKind, string> = {
  'incident-response': 'Incident response',
  continuity: 'Business continuity',
  'supplier-review': 'Supplier review',
  'drill-programme': 'Drill programme',
  custom: 'Custom',
}

export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { draft: 'Draft', active: 'Active', retired: 'Retired' }

export const STATUS_LABELS: Record<ItemStatus, string> = {
  open: 'Open',
  done: 'Done',
  'not-applicable': 'Not applicable',
  blocked: 'Blocked',
}
