// The paper copy of a plan: what it is and how fresh (organisation, title, last change, printed on,
// page x of y), header facts, then each section with status boxes, owners, due dates, notes and
// evidence. Sections with a few typed fields print as tables; wider ones (impact analysis, supplier
// register) print each row as a block, so no column is ever cut at the page edge. Notes and evidence
// get a line of their own under their row. Rendered only while printing.
import { byOrder } from '../../domain/order'
import { useLiveQuery } from 'dexie-react-hooks'
import { useMemo } from 'react'
import { itemNames, relyingNames } from '../../db/link-queries'
import { dateOf, formatDate, localDate } from '../../domain/dates'
import { linkedIds, namesOf, type ItemNames } from '../../domain/link-names'
import { formatFieldValue } from '../../domain/fields'
import { FieldValueText } from './field-value-text'
import type { FieldDef, Item, Plan, Section } from '../../domain/model'
import { percent, progressOf } from '../../domain/progress'
import { nextReviewDate } from '../../domain/review'
import { NO_RELYING, relyingColumn, RELYING_LABEL, type RelyingNames } from '../../domain/relying-functions'
import { KIND_LABELS, PHASE_LABELS, PHASES } from '../../domain/vocabulary'
import { PrintedItemStatus } from '../../entities/item'
import { latest, PrintMasthead, useOrganisationName } from '../../ui/print-masthead'

/** Up to this many typed fields a section prints as a table; with more, each row prints as a block. */
const TABLE_MAX_FIELDS = 4

function Value({ field, value, names }: { field: FieldDef; value: Item['values'][string] | undefined; names: ItemNames }) {
  return field.type === 'links' ? <>{formatFieldValue(field, value, names)}</> : <FieldValueText field={field} value={value} />
}

function Written({ item }: { item: Item }) {
  return (
    <>
      {item.notes.trim() && (
        <div className="print-notes">
          <span className="print-label">Notes:</span> {item.notes}
        </div>
      )}
      {item.evidence.trim() && (
        <div className="print-notes">
          <span className="print-label">Evidence:</span> {item.evidence}
        </div>
      )}
    </>
  )
}

/** A supplier register's relying functions by supplier id (see relying-functions.ts); null for other sections. */
type Relying = ((itemId: string) => string) | null

function SectionTable({ section, items, names, relying }: { section: Section; items: Item[]; names: ItemNames; relying: Relying }) {
  const columns = section.fields.length + (relying ? 5 : 4)
  return (
    <table className="print-table">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Item</th>
          {section.fields.map((f) => (
            <th key={f.id} scope="col">
              {f.label}
            </th>
          ))}
          {relying && <th scope="col">{RELYING_LABEL}</th>}
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      {items.map((i) => (
        <tbody key={i.id} className="print-row">
          <tr>
            <td>
              <PrintedItemStatus status={i.status} />
            </td>
            <th scope="row">{i.text}</th>
            {section.fields.map((f) => (
              <td key={f.id}>
                <Value field={f} value={i.values[f.id]} names={names} />
              </td>
            ))}
            {relying && <td>{relying(i.id)}</td>}
            <td>{i.owner}</td>
            <td>{i.due ? formatDate(i.due) : ''}</td>
          </tr>
          {(i.notes.trim() || i.evidence.trim()) && (
            <tr className="print-written-row">
              <td colSpan={columns}>
                <Written item={i} />
              </td>
            </tr>
          )}
        </tbody>
      ))}
    </table>
  )
}

function SectionRecords({ section, items, names, relying }: { section: Section; items: Item[]; names: ItemNames; relying: Relying }) {
  return (
    <div className="print-records">
      {items.map((i) => (
        <div key={i.id} className="print-record" data-testid="print-record">
          <p className="print-record-title">
            <PrintedItemStatus status={i.status} /> <strong>{i.text}</strong>
          </p>
          <dl className="print-record-fields">
            {section.fields.map((f) => (
              <div key={f.id}>
                <dt>{f.label}</dt>
                <dd>
                  <Value field={f} value={i.values[f.id]} names={names} />
                </dd>
              </div>
            ))}
            {relying && (
              <div>
                <dt>{RELYING_LABEL}</dt>
                <dd>{relying(i.id)}</dd>
              </div>
            )}
            <div>
              <dt>Owner</dt>
              <dd>{i.owner}</dd>
            </div>
            <div>
              <dt>Due</dt>
              <dd>{i.due ? formatDate(i.due) : ''}</dd>
            </div>
          </dl>
          <Written item={i} />
        </div>
      ))}
    </div>
  )
}

function SectionList({ items }: { items: Item[] }) {
  return (
    <ol className="print-items">
      {items.map((i) => (
        <li key={i.id}>
          <PrintedItemStatus status={i.status} /> <strong>{i.text}</strong>
          {(i.owner || i.due) && (
            <span className="print-meta"> — {[i.owner && `Owner: ${i.owner}`, i.due && `due ${formatDate(i.due)}`].filter(Boolean).join(', ')}</span>
          )}
          <Written item={i} />
        </li>
      ))}
    </ol>
  )
}

/** Response steps live in checklist sections; a register's rows always print with their fields. */
const isStep = (section: Section, item: Item) => section.role === 'checklist' && item.kind === 'step'

/** The plan's response steps as a runbook: phase by phase in the order the day runs, each with who does it; checklist order within a phase. */
function Runbook({ steps }: { steps: Item[] }) {
  return (
    <section className="print-section print-runbook" data-testid="print-runbook">
      <h2>On the day: response steps</h2>
      {PHASES.map((phase, p) => {
        const now = steps.filter((s) => (s.phase ?? 'first-hour') === phase)
        if (now.length === 0) return null
        // Numbered through the whole day, so "step 7" means one step wherever it is read.
        const start = 1 + steps.filter((s) => PHASES.indexOf(s.phase ?? 'first-hour') < p).length
        return (
          <div key={phase} className="print-phase">
            <h3>{PHASE_LABELS[phase]}</h3>
            <ol className="print-items" start={start}>
              {now.map((i) => (
                <li key={i.id}>
                  <PrintedItemStatus status={i.status} /> <strong>{i.text}</strong>
                  <span className="print-meta"> — {i.role.trim() || 'no role yet'}</span>
                  {i.guidance.trim() && <div className="print-notes">{i.guidance}</div>}
                  <Written item={i} />
                </li>
              ))}
            </ol>
          </div>
        )
      })}
    </section>
  )
}

/** What a print shows besides the plan's own rows: read from elsewhere, so it is read ahead. */
interface PrintExtras {
  organisation: string
  /** Names of rows in other plans that this plan's links point at. */
  outside: ItemNames | undefined
  /** A supplier register's rows name the functions that rely on them, as on screen. */
  relying: RelyingNames
}

/**
 * The print's reads, kept live while the plan page is open: the browser lays out the paper copy
 * as soon as printing starts, before any read started then could answer.
 */
export function usePrintExtras(sections: readonly Section[] | undefined, items: readonly Item[] | undefined): PrintExtras {
  const organisation = useOrganisationName()
  // Only the links that leave the plan are read; the key changes only when they do, not on every tick.
  const outsideKey = useMemo(() => {
    if (!sections || !items) return ''
    const own = new Set(items.map((i) => i.id))
    return linkedIds(sections, items)
      .filter((id) => !own.has(id))
      .sort()
      .join('\n')
  }, [sections, items])
  const outside = useLiveQuery(() => itemNames(outsideKey === '' ? [] : outsideKey.split('\n')), [outsideKey])
  const relying = useLiveQuery(() => (sections ? relyingNames(sections) : NO_RELYING), [sections]) ?? NO_RELYING
  return { organisation: organisation ?? '', outside, relying }
}

/**
 * `unread`: items of a long plan not yet read when printing started (a plan is read section by
 * section as it opens); the paper says so rather than look complete.
 */
export function PrintPlan({
  plan,
  sections,
  items,
  extras,
  unread = 0,
}: {
  plan: Plan
  sections: Section[]
  items: Item[]
  extras: PrintExtras
  unread?: number
}) {
  const { organisation, outside, relying } = extras
  // Links name their rows, wherever they are.
  const names = namesOf(items, outside)
  const progress = progressOf(items)
  const bySection = new Map<string, Item[]>()
  for (const i of [...items].sort(byOrder)) {
    const list = bySection.get(i.sectionId)
    if (list) list.push(i)
    else bySection.set(i.sectionId, [i])
  }
  const lastChange = latest([plan.updatedAt, ...sections.map((s) => s.updatedAt), ...items.map((i) => i.updatedAt)])
  // The runbook leads: what to do on the day comes before the checklist that prepared it.
  const steps = sections.flatMap((s) => (bySection.get(s.id) ?? []).filter((i) => isStep(s, i)))
  return (
    <div className="print-plan" data-testid="print-plan">
      <PrintMasthead facts={{ organisation, title: plan.title, lastChange, printedAt: new Date() }} version={__APP_VERSION__} kind={KIND_LABELS[plan.kind]} />
      <h1>{plan.title}</h1>
      {unread > 0 && (
        <p className="print-incomplete" role="alert">
          This copy is not complete: {unread.toLocaleString()} items were still being read when printing started. Close the print preview and print again.
        </p>
      )}
      <p className="print-facts">
        Owner: {plan.owner || '—'} · Status: {plan.status[0]?.toUpperCase()}
        {plan.status.slice(1)} · {progress.done}/{progress.applicable} done ({percent(progress)}%)
        <br />
        Last reviewed: {plan.reviewedAt ? `${formatDate(dateOf(plan.reviewedAt))}${plan.reviewedBy ? ` by ${plan.reviewedBy}` : ''}` : 'never'} · Next review:{' '}
        {formatDate(nextReviewDate(plan))} · Printed {formatDate(localDate(new Date()))}
      </p>
      {plan.description && <p className="print-description">{plan.description}</p>}
      {steps.length > 0 && <Runbook steps={steps} />}
      {steps.length > 0 && <h2 className="print-part">Preparation</h2>}
      {sections.map((s) => {
        const all = bySection.get(s.id) ?? []
        const rows = all.filter((i) => !isStep(s, i))
        return (
          <section key={s.id} className="print-section">
            <h2>{s.title}</h2>
            {rows.length === 0 ? (
              <p className="muted">{all.length > 0 ? 'Its response steps are printed under “On the day” above.' : 'No items.'}</p>
            ) : s.fields.length === 0 ? (
              <SectionList items={rows} />
            ) : s.fields.length <= TABLE_MAX_FIELDS ? (
              <SectionTable section={s} items={rows} names={names} relying={relyingColumn(s, relying)} />
            ) : (
              <SectionRecords section={s} items={rows} names={names} relying={relyingColumn(s, relying)} />
            )}
          </section>
        )
      })}
    </div>
  )
}
