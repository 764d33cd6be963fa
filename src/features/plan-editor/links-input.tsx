// Picks the suppliers or business functions an item depends on, from every register on the device.
import { useLiveQuery } from 'dexie-react-hooks'
import { useId } from 'react'
import { toggleLink } from '../../db/checklist-repository'
import { itemNames, listLinkCandidates } from '../../db/link-queries'
import { formatFieldValue } from '../../domain/fields'
import type { FieldDef, FieldValue } from '../../domain/model'
import { attempt } from '../../ui/errors'

/** The names of the rows a links value points at, read live ("a removed item" for those gone). */
export function LinkedNames({ field, ids }: { field: FieldDef; ids: readonly string[] }) {
  const key = ids.join(' ')
  const names = useLiveQuery(() => itemNames(ids), [key])
  return <>{names ? formatFieldValue(field, [...ids], names) : `${ids.length} linked`}</>
}

export function LinksInput({ itemId, field, value }: { itemId: string; field: FieldDef; value: FieldValue | undefined }) {
  const id = useId()
  const target = field.linksTo ?? 'supplier'
  const candidates = useLiveQuery(() => listLinkCandidates(target), [target], [])
  const chosen = new Set(Array.isArray(value) ? value : [])
  const options = candidates.filter((c) => c.id !== itemId)
  const toggle = (candidate: string, on: boolean) => {
    void attempt(() => toggleLink(itemId, field.id, candidate, on))
  }
  return (
    <fieldset className="field links-input" aria-describedby={`${id}-hint`}>
      <legend className="field-label">{field.label}</legend>
      {options.length === 0 ? (
        <p id={`${id}-hint`} className="muted">
          {target === 'supplier'
            ? 'No suppliers yet: add them to the register of a supplier review.'
            : 'No business functions yet: list them in a business impact analysis.'}
        </p>
      ) : (
        <div className="links-options" id={`${id}-hint`}>
          {options.map((c) => (
            <label key={c.id} className="check">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={(e) => toggle(c.id, e.target.checked)} />
              <span>
                {c.text} <span className="muted">({c.planTitle})</span>
              </span>
            </label>
          ))}
        </div>
      )}
    </fieldset>
  )
}
