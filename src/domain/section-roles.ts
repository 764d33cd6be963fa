// What each kind of register section holds: the fields the kit reads, by id. A section's role is
// recorded in the data; these ids are how its fields are found, so renaming a field (its label)
// never changes what the kit does with it.
import type { FieldDef } from './model'
import { LEVELS, OUTCOMES, type SectionRole } from './vocabulary'

const level = [...LEVELS]

export const IMPACT_ANALYSIS_FIELDS = [
  { id: 'impact', label: 'Impact if stopped', type: 'select', options: level },
  { id: 'rto', label: 'RTO', type: 'duration', help: 'Recovery time objective: by when the function must be running again' },
  { id: 'rpo', label: 'RPO', type: 'duration', help: 'Recovery point objective: how much recent data you could afford to lose' },
  { id: 'mtpd', label: 'MTPD', type: 'duration', help: 'Maximum tolerable period of disruption; longer than the RTO' },
  { id: 'dependencies', label: 'Dependencies', type: 'text', help: 'People, premises, systems, data and suppliers it needs' },
  { id: 'workaround', label: 'Workaround', type: 'text', help: 'What people do instead while it is unavailable' },
  { id: 'suppliers', label: 'Suppliers it needs', type: 'links', linksTo: 'supplier', help: 'Pick from the registers of your supplier reviews' },
  { id: 'dependsOn', label: 'Functions it depends on', type: 'links', linksTo: 'function', help: 'Other business functions that must run first' },
] as const satisfies readonly FieldDef[]

export const SUPPLIER_REGISTER_FIELDS = [
  { id: 'service', label: 'Service provided', type: 'text' },
  { id: 'criticality', label: 'Criticality', type: 'select', options: level },
  { id: 'alternative', label: 'Alternative', type: 'text', help: 'Another provider, a manual route, or none' },
  { id: 'exitPlan', label: 'Exit plan', type: 'text', help: 'How you would leave or replace this supplier' },
  { id: 'runsOn', label: 'Runs on (your suppliers)', type: 'links', linksTo: 'supplier', help: 'Suppliers of yours this one depends on, e.g. its hosting' },
  { id: 'platform', label: 'Runs on (other provider)', type: 'text', help: 'A provider that is not yours, e.g. Microsoft Azure or AWS' },
  { id: 'region', label: 'Region', type: 'text', help: "The provider's region, e.g. West Europe or us-east-1" },
  { id: 'statusPage', label: 'Status page', type: 'url' },
  { id: 'supportLine', label: 'Support line', type: 'phone' },
  { id: 'contractRef', label: 'Account or contract reference', type: 'text' },
  { id: 'slaAvailability', label: 'SLA availability', type: 'text', help: 'e.g. 99.9% a month' },
  { id: 'slaResponse', label: 'SLA response time', type: 'duration' },
  { id: 'contractEnd', label: 'Contract end', type: 'date' },
  { id: 'noticePeriod', label: 'Notice period', type: 'duration', help: 'How long before the contract end you must give notice' },
  { id: 'lastReviewed', label: 'Last reviewed', type: 'date' },
  { id: 'outcome', label: 'Review outcome', type: 'select', options: [...OUTCOMES] },
  { id: 'reviewEveryDays', label: 'Review every (days)', type: 'number', help: "Leave empty to follow the plan's review interval" },
] as const satisfies readonly FieldDef[]

export const CONTACT_TREE_FIELDS = [
  { id: 'role', label: 'Role', type: 'text' },
  { id: 'phone', label: 'Phone', type: 'phone', help: 'Mobile and out-of-hours numbers' },
  { id: 'deputy', label: 'Deputy', type: 'contact' },
  { id: 'calls', label: 'Calls next', type: 'text' },
] as const satisfies readonly FieldDef[]

export const ROLES_FIELDS = [
  { id: 'role', label: 'Role', type: 'text' },
  { id: 'person', label: 'Person', type: 'contact' },
  { id: 'deputy', label: 'Deputy', type: 'contact' },
  { id: 'phone', label: 'Phone', type: 'phone', help: 'Mobile and out-of-hours numbers' },
] as const satisfies readonly FieldDef[]

export const RECORDS_FIELDS = [
  { id: 'masterCopy', label: 'Where the master copy lives', type: 'text' },
  { id: 'backupCopy', label: 'Where the backups are', type: 'text', help: 'Each copy, and which one is offline or cannot be changed' },
  { id: 'access', label: 'How to reach the backups', type: 'text', help: 'Without the usual sign-in: where the credentials and instructions are kept' },
  { id: 'lastRestoreTest', label: 'Last restore tested', type: 'date' },
] as const satisfies readonly FieldDef[]

/** The fields each role's section carries; a checklist needs none. */
const ROLE_FIELDS: Record<SectionRole, readonly FieldDef[]> = {
  checklist: [],
  'impact-analysis': IMPACT_ANALYSIS_FIELDS,
  'supplier-register': SUPPLIER_REGISTER_FIELDS,
  'contact-tree': CONTACT_TREE_FIELDS,
  roles: ROLES_FIELDS,
  records: RECORDS_FIELDS,
}

const copyField = (f: FieldDef): FieldDef => (f.options ? { ...f, options: [...f.options] } : { ...f })

/**
 * A role's fields added to `fields` where missing (by id), after those already there. A field
 * that has the id but another type keeps its label and takes the role's type only when no value
 * is lost by that (the caller repairs values, see row-repair.ts).
 */
export function withRoleFields(role: SectionRole, fields: readonly FieldDef[]): FieldDef[] {
  const have = new Set(fields.map((f) => f.id))
  return [...fields, ...ROLE_FIELDS[role].filter((f) => !have.has(f.id)).map(copyField)]
}
