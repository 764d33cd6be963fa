// What an item is: a preparation task (done once, reviewed) or a response step for the day, and for
// a step when it happens (its phase) and who does it (a role from the plans' roles and contact trees).
// The row shows a step's phase and role; the details change them through the item's one patch path.
import { useLiveQuery } from 'dexie-react-hooks'
import { useId } from 'react'
import { updateItem } from '../../db/checklist-repository'
import { listRoleNames } from '../../db/role-queries'
import { LIMITS } from '../../domain/limits'
import type { Item, ItemPatch } from '../../domain/model'
import { ITEM_KIND_LABELS, ITEM_KINDS, PHASE_LABELS, PHASES, type ItemKind, type Phase } from '../../domain/vocabulary'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'

/** On the row: "Response step · First hour · Incident lead". A task says nothing: it is the usual case. */
export function StepFact({ item }: { item: Item }) {
  if (item.kind !== 'step') return null
  return (
    <span className="fact step-fact" data-testid="step-fact">
      Response step · {PHASE_LABELS[item.phase ?? 'first-hour']} · {item.role.trim() || <span className="muted">no role yet</span>}
    </span>
  )
}

/** In the details: what it is, and for a step its phase and role (suggested from the plans' roles). */
export function ItemKindFields({ item }: { item: Item }) {
  const listId = useId()
  const roles = useLiveQuery(listRoleNames) ?? []
  const save = (patch: ItemPatch) => attempt(() => updateItem(item.id, patch))
  const changeKind = (kind: ItemKind) => void save(kind === 'step' ? { kind, phase: item.phase ?? 'first-hour' } : { kind, phase: null })
  return (
    <>
      <label className="field">
        <span className="field-label">What it is</span>
        <select value={item.kind} onChange={(e) => changeKind(e.target.value as ItemKind)}>
          {ITEM_KINDS.map((k) => (
            <option key={k} value={k}>
              {ITEM_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {item.kind === 'step' && (
        <>
          <label className="field">
            <span className="field-label">When (phase)</span>
            <select value={item.phase ?? 'first-hour'} onChange={(e) => void save({ phase: e.target.value as Phase })}>
              {PHASES.map((p) => (
                <option key={p} value={p}>
                  {PHASE_LABELS[p]}
                </option>
              ))}
            </select>
          </label>
          <DraftField
            label="Who (role)"
            value={item.role}
            maxLength={LIMITS.name}
            list={listId}
            placeholder="A role from your roles or contact tree"
            target={{ kind: 'item', id: item.id, field: 'role' }}
          />
          <datalist id={listId}>
            {roles.map((r) => (
              <option key={r} value={r} />
            ))}
          </datalist>
        </>
      )}
    </>
  )
}
