// Edits a section's typed fields (the columns every item of the section carries).
import { useState } from 'react'
import { addField, removeField, setSectionRole } from '../../db/checklist-repository'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { LIMITS } from '../../domain/limits'
import type { FieldDef, Section } from '../../domain/model'
import { slugify } from '../../domain/slug'
import { FIELD_TYPES, SECTION_ROLE_LABELS, SECTION_ROLES, type FieldType, type LinkTarget, type SectionRole } from '../../domain/vocabulary'
import { attempt } from '../../ui/errors'

const TYPE_LABELS: Record<FieldType, string> = {
  text: 'Text',
  date: 'Date',
  number: 'Number',
  select: 'Choice',
  contact: 'Contact',
  duration: 'Duration (e.g. 4h)',
  links: 'Links',
  url: 'Web address',
  phone: 'Phone number',
}

const ROLE_HELP: Record<SectionRole, string> = {
  checklist: 'Items to tick off. Choose another kind to make this section a register the kit reads.',
  'impact-analysis':
    'Each item is a business function: Dependencies, the dashboard, the grab pack and incidents read its impact, RTO, MTPD, workaround and suppliers.',
  'supplier-register':
    'Each item is a supplier: Suppliers, Dependencies, the grab pack and incidents read its criticality, what it runs on, support line and contract dates.',
  'contact-tree': 'Each item is a person in the call list: the grab pack prints role, phone, deputy and whom they call.',
  roles: 'Each item is a role with a person and a deputy: the grab pack and incidents offer them as leads and log keepers.',
  records: 'Each item is a record the organisation cannot do without: the grab pack prints where its master copy and its backups are, and how to reach them.',
}

function slug(label: string, taken: readonly string[]): string {
  const base = slugify(label, 40) || 'field'
  let id = base
  for (let n = 2; taken.includes(id); n++) id = `${base}-${n}`
  return id
}

export function SectionFieldsEditor({ section }: { section: Section }) {
  const [label, setLabel] = useState('')
  const [type, setType] = useState<FieldType>('text')
  const [options, setOptions] = useState('')
  const [linksTo, setLinksTo] = useState<LinkTarget>('supplier')
  const [removing, setRemoving] = useState<FieldDef | null>(null)
  const remove = async () => {
    const field = removing
    setRemoving(null)
    if (field) await attempt(() => removeField(section.id, field.id))
  }

  const add = async () => {
    const name = label.trim()
    if (!name) return
    const field: FieldDef = {
      id: slug(
        name,
        section.fields.map((f) => f.id),
      ),
      label: name,
      type,
    }
    if (type === 'select')
      field.options = options
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean)
    if (type === 'links') field.linksTo = linksTo
    const ok = await attempt(async () => {
      await addField(section.id, field)
      return true
    })
    if (ok) {
      setLabel('')
      setOptions('')
    }
  }

  return (
    <div className="fields-editor">
      <label className="field">
        <span className="field-label">This section is</span>
        <select value={section.role} onChange={(e) => void attempt(() => setSectionRole(section.id, e.target.value as SectionRole))}>
          {SECTION_ROLES.map((r) => (
            <option key={r} value={r}>
              {SECTION_ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <p className="muted">{ROLE_HELP[section.role]}</p>
      <h4>Fields of this section</h4>
      {section.fields.length === 0 ? (
        <p className="muted">No fields. Add one to turn this section into a register (for example a supplier list or a contact tree).</p>
      ) : (
        <ul className="field-defs">
          {section.fields.map((f) => (
            <li key={f.id}>
              <span>
                {f.label}{' '}
                <span className="muted">
                  ({TYPE_LABELS[f.type]}
                  {f.options ? `: ${f.options.join(', ')}` : ''})
                </span>
              </span>
              <button type="button" className="ghost" aria-label={`Remove field ${f.label}`} onClick={() => setRemoving(f)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault()
          void add()
        }}
      >
        <label className="field">
          <span className="field-label">Field name</span>
          <input value={label} maxLength={LIMITS.fieldLabel} onChange={(e) => setLabel(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">Type</span>
          <select value={type} onChange={(e) => setType(e.target.value as FieldType)}>
            {FIELD_TYPES.map((t) => (
              <option key={t} value={t}>
                {TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </label>
        {type === 'select' && (
          <label className="field">
            <span className="field-label">Choices (comma separated)</span>
            <input value={options} onChange={(e) => setOptions(e.target.value)} />
          </label>
        )}
        {type === 'links' && (
          <label className="field">
            <span className="field-label">Links to</span>
            <select value={linksTo} onChange={(e) => setLinksTo(e.target.value as LinkTarget)}>
              <option value="supplier">Suppliers (from supplier registers)</option>
              <option value="function">Business functions (from impact analyses)</option>
            </select>
          </label>
        )}
        <button type="submit" disabled={!label.trim() || (type === 'select' && !options.split(',').some((o) => o.trim()))}>
          Add field
        </button>
      </form>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the field "${removing?.label ?? ''}"?`}
        confirmLabel="Remove field"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>The field and the values every item of this section holds in it are removed. Export the plan first if you may need them.</p>
      </ConfirmDialog>
    </div>
  )
}
