// The paper copy of a plan: header facts, then each section with status boxes, owners, due dates
// and notes; sections with typed fields print as tables. Rendered only while printing.
import { dateOf, formatDate, localDate } from '../../domain/dates'
import { FieldValueText } from './field-value-text'
import type { Item, Plan, Section } from '../../domain/model'
import { percent, progressOf } from '../../domain/progress'
import { nextReviewDate } from '../../domain/review'
import { KIND_LABELS, STATUS_LABELS, type ItemStatus } from '../../domain/vocabulary'

const BOX: Record<ItemStatus, string> = { open: '☐', done: '☑', 'not-applicable': '⊘', blocked: '☒' }

function Status({ status }: { status: ItemStatus }) {
  return <span className="print-status">{BOX[status]} {status === 'open' ? '' : STATUS_LABELS[status]}</span>
}

function SectionTable({ section, items }: { section: Section; items: Item[] }) {
  return (
    <table className="print-table">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Item</th>
          {section.fields.map((f) => <th key={f.id} scope="col">{f.label}</th>)}
          <th scope="col">Owner</th>
          <th scope="col">Due</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.id}>
            <td><Status status={i.status} /></td>
            <th scope="row">{i.text}{i.notes && <div className="print-notes">{i.notes}</div>}</th>
            {section.fields.map((f) => <td key={f.id}><FieldValueText field={f} value={i.values[f.id]} /></td>)}
            <td>{i.owner}</td>
            <td>{i.due ? formatDate(i.due) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function SectionList({ items }: { items: Item[] }) {
  return (
    <ol className="print-items">
      {items.map((i) => (
        <li key={i.id}>
          <Status status={i.status} /> <strong>{i.text}</strong>
          {(i.owner || i.due) && <span className="print-meta"> — {[i.owner && `Owner: ${i.owner}`, i.due && `due ${formatDate(i.due)}`].filter(Boolean).join(', ')}</span>}
          {i.notes && <div className="print-notes">{i.notes}</div>}
          {i.evidence && <div className="print-notes">Evidence: {i.evidence}</div>}
        </li>
      ))}
    </ol>
  )
}

export function PrintPlan({ plan, sections, items }: { plan: Plan; sections: Section[]; items: Item[] }) {
  const progress = progressOf(items)
  const bySection = new Map<string, Item[]>()
  for (const i of [...items].sort((a, b) => a.order - b.order)) bySection.set(i.sectionId, [...(bySection.get(i.sectionId) ?? []), i])
  return (
    <div className="print-plan" data-testid="print-plan">
      <h1>{plan.title}</h1>
      <p className="print-facts">
        {KIND_LABELS[plan.kind]} · Owner: {plan.owner || '—'} · Status: {plan.status[0]?.toUpperCase()}{plan.status.slice(1)} · {progress.done}/{progress.applicable} done ({percent(progress)}%)
        <br />
        Last reviewed: {plan.reviewedAt ? `${formatDate(dateOf(plan.reviewedAt))}${plan.reviewedBy ? ` by ${plan.reviewedBy}` : ''}` : 'never'} · Next review: {formatDate(nextReviewDate(plan))} · Printed {formatDate(localDate(new Date()))}
      </p>
      {plan.description && <p className="print-description">{plan.description}</p>}
      {sections.map((s) => {
        const rows = bySection.get(s.id) ?? []
        return (
          <section key={s.id} className="print-section">
            <h2>{s.title}</h2>
            {rows.length === 0 ? <p className="muted">No items.</p> : s.fields.length > 0 ? <SectionTable section={s} items={rows} /> : <SectionList items={rows} />}
          </section>
        )
      })}
    </div>
  )
}
