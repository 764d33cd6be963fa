// Fields of this plan that two devices changed differently while apart. Every device shows the same
// winning value; the other is kept in this device's sharing bookkeeping and listed here, with both
// values in words, until someone keeps one of them. Only the bookkeeping is read (never the sharing
// engine), so the plan page loads no sharing code; with sharing never set up nothing is read at all.
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useSyncExternalStore, type ReactNode } from 'react'
import { Link } from 'wouter'
import { chooseConflictValue, planConflictsWithItems, type RowConflicts } from '../../db/sync/conflict-choices'
import { isSharingSetUp, subscribeSharingSetUp } from '../../db/sync/sharing-flag'
import { formatDateTime } from '../../domain/date-times'
import { formatDate, isCalendarDate, isTimestamp } from '../../domain/dates'
import type { FieldDef, FieldValue, Item, Plan, Section } from '../../domain/model'
import type { FieldConflict } from '../../domain/sync/merge'
import {
  ITEM_KIND_LABELS,
  KIND_LABELS,
  PHASE_LABELS,
  PLAN_STATUS_LABELS,
  SECTION_ROLE_LABELS,
  STATUS_LABELS,
  type ItemKind,
  type ItemStatus,
  type Phase,
  type PlanKind,
  type PlanStatus,
  type SectionRole,
} from '../../domain/vocabulary'
import { attempt } from '../../ui/errors'
import { href } from '../../ui/routes'
import { showToast } from '../../ui/toast-store'
import { FieldValueText } from './field-value-text'
import { LinkedNames } from './links-input'
import './conflicts.css'

/** One row of the plan with open conflicts, and its current version (undefined once the row is gone). */
interface ConflictEntry extends RowConflicts {
  item?: Item
}

const NONE: readonly ConflictEntry[] = []

async function readConflicts(planId: string): Promise<readonly ConflictEntry[]> {
  const rows = await planConflictsWithItems(planId)
  return rows.length ? rows : NONE
}

/** The open conflicts of a plan, read live; none while sharing is not set up on this device. */
export function usePlanConflicts(planId: string): readonly ConflictEntry[] {
  const sharing = useSyncExternalStore(subscribeSharingSetUp, isSharingSetUp, () => false)
  return useLiveQuery(() => (sharing ? readConflicts(planId) : NONE), [planId, sharing], NONE)
}

/** The id of an item's entry in the panel, which its row's marker brings into view. */
const entryId = (itemId: string) => `conflicts-item-${itemId}`

/** On an item's row: says it has a conflict and brings its entry in the panel into view. */
export function ConflictMarker({ itemId, itemText }: { itemId: string; itemText: string }) {
  const show = useCallback(() => {
    const entry = document.getElementById(entryId(itemId))
    entry?.scrollIntoView?.({ block: 'center' })
    entry?.focus({ preventScroll: true })
  }, [itemId])
  return (
    <button
      type="button"
      className="inline-action conflict-marker no-print"
      aria-label={`Changed on two devices: see both values of ${itemText}`}
      onClick={show}
    >
      <span aria-hidden="true">⇄ </span>Changed on two devices
    </button>
  )
}

type Table = 'plans' | 'sections' | 'items'

const LABELS: Record<Table, Record<string, string>> = {
  items: {
    text: 'Text',
    guidance: 'What done looks like',
    kind: 'Kind',
    phase: 'Phase',
    role: 'Role',
    status: 'Status',
    owner: 'Owner',
    due: 'Due',
    notes: 'Notes',
    evidence: 'Evidence',
    order: 'Place in the list',
    sectionId: 'Section',
    doneAt: 'Done on',
    source: 'Came from',
  },
  sections: { title: 'Section title', guidance: 'Section guidance', role: 'What the section is', fields: 'Fields', order: 'Place in the plan' },
  plans: {
    title: 'Plan title',
    description: 'Description',
    owner: 'Owner',
    status: 'Plan status',
    kind: 'Kind of plan',
    reviewEveryDays: 'Review every (days)',
    reviewedAt: 'Last reviewed',
    reviewedBy: 'Reviewed by',
    templateId: 'Template',
    templateVersion: 'Template version',
    deletedAt: 'In the trash since',
  },
}

/** Fields that hold a moment (a timestamp), shown as a local date and time. */
const MOMENTS = new Set(['doneAt', 'reviewedAt', 'deletedAt', 'createdAt'])

/** A word for a stored code, or the code itself when this version does not know it. */
const word = (labels: Readonly<Record<string, string>>, value: unknown): string => (typeof value === 'string' ? (labels[value] ?? value) : String(value))

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

const isFieldValue = (v: unknown): v is FieldValue =>
  v === null || typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))

interface Context {
  table: Table
  sections: readonly Section[]
  /** The typed fields of the row's section (items only). */
  fields: readonly FieldDef[]
}

/** A value as the plan page shows it: words for codes, dates in the user's locale, typed values as their field shows them. */
function ValueText({ field, value, ctx }: { field: string; value: unknown; ctx: Context }): ReactNode {
  if (isEmpty(value)) return <span className="muted">(empty)</span>
  if (field.startsWith('values.')) {
    const def = ctx.fields.find((f) => f.id === field.slice(7))
    if (def && isFieldValue(value)) return Array.isArray(value) ? <LinkedNames field={def} ids={value} /> : <FieldValueText field={def} value={value} />
    return String(value)
  }
  const { table } = ctx
  if (field === 'status') return table === 'plans' ? word(PLAN_STATUS_LABELS, value as PlanStatus) : word(STATUS_LABELS, value as ItemStatus)
  if (field === 'kind') return table === 'plans' ? word(KIND_LABELS, value as PlanKind) : word(ITEM_KIND_LABELS, value as ItemKind)
  if (field === 'phase') return word(PHASE_LABELS, value as Phase)
  if (table === 'sections' && field === 'role') return word(SECTION_ROLE_LABELS, value as SectionRole)
  if (field === 'order') return <span className="muted">(a place in the list)</span>
  if (field === 'sectionId') return ctx.sections.find((s) => s.id === value)?.title ?? 'a section no longer in this plan'
  if (field === 'fields' && Array.isArray(value)) return value.map((f: { label?: unknown }) => String(f.label ?? '')).join(', ')
  if (field === 'source' && typeof value === 'object' && value !== null && 'label' in value) return String(value.label)
  if (field === 'due' && typeof value === 'string' && isCalendarDate(value)) return <time dateTime={value}>{formatDate(value)}</time>
  if (MOMENTS.has(field) && typeof value === 'string' && isTimestamp(value)) return <time dateTime={value}>{formatDateTime(value)}</time>
  if (typeof value === 'string' || typeof value === 'number') return String(value)
  return JSON.stringify(value)
}

/** A field's name in words: the section's label for a typed value. */
function fieldLabel(field: string, ctx: Context): string {
  if (field.startsWith('values.')) return ctx.fields.find((f) => f.id === field.slice(7))?.label ?? 'A field no longer in this section'
  return LABELS[ctx.table][field] ?? field
}

const currentValue = (row: Readonly<Record<string, unknown>> | undefined, field: string): unknown => {
  if (!row) return undefined
  if (!field.startsWith('values.')) return row[field]
  const values = row.values as Readonly<Record<string, unknown>> | undefined
  return values?.[field.slice(7)]
}

/** The row's name as the heading of its entry. */
function RowName({ entry, planId, sections }: { entry: ConflictEntry; planId: string; sections: readonly Section[] }) {
  if (entry.table === 'plans') return <>This plan</>
  if (entry.table === 'sections') {
    const section = sections.find((s) => s.id === entry.id)
    return section ? <>Section «{section.title}»</> : <>A section no longer in this plan</>
  }
  return entry.item ? (
    <>
      Item <Link href={href.item(planId, entry.id)}>{entry.item.text}</Link>
    </>
  ) : (
    <>An item no longer in this plan</>
  )
}

function rowNameText(entry: ConflictEntry, sections: readonly Section[]): string {
  if (entry.table === 'plans') return 'this plan'
  if (entry.table === 'sections') return `section ${sections.find((s) => s.id === entry.id)?.title ?? ''}`.trim()
  return entry.item?.text ?? 'the removed item'
}

function FieldConflicts(props: { entry: ConflictEntry; field: string; others: FieldConflict[]; current: unknown; ctx: Context; rowText: string }) {
  const { entry, field, others, current, ctx, rowText } = props
  const label = fieldLabel(field, ctx)
  const choose = async (conflict: FieldConflict, take: 'this' | 'other') => {
    const done = await attempt(async () => {
      await chooseConflictValue(entry.key, conflict, take)
      return true
    })
    if (done) showToast({ tone: 'info', text: `${label} of ${rowText}: kept ${take === 'this' ? 'the value this device shows' : "the other device's value"}.` })
  }
  const first = others[0]
  return (
    <div className="conflict-field" role="group" aria-label={`${label} of ${rowText}`}>
      <h4>{label}</h4>
      <dl className="conflict-values">
        <div>
          <dt>This device shows:</dt>
          <dd>
            <ValueText field={field} value={current} ctx={ctx} />
          </dd>
        </div>
        {others.map((c, i) => (
          <div key={i}>
            <dt>
              The other device&apos;s change
              {c.at && isTimestamp(c.at) && (
                <>
                  {' '}
                  (<time dateTime={c.at}>{formatDateTime(c.at)}</time>)
                </>
              )}
              :
            </dt>
            <dd>
              <ValueText field={field} value={c.value} ctx={ctx} />
              {others.length > 1 && (
                <button
                  type="button"
                  className="conflict-keep-other"
                  onClick={() => void choose(c, 'other')}
                  aria-label={`Keep the other: ${label} of ${rowText}, ${i + 1} of ${others.length}`}
                >
                  Keep the other
                </button>
              )}
            </dd>
          </div>
        ))}
      </dl>
      {first && (
        <div className="button-row">
          <button type="button" onClick={() => void choose(first, 'this')} aria-label={`Keep this one: ${label} of ${rowText}`}>
            Keep this one
          </button>
          {others.length === 1 && (
            <button type="button" onClick={() => void choose(first, 'other')} aria-label={`Keep the other: ${label} of ${rowText}`}>
              Keep the other
            </button>
          )}
        </div>
      )}
    </div>
  )
}

/** Fields in the order they first appear, each with the other values kept for it. */
function byField(conflicts: readonly FieldConflict[]): [string, FieldConflict[]][] {
  const out = new Map<string, FieldConflict[]>()
  for (const c of conflicts) out.set(c.field, [...(out.get(c.field) ?? []), c])
  return [...out]
}

function rowOf(entry: ConflictEntry, plan: Plan, sections: readonly Section[]): Readonly<Record<string, unknown>> | undefined {
  if (entry.table === 'plans') return plan.id === entry.id ? plan : undefined
  if (entry.table === 'sections') return sections.find((s) => s.id === entry.id)
  return entry.item
}

/** Plan first, then its sections and items in the plan's order. */
function sorted(entries: readonly ConflictEntry[], sections: readonly Section[]): ConflictEntry[] {
  const place = new Map(sections.map((s, i) => [s.id, i]))
  const sectionOf = (e: ConflictEntry) => (e.table === 'plans' ? -1 : (place.get(e.table === 'sections' ? e.id : (e.item?.sectionId ?? '')) ?? sections.length))
  // Within a section, the section's own entry first ('' sorts before any ordering key), then its items in order.
  const orderOf = (e: ConflictEntry) => (e.table === 'items' ? (e.item?.order ?? '~') : '')
  return [...entries].sort((a, b) => sectionOf(a) - sectionOf(b) || (orderOf(a) < orderOf(b) ? -1 : orderOf(a) > orderOf(b) ? 1 : 0))
}

/**
 * Under the plan's header. The wrapper is always there, even empty, so the long-list layout below
 * (which follows the size of what sits above it) sees the panel appear and go.
 */
export function ConflictsPanel({ plan, sections, conflicts }: { plan: Plan; sections: readonly Section[]; conflicts: readonly ConflictEntry[] }) {
  const count = conflicts.reduce((n, e) => n + byField(e.conflicts).length, 0)
  return (
    <div className="conflicts-slot no-print">
      {count > 0 && (
        <section className="conflicts-panel" aria-labelledby="conflicts-heading">
          <h2 id="conflicts-heading">
            <span aria-hidden="true">⇄ </span>Changed on two devices
          </h2>
          <p className="muted">
            {count === 1 ? 'One field was' : `${count} fields were`} changed differently on two devices while they were apart. Every device shows the same
            value; the other is kept here until you choose which to keep.
          </p>
          <ul className="conflict-rows">
            {sorted(conflicts, sections).map((entry) => {
              const section = entry.table === 'items' ? sections.find((s) => s.id === entry.item?.sectionId) : undefined
              const ctx: Context = { table: entry.table as Table, sections, fields: section?.fields ?? [] }
              const row = rowOf(entry, plan, sections)
              const rowText = rowNameText(entry, sections)
              return (
                <li
                  key={entry.key}
                  className="conflict-row"
                  id={entry.table === 'items' ? entryId(entry.id) : undefined}
                  tabIndex={entry.table === 'items' ? -1 : undefined}
                >
                  <h3>
                    <RowName entry={entry} planId={plan.id} sections={sections} />
                  </h3>
                  {byField(entry.conflicts).map(([field, others]) => (
                    <FieldConflicts key={field} entry={entry} field={field} others={others} current={currentValue(row, field)} ctx={ctx} rowText={rowText} />
                  ))}
                </li>
              )
            })}
          </ul>
        </section>
      )}
    </div>
  )
}
