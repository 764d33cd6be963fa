// The backup suggestion: after 30 days with changes and no export, not before, not without changes,
// and quiet for 30 days once dismissed.
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { readBackupFacts } from '../../src/db/exchange-repository'
import { writeSetting } from '../../src/db/settings-repository'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { backupDue, olderThan, REMIND_AFTER_DAYS, type BackupFacts } from '../../src/domain/backup-reminder'
import { makeTemplate } from '../support/factories'

const NOW = new Date('2026-11-29T12:00:00.000Z')
const facts = (f: Partial<BackupFacts>): BackupFacts => ({ lastExport: '', firstPlanAt: null, changedSince: true, dismissedAt: '', ...f })

describe('when to suggest a backup', () => {
  it('31 days after the last export with changes since', () => {
    expect(backupDue(facts({ lastExport: '2026-10-29T12:00:00.000Z' }), NOW)).toBe(true)
    expect(backupDue(facts({ lastExport: '2026-11-10T12:00:00.000Z' }), NOW)).toBe(false)
    expect(backupDue(facts({ lastExport: '2026-10-01T12:00:00.000Z', changedSince: false }), NOW)).toBe(false)
  })

  it('never exported: 30 days after the first plan', () => {
    expect(backupDue(facts({ firstPlanAt: '2026-10-01T12:00:00.000Z' }), NOW)).toBe(true)
    expect(backupDue(facts({ firstPlanAt: '2026-11-20T12:00:00.000Z' }), NOW)).toBe(false)
    expect(backupDue(facts({ firstPlanAt: null }), NOW)).toBe(false)
  })

  it('quiet for 30 days once dismissed', () => {
    const old = { lastExport: '2026-09-01T12:00:00.000Z' }
    expect(backupDue(facts({ ...old, dismissedAt: '2026-11-20T12:00:00.000Z' }), NOW)).toBe(false)
    expect(backupDue(facts({ ...old, dismissedAt: '2026-10-20T12:00:00.000Z' }), NOW)).toBe(true)
  })

  it('reads from the database whether anything changed after the last export', async () => {
    const older = (since: string) => olderThan(since, REMIND_AFTER_DAYS, NOW)
    const planId = await createPlanFromTemplate(makeTemplate())
    await writeSetting('lastExportAll', '2026-09-01T12:00:00.000Z')
    // Rows written before the export, then one item changed after it.
    await db.plans.toCollection().modify({ updatedAt: '2026-08-01T00:00:00.000Z', createdAt: '2026-08-01T00:00:00.000Z' })
    await db.sections.toCollection().modify({ updatedAt: '2026-08-01T00:00:00.000Z' })
    await db.items.toCollection().modify({ updatedAt: '2026-08-01T00:00:00.000Z' })
    expect((await readBackupFacts('', older)).changedSince).toBe(false)
    const [item] = await db.items.where('planId').equals(planId).toArray()
    await db.items.update(item?.id ?? '', { updatedAt: '2026-11-01T00:00:00.000Z' })
    const read = await readBackupFacts('', older)
    expect(read).toMatchObject({ lastExport: '2026-09-01T12:00:00.000Z', firstPlanAt: '2026-08-01T00:00:00.000Z', changedSince: true })
    expect(backupDue(read, NOW)).toBe(true)
  })
})
