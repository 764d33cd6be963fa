// How two devices' versions of one continuity item become one: what each person changed survives,
// and when both changed the same field, one value wins and the other is kept as a conflict.
import { describe, expect, it } from 'vitest'
import { canonicalJson, mergeVersions, settle, withFieldValue, type FieldConflict, type RowVersion, type SyncRow } from '../../src/domain/sync/merge'

/** An item as both devices last agreed on it. */
const base: SyncRow = {
  id: 'i1',
  planId: 'p1',
  text: 'Restore the payroll server',
  notes: 'Backups are in the Leeds data centre',
  status: 'open',
  values: { owner: 'Priya', rto: '4h' },
  updatedAt: '2026-11-20T09:00:00.000Z',
}

const edit = (changes: Record<string, unknown>, updatedAt: string): SyncRow => ({ ...base, ...changes, updatedAt })
const version = (row: SyncRow | null, conflicts: FieldConflict[] = []): RowVersion => ({ row, conflicts })

const MONDAY = '2026-11-23T10:00:00.000Z'
const TUESDAY = '2026-11-24T15:30:00.000Z'
const WEDNESDAY = '2026-11-25T08:15:00.000Z'

describe('mergeVersions: a field changed on one side only', () => {
  it('takes the other side’s change when only the other side changed the field', () => {
    const winner = edit({ status: 'done' }, MONDAY)
    const other = edit({ notes: 'Backups moved to the Bristol site' }, TUESDAY)
    const merged = mergeVersions(version(winner), [version(other)], [base])
    expect(merged.row).toMatchObject({ status: 'done', notes: 'Backups moved to the Bristol site', text: base.text })
    expect(merged.conflicts).toEqual([])
  })

  it('keeps the winner’s change when only the winner changed the field', () => {
    const winner = edit({ text: 'Restore payroll from the Bristol backups' }, TUESDAY)
    const other = edit({ status: 'in-progress' }, MONDAY)
    const merged = mergeVersions(version(winner), [version(other)], [base])
    expect(merged.row).toMatchObject({ text: 'Restore payroll from the Bristol backups', status: 'in-progress' })
    expect(merged.conflicts).toEqual([])
  })

  it('takes a field the other side added, and drops one the other side removed', () => {
    const withoutNotes: Record<string, unknown> = { ...edit({ ownerRole: 'IT lead' }, TUESDAY) }
    delete withoutNotes.notes
    const merged = mergeVersions(version(edit({ status: 'done' }, MONDAY)), [version(withoutNotes as SyncRow)], [base])
    expect(merged.row).toMatchObject({ ownerRole: 'IT lead', status: 'done' })
    expect(merged.row).not.toHaveProperty('notes')
    expect(merged.conflicts).toEqual([])
  })
})

describe('mergeVersions: the same field changed on both sides', () => {
  it('keeps the winner’s value and records the other with when it was made', () => {
    const winner = edit({ text: 'Restore payroll (Priya)' }, MONDAY)
    const other = edit({ text: 'Restore payroll and HR servers' }, TUESDAY)
    const merged = mergeVersions(version(winner), [version(other)], [base])
    expect(merged.row?.text).toBe('Restore payroll (Priya)')
    expect(merged.conflicts).toEqual([{ field: 'text', value: 'Restore payroll and HR servers', at: TUESDAY }])
  })

  it('is no conflict when both sides made the same change', () => {
    const merged = mergeVersions(version(edit({ status: 'done' }, MONDAY)), [version(edit({ status: 'done' }, TUESDAY))], [base])
    expect(merged.row?.status).toBe('done')
    expect(merged.conflicts).toEqual([])
  })

  it('records at as null when the other row carries no updatedAt', () => {
    const other: Record<string, unknown> = { ...edit({ status: 'blocked' }, TUESDAY) }
    delete other.updatedAt
    const merged = mergeVersions(version(edit({ status: 'done' }, MONDAY)), [version(other as SyncRow)], [base])
    expect(merged.conflicts).toEqual([{ field: 'status', value: 'blocked', at: null }])
  })

  it('records a field the other side removed while the winner changed it as a conflict with null', () => {
    const other: Record<string, unknown> = { ...edit({}, TUESDAY) }
    delete other.notes
    const merged = mergeVersions(version(edit({ notes: 'Call the Leeds site first' }, MONDAY)), [version(other as SyncRow)], [base])
    expect(merged.row?.notes).toBe('Call the Leeds site first')
    expect(merged.conflicts).toEqual([{ field: 'notes', value: null, at: TUESDAY }])
  })

  it('with three devices, keeps both losing values of one field instead of letting the last overwrite the first', () => {
    const winner = edit({}, MONDAY)
    const second = edit({ notes: 'Ring the Bristol site' }, TUESDAY)
    const third = edit({ notes: 'Ring the Leeds site' }, WEDNESDAY)
    const merged = mergeVersions(version(winner), [version(second), version(third)], [base, base])
    // One of them becomes the value; the other is kept as a conflict, never silently dropped.
    const kept = [merged.row?.notes, ...merged.conflicts.filter((c) => c.field === 'notes').map((c) => c.value)]
    expect(kept.sort()).toEqual(['Ring the Bristol site', 'Ring the Leeds site'])
  })
})

describe('mergeVersions: typed values merge per key', () => {
  it('takes values.owner from one side and values.rto from the other', () => {
    const winner = edit({ values: { owner: 'Sam', rto: '4h' } }, MONDAY)
    const other = edit({ values: { owner: 'Priya', rto: '2h' } }, TUESDAY)
    const merged = mergeVersions(version(winner), [version(other)], [base])
    expect(merged.row?.values).toEqual({ owner: 'Sam', rto: '2h' })
    expect(merged.conflicts).toEqual([])
  })

  it('keeps the winner’s value of one typed field and records the other under values.<id>', () => {
    const winner = edit({ values: { owner: 'Sam', rto: '4h' } }, MONDAY)
    const other = edit({ values: { owner: 'Alex', rto: '1h' } }, TUESDAY)
    const merged = mergeVersions(version(winner), [version(other)], [base])
    expect(merged.row?.values).toEqual({ owner: 'Sam', rto: '1h' })
    expect(merged.conflicts).toEqual([{ field: 'values.owner', value: 'Alex', at: TUESDAY }])
  })

  it('takes a typed value the other side added', () => {
    const merged = mergeVersions(
      version(edit({ status: 'done' }, MONDAY)),
      [version(edit({ values: { owner: 'Priya', rto: '4h', rpo: '15m' } }, TUESDAY))],
      [base],
    )
    expect(merged.row?.values).toEqual({ owner: 'Priya', rto: '4h', rpo: '15m' })
  })
})

describe('mergeVersions: without the common version', () => {
  it('makes every differing field a conflict, keeping the winner’s values', () => {
    const winner = edit({ status: 'done', values: { owner: 'Sam', rto: '4h' } }, MONDAY)
    const other = edit({ notes: 'Backups moved to Bristol', values: { owner: 'Priya', rto: '2h' } }, TUESDAY)
    const merged = mergeVersions(version(winner), [version(other)], [null])
    expect(merged.row).toMatchObject({ status: 'done', notes: base.notes, values: { owner: 'Sam', rto: '4h' } })
    const byField = (a: FieldConflict, b: FieldConflict) => a.field.localeCompare(b.field)
    expect([...merged.conflicts].sort(byField)).toEqual([
      { field: 'notes', value: 'Backups moved to Bristol', at: TUESDAY },
      { field: 'status', value: 'open', at: TUESDAY },
      { field: 'values.owner', value: 'Priya', at: TUESDAY },
      { field: 'values.rto', value: '2h', at: TUESDAY },
    ])
  })

  it('treats a missing bases entry like an unknown base', () => {
    const merged = mergeVersions(version(edit({}, MONDAY)), [version(edit({ status: 'done' }, TUESDAY))], [])
    expect(merged.row?.status).toBe('open')
    expect(merged.conflicts).toEqual([{ field: 'status', value: 'done', at: TUESDAY }])
  })
})

describe('mergeVersions: deletes', () => {
  it('ignores a deleted other: an edit made meanwhile survives the delete', () => {
    const winner = edit({ notes: 'Call the Leeds site first' }, TUESDAY)
    const merged = mergeVersions(version(winner), [version(null)], [base])
    expect(merged.row).toEqual(winner)
    expect(merged.conflicts).toEqual([])
  })

  it('takes the living other when the winner was deleted', () => {
    const other = edit({ notes: 'Call the Leeds site first' }, TUESDAY)
    const carried: FieldConflict = { field: 'status', value: 'blocked', at: MONDAY }
    const merged = mergeVersions(version(null), [version(other, [carried])], [base])
    expect(merged.row).toEqual(other)
    expect(merged.conflicts).toEqual([carried])
  })

  it('merges the remaining living versions into the first when the winner was deleted', () => {
    const first = edit({ status: 'done' }, MONDAY)
    const second = edit({ notes: 'Call the Leeds site first' }, TUESDAY)
    const merged = mergeVersions(version(null), [version(null), version(first), version(second)], [null, base, base])
    expect(merged.row).toMatchObject({ status: 'done', notes: 'Call the Leeds site first', updatedAt: TUESDAY })
  })

  it('stays deleted when every version was deleted', () => {
    expect(mergeVersions(version(null), [version(null)], [base])).toEqual({ row: null, conflicts: [] })
  })
})

describe('mergeVersions: conflicts carried from earlier versions', () => {
  const earlier: FieldConflict = { field: 'notes', value: 'Backups are in Bristol', at: MONDAY }

  it('keeps the conflicts of both versions', () => {
    const ownerConflict: FieldConflict = { field: 'values.owner', value: 'Alex', at: MONDAY }
    const merged = mergeVersions(version(edit({}, TUESDAY), [earlier]), [version(edit({}, WEDNESDAY), [ownerConflict])], [base])
    expect(merged.conflicts).toEqual([earlier, ownerConflict])
  })

  it('keeps one copy of a conflict both versions carry', () => {
    const merged = mergeVersions(version(edit({ status: 'done' }, TUESDAY), [earlier]), [version(edit({}, WEDNESDAY), [{ ...earlier }])], [base])
    expect(merged.conflicts).toEqual([earlier])
  })

  it('keeps one copy when a new conflict repeats a carried one', () => {
    const winner = version(edit({ notes: 'Backups are in Leeds' }, TUESDAY), [earlier])
    const other = version(edit({ notes: 'Backups are in Bristol' }, WEDNESDAY))
    const merged = mergeVersions(winner, [other], [base])
    expect(merged.conflicts).toEqual([earlier])
  })

  it('drops a carried conflict whose value is now the item’s value', () => {
    // The other device took "keep the other" for notes; the winner still carries the conflict.
    const winner = version(edit({ status: 'done' }, TUESDAY), [earlier])
    const other = version(edit({ notes: 'Backups are in Bristol' }, WEDNESDAY))
    const merged = mergeVersions(winner, [other], [base])
    expect(merged.row?.notes).toBe('Backups are in Bristol')
    expect(merged.conflicts).toEqual([])
  })

  it('drops a carried typed-value conflict whose value is now the item’s value', () => {
    const winner = version(edit({ values: { owner: 'Alex', rto: '4h' } }, TUESDAY), [{ field: 'values.owner', value: 'Alex', at: MONDAY }])
    expect(mergeVersions(winner, [version(edit({}, MONDAY))], [base]).conflicts).toEqual([])
  })
})

describe('mergeVersions: the same result on every device', () => {
  /** The same row with its keys (and its typed values' keys) in reverse order. */
  const reversed = (row: SyncRow): SyncRow => {
    const entries = Object.entries(row).reverse()
    return Object.fromEntries(
      entries.map(([k, v]) => [k, k === 'values' && v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse()) : v]),
    ) as SyncRow
  }

  it('gives identical canonical JSON whatever order the keys came in', () => {
    const winner = edit({ text: 'Restore payroll (Priya)', status: 'done', values: { owner: 'Sam', rto: '1h' } }, MONDAY)
    const other = edit({ text: 'Restore payroll and HR', notes: 'Bristol', values: { owner: 'Alex', rto: '2h', rpo: '15m' } }, TUESDAY)
    const carried: FieldConflict = { field: 'status', value: 'blocked', at: MONDAY }
    const one = mergeVersions(version(winner, [carried]), [version(other)], [base])
    const two = mergeVersions(version(reversed(winner), [{ at: MONDAY, value: 'blocked', field: 'status' }]), [version(reversed(other))], [reversed(base)])
    expect(one.conflicts.length).toBeGreaterThan(1)
    expect(canonicalJson(two)).toBe(canonicalJson(one))
  })

  it('gives identical canonical JSON without a base, whatever the key order', () => {
    const winner = edit({ status: 'done', values: { owner: 'Sam', rto: '1h' } }, MONDAY)
    const other = edit({ notes: 'Bristol', values: { owner: 'Alex', rto: '2h' } }, TUESDAY)
    const one = mergeVersions(version(winner), [version(other)], [null])
    const two = mergeVersions(version(reversed(winner)), [version(reversed(other))], [null])
    expect(canonicalJson(two)).toBe(canonicalJson(one))
  })

  it('does not change the versions it was given', () => {
    const winner = edit({ values: { owner: 'Sam', rto: '4h' } }, MONDAY)
    const other = edit({ values: { owner: 'Priya', rto: '2h' } }, TUESDAY)
    const before = canonicalJson([winner, other, base])
    mergeVersions(version(winner), [version(other)], [base])
    expect(canonicalJson([winner, other, base])).toBe(before)
  })
})

describe('mergeVersions: updatedAt', () => {
  it('becomes the later of the two when the other is later', () => {
    const merged = mergeVersions(version(edit({ status: 'done' }, MONDAY)), [version(edit({ notes: 'x' }, WEDNESDAY))], [base])
    expect(merged.row?.updatedAt).toBe(WEDNESDAY)
  })

  it('stays the winner’s when the winner is later', () => {
    const merged = mergeVersions(version(edit({ status: 'done' }, WEDNESDAY)), [version(edit({ notes: 'x' }, MONDAY))], [base])
    expect(merged.row?.updatedAt).toBe(WEDNESDAY)
  })

  it('is not itself a conflict', () => {
    const merged = mergeVersions(version(edit({}, MONDAY)), [version(edit({}, TUESDAY))], [null])
    expect(merged.conflicts).toEqual([])
    expect(merged.row?.updatedAt).toBe(TUESDAY)
  })
})

describe('canonicalJson', () => {
  it('is the same for objects whose keys came in a different order, at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }))
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}')
  })

  it('tells apart arrays in a different order', () => {
    expect(canonicalJson({ steps: ['call IT', 'call HR'] })).not.toBe(canonicalJson({ steps: ['call HR', 'call IT'] }))
  })

  it('tells apart different values', () => {
    expect(canonicalJson({ status: 'open' })).not.toBe(canonicalJson({ status: 'done' }))
    expect(canonicalJson({ rto: null })).not.toBe(canonicalJson({}))
  })
})

describe('settle', () => {
  const conflicts: FieldConflict[] = [
    { field: 'text', value: 'Restore payroll and HR', at: MONDAY },
    { field: 'values.owner', value: 'Alex', at: TUESDAY },
    { field: 'text', value: 'Restore payroll first', at: WEDNESDAY },
  ]

  it('removes every conflict of the chosen field and keeps the others', () => {
    expect(settle(conflicts, 'text')).toEqual([{ field: 'values.owner', value: 'Alex', at: TUESDAY }])
    expect(settle(conflicts, 'values.owner')).toEqual([conflicts[0], conflicts[2]])
  })

  it('changes nothing for a field without conflicts', () => {
    expect(settle(conflicts, 'notes')).toEqual(conflicts)
  })
})

describe('withFieldValue', () => {
  it('sets a plain field and leaves the rest', () => {
    const row = withFieldValue(base, 'text', 'Restore payroll and HR')
    expect(row).toEqual({ ...base, text: 'Restore payroll and HR' })
    expect(base.text).toBe('Restore the payroll server')
  })

  it('sets one typed value and keeps the other typed values', () => {
    const row = withFieldValue(base, 'values.owner', 'Alex')
    expect(row.values).toEqual({ owner: 'Alex', rto: '4h' })
    expect(base.values).toEqual({ owner: 'Priya', rto: '4h' })
  })

  it('adds typed values to a row that had none', () => {
    const bare: Record<string, unknown> = { ...base }
    delete bare.values
    expect(withFieldValue(bare as SyncRow, 'values.rto', '2h').values).toEqual({ rto: '2h' })
  })

  it('removes a field (or a typed value) when the kept value is undefined', () => {
    expect(withFieldValue(base, 'notes', undefined)).not.toHaveProperty('notes')
    expect(withFieldValue(base, 'values.rto', undefined).values).toEqual({ owner: 'Priya' })
  })
})

describe('a status and its done date travel together', () => {
  const base = { id: 'i9', text: 'Restore backups', status: 'todo', doneAt: null, updatedAt: '2026-11-29T09:00:00.000Z' }
  it('a status taken from the other side brings its done date', () => {
    const winner = { row: { ...base, text: 'Restore last night’s backups', updatedAt: '2026-11-29T10:00:00.000Z' }, conflicts: [] }
    const other = { row: { ...base, status: 'done', doneAt: '2026-11-29T10:05:00.000Z', updatedAt: '2026-11-29T10:05:00.000Z' }, conflicts: [] }
    const merged = mergeVersions(winner, [other], [base])
    expect(merged.row).toMatchObject({ text: 'Restore last night’s backups', status: 'done', doneAt: '2026-11-29T10:05:00.000Z' })
    expect(merged.conflicts).toEqual([])
  })
  it('when both changed the status, the winner keeps its own done date and no done date is left as a conflict', () => {
    const winner = { row: { ...base, status: 'blocked', doneAt: null, updatedAt: '2026-11-29T10:00:00.000Z' }, conflicts: [] }
    const other = { row: { ...base, status: 'done', doneAt: '2026-11-29T10:05:00.000Z', updatedAt: '2026-11-29T10:05:00.000Z' }, conflicts: [] }
    const merged = mergeVersions(winner, [other], [base])
    expect(merged.row).toMatchObject({ status: 'blocked', doneAt: null })
    expect(merged.conflicts.map((c) => c.field)).toEqual(['status'])
  })
})
