// Rows older versions wrote, brought up to today's rules without losing a word, and within the
// limits, so the repaired item can still be edited and exported.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../src/domain/limits'
import type { FieldDef } from '../../src/domain/model'
import { repairSection } from '../../src/domain/row-repair'
import { makeItemRow } from '../support/factories'

const fields: FieldDef[] = [{ id: 'rto', label: 'RTO', type: 'duration' }]

describe('repairing an older section', () => {
  it('moves the value of a removed field into the notes, as a line of its own', () => {
    const item = makeItemRow({ notes: 'Phone first', values: { site: 'Leeds', rto: 60 } })
    const repaired = repairSection(fields, [item], 'notes')
    expect(repaired?.items[0]).toMatchObject({ notes: 'Phone first\nsite: Leeds', values: { rto: 60 } })
  })

  it('puts the words in the evidence when the notes are already near their limit', () => {
    const full = 'n'.repeat(LIMITS.longText - 3)
    const item = makeItemRow({ notes: full, evidence: 'Signed off', values: { site: 'Leeds' } })
    const out = repairSection(fields, [item], 'notes')?.items[0]
    expect(out?.notes).toBe(full)
    expect(out?.evidence).toBe('Signed off\nsite: Leeds')
  })
})
