// How two devices' versions of one row become one. Rows are compared field by field (each typed
// value of an item counts as its own field), against the version both started from when it is
// known: a field changed on one side only takes that change; a field changed differently on both
// keeps the winning revision's value everywhere and records the other, so nobody's words are lost.
export type SyncRow = { readonly id: string } & Readonly<Record<string, unknown>>

/** A value that lost to another device's change of the same field, kept until someone chooses. */
export interface FieldConflict {
  /** "title", or "values.<fieldId>" for a typed field. */
  readonly field: string
  /** The other device's value. */
  readonly value: unknown
  /** When the other device made its change (its row's updatedAt), if the row says. */
  readonly at: string | null
}

/** One version of a row as the replicator holds it: the row (null when deleted) and its open conflicts. */
export interface RowVersion {
  readonly row: SyncRow | null
  readonly conflicts: readonly FieldConflict[]
}

const IGNORED = new Set(['updatedAt'])
/** Fields that belong to another and go wherever it goes: an item's done date follows its status. */
const FOLLOWS: Readonly<Record<string, string>> = { doneAt: 'status' }

/** JSON with object keys sorted, so two equal rows give one string whatever order their keys came in. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    const source = v as Record<string, unknown>
    return Object.fromEntries(
      Object.keys(source)
        .sort()
        .map((k) => [k, source[k]]),
    )
  })
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/** The fields of a row as merge sees them: its keys, with `values` opened into one field per typed value. */
function fieldsOf(row: SyncRow): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(row)) {
    if (IGNORED.has(key)) continue
    if (key === 'values' && value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out.set(`values.${k}`, v)
    } else out.set(key, value)
  }
  return out
}

function withField(row: Record<string, unknown>, field: string, value: unknown): void {
  if (field.startsWith('values.')) {
    const values = { ...((row.values as Record<string, unknown> | undefined) ?? {}) }
    if (value === undefined) Reflect.deleteProperty(values, field.slice(7))
    else values[field.slice(7)] = value
    row.values = values
  } else if (value === undefined) Reflect.deleteProperty(row, field)
  else row[field] = value
}

const stampOf = (row: SyncRow): string | null => (typeof row.updatedAt === 'string' ? row.updatedAt : null)

function laterStamp(a: unknown, b: unknown): unknown {
  if (typeof a !== 'string') return b
  if (typeof b !== 'string') return a
  return a >= b ? a : b
}

/** The conflicts of all versions, without repeats and without one that only repeats the current value. */
function mergedConflicts(row: SyncRow, lists: readonly (readonly FieldConflict[])[]): FieldConflict[] {
  const fields = fieldsOf(row)
  const out: FieldConflict[] = []
  for (const list of lists) {
    for (const c of list) {
      if (same(fields.get(c.field), c.value)) continue
      if (out.some((o) => o.field === c.field && same(o.value, c.value))) continue
      out.push(c)
    }
  }
  return out
}

/**
 * Merges the losing versions into the winning one. `bases[i]` is the version `others[i]` and the
 * winner both descend from, or null when this device never saw it (then every difference is a conflict).
 * A deleted winner with living others cannot happen (the replicator lets a living version win);
 * a deleted other is ignored, since an edit made meanwhile must not be lost.
 */
export function mergeVersions(winner: RowVersion, others: readonly RowVersion[], bases: readonly (SyncRow | null)[]): RowVersion {
  const living = others.map((o, i) => ({ other: o, base: bases[i] ?? null })).filter((o) => o.other.row !== null)
  if (winner.row === null) {
    const first = living[0]
    if (!first) return winner
    return mergeVersions(
      first.other,
      living.slice(1).map((l) => l.other),
      living.slice(1).map((l) => l.base),
    )
  }
  const row: Record<string, unknown> = { ...winner.row }
  const found: FieldConflict[] = []
  for (const { other, base } of living) {
    const theirs = other.row as SyncRow
    // Against the row merged so far: a third device's change must not silently replace a second's.
    const mine = fieldsOf(row as SyncRow)
    const their = fieldsOf(theirs)
    const start = base ? fieldsOf(base) : null
    // Sorted, so conflicts come out in one order whatever order the rows' keys came in.
    for (const field of [...new Set([...mine.keys(), ...their.keys()])].sort()) {
      if (field in FOLLOWS) continue
      const a = mine.get(field)
      const b = their.get(field)
      if (same(a, b)) continue
      if (start && same(a, start.get(field))) {
        withField(row, field, b)
        for (const [follower, leader] of Object.entries(FOLLOWS)) if (leader === field) withField(row, follower, their.get(follower))
      } else if (start && same(b, start.get(field))) continue
      else found.push({ field, value: b ?? null, at: stampOf(theirs) })
    }
    row.updatedAt = laterStamp(row.updatedAt, theirs.updatedAt)
  }
  const merged = row as SyncRow
  return { row: merged, conflicts: mergedConflicts(merged, [winner.conflicts, ...living.map((l) => l.other.conflicts), found]) }
}

/** The conflicts left once someone has chosen a value for `field` (either way, the choice settles it). */
export function settle(conflicts: readonly FieldConflict[], field: string): FieldConflict[] {
  return conflicts.filter((c) => c.field !== field)
}

/** The row with one field (a key, or "values.<id>") set: what "keep the other" writes. */
export function withFieldValue(row: SyncRow, field: string, value: unknown): SyncRow {
  const out: Record<string, unknown> = { ...row }
  withField(out, field, value)
  return out as SyncRow
}
