// The fixed words of the model: plan kinds, statuses, field types, and how they read.
// Kept apart from the schemas so that screens which only show them stay light.

export const PLAN_KINDS = ['incident-response', 'continuity', 'supplier-review', 'drill-programme', 'custom'] as const
export const PLAN_STATUSES = ['draft', 'active', 'retired'] as const
export const ITEM_STATUSES = ['open', 'done', 'not-applicable', 'blocked'] as const
export const FIELD_TYPES = ['text', 'date', 'number', 'select', 'contact', 'duration', 'links', 'url', 'phone'] as const
/** What a links field points at: rows of supplier registers, or business functions of impact analyses. */
export const LINK_TARGETS = ['supplier', 'function'] as const

/**
 * What a section is, recorded in the data: registers are read by role and their fields by id,
 * so renaming a section or a field never changes what the kit does with it.
 */
export const SECTION_ROLES = ['checklist', 'impact-analysis', 'supplier-register', 'contact-tree', 'roles', 'records'] as const
/** A preparation task is done once and reviewed; a response step is what to do on the day. */
export const ITEM_KINDS = ['task', 'step'] as const
/** When a response step happens, in the order the day runs. */
export const PHASES = ['invoke', 'first-hour', 'first-day', 'recovery', 'after'] as const
/** The one list of impact and criticality levels, lowest first. */
export const LEVELS = ['Low', 'Medium', 'High', 'Critical'] as const
/** The one list of supplier review outcomes, best first. */
export const OUTCOMES = ['OK', 'Warning', 'Blocker'] as const

export type PlanKind = (typeof PLAN_KINDS)[number]
export type PlanStatus = (typeof PLAN_STATUSES)[number]
export type ItemStatus = (typeof ITEM_STATUSES)[number]
export type FieldType = (typeof FIELD_TYPES)[number]
export type LinkTarget = (typeof LINK_TARGETS)[number]
export type SectionRole = (typeof SECTION_ROLES)[number]
export type ItemKind = (typeof ITEM_KINDS)[number]
export type Phase = (typeof PHASES)[number]

export const SECTION_ROLE_LABELS: Record<SectionRole, string> = {
  checklist: 'Checklist',
  'impact-analysis': 'Business impact analysis',
  'supplier-register': 'Supplier register',
  'contact-tree': 'Contact tree',
  roles: 'Roles and contacts',
  records: 'Records and backups',
}

export const ITEM_KIND_LABELS: Record<ItemKind, string> = { task: 'Preparation task', step: 'Response step' }

export const PHASE_LABELS: Record<Phase, string> = {
  invoke: 'Deciding to invoke',
  'first-hour': 'First hour',
  'first-day': 'First day',
  recovery: 'Until recovered',
  after: 'Afterwards',
}

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
