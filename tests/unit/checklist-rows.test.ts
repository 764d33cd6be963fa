// The rows the plan page shows: the owners offered by its filter, and a plan shown while it is read.
import { describe, expect, it } from 'vitest'
import { NO_FILTER } from '../../src/domain/item-filter'
import type { Item } from '../../src/domain/model'
import { buildRows, planOwners } from '../../src/features/plan-editor/checklist-rows'
import { makeItemRow, makeSectionRow } from '../support/factories'

describe('planOwners', () => {
  it('lists each owner once, in the order localeCompare gives, whatever the case, digits and spaces', () => {
    const names = [
      'sam Patel',
      'Sam Patel',
      'alex',
      'Alex',
      'ALEX',
      'Jo Schmidt',
      'Joan',
      'Robin 2',
      'Robin 10',
      'robin',
      'Zoë Adams',
      'Émile',
      'O’Brien',
      'anne-marie',
    ]
    const bySection = new Map<string, readonly Item[]>([
      ['s1', names.slice(0, 7).map((owner) => makeItemRow({ owner }))],
      ['s2', [...names.slice(5).map((owner) => makeItemRow({ owner })), makeItemRow({ owner: '' })]],
    ])
    expect(planOwners(bySection)).toEqual([...new Set(names)].sort((a, b) => a.localeCompare(b)))
  })
})

describe('buildRows while the plan is read', () => {
  const s1 = makeSectionRow({ id: 'a' })
  const s2 = makeSectionRow({ id: 'b' })
  const s3 = makeSectionRow({ id: 'c' })
  const kinds = (rows: { kind: string; key: string }[]) => rows.map((r) => r.key.slice(0, 1) + (r.kind === 'item' ? '' : `:${r.kind}`))

  it('shows the sections read, and no "add item" form nor progress for the last one until it is read whole', () => {
    const bySection = new Map<string, readonly Item[]>([
      ['a', [makeItemRow({ sectionId: 'a' })]],
      ['b', [makeItemRow({ sectionId: 'b' }), makeItemRow({ sectionId: 'b' })]],
    ])
    const { rows } = buildRows([s1, s2, s3], bySection, NO_FILTER, new Set(), false, new Date(), undefined, false)
    expect(kinds(rows)).toEqual(['s:section', 'i', 'a:add-item', 's:section', 'i', 'i'])
    // Its progress is not shown from the items read so far, as if they were all.
    expect(rows.filter((r) => r.kind === 'section').map((r) => r.progress?.total ?? null)).toEqual([1, null])
    const whole = buildRows([s1, s2, s3], bySection, NO_FILTER, new Set(), false, new Date(), undefined, true)
    expect(kinds(whole.rows)).toEqual(['s:section', 'i', 'a:add-item', 's:section', 'i', 'i', 'a:add-item', 's:section', 'e:empty-section', 'a:add-item'])
  })
})
