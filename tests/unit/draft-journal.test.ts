// The draft journal: what a keystroke records, when it goes, and how what a reload or a crash left
// behind is written back on the next load without overwriting newer data or dropping anything.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { listItems, listSections } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { replayJournal } from '../../src/db/draft-replay'
import { listDrillEvents } from '../../src/db/drill-log-repository'
import { createDrill } from '../../src/db/drill-repository'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { duplicateScenario } from '../../src/db/scenario-repository'
import {
  createDraftJournal,
  memoryStore,
  replayDecision,
  type DraftEntry,
  type DraftJournal,
  type DraftTarget,
  type KeyValueStore,
} from '../../src/domain/draft-journal'
import { BUILTIN_SCENARIOS } from '../../src/templates/scenarios/index'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'
import { makeTemplate } from '../support/factories'

const entry = (target: DraftTarget, value: unknown, base: unknown, at = new Date().toISOString()): DraftEntry => ({ target, value, base, at, label: 'Notes' })

async function firstItem() {
  const planId = await createPlanFromTemplate(makeTemplate())
  const [item] = await listItems(planId)
  if (!item) throw new Error('no item')
  return { planId, item }
}

let journal: DraftJournal
let store: ReturnType<typeof memoryStore>
beforeEach(() => {
  store = memoryStore()
  journal = createDraftJournal(store)
})

describe('recording', () => {
  it('keeps one entry per field, the latest keystroke, and drops it once that value is written', () => {
    const notes: DraftTarget = { kind: 'item', id: 'i1', field: 'notes' }
    journal.record(entry(notes, 'Ty', ''))
    journal.record(entry(notes, 'Typed', ''))
    journal.record(entry({ kind: 'plan', id: 'p1', field: 'title' }, 'Plan', 'Old'))
    expect(
      journal
        .pending()
        .map((e) => e.value)
        .sort(),
    ).toEqual(['Plan', 'Typed'])
    // An older write landing does not drop a newer keystroke.
    journal.clear(notes, 'Ty')
    expect(journal.get(notes)?.value).toBe('Typed')
    journal.clear(notes, 'Typed')
    expect(journal.get(notes)).toBeNull()
    expect(journal.pending()).toHaveLength(1)
  })

  it('says so when the store refuses a keystroke (full)', () => {
    const full: KeyValueStore = {
      ...memoryStore(),
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
    }
    expect(createDraftJournal(full).record(entry({ kind: 'user-name' }, 'Ana', ''))).toBe(false)
  })
})

describe('deciding a replay', () => {
  const e = entry({ kind: 'item', id: 'i1', field: 'notes' }, 'mine', 'before', '2026-01-01T10:00:00.000Z')
  it('writes over what the user saw, and only that', () => {
    expect(replayDecision(e, { value: 'before', updatedAt: '2026-01-01T11:00:00.000Z' })).toBe('apply')
  })
  it('sets aside a draft whose field holds other words, even under an older stamp (an import or an undo keeps old stamps)', () => {
    expect(replayDecision(e, { value: 'other', updatedAt: '2026-01-01T09:00:00.000Z' })).toBe('conflict')
  })
  it('never overwrites a change made after the keystroke', () => {
    expect(replayDecision(e, { value: 'other', updatedAt: '2026-01-01T10:00:01.000Z' })).toBe('conflict')
  })
  it('has nothing to do when the value is there, and sees a row that is gone', () => {
    expect(replayDecision(e, { value: 'mine', updatedAt: null })).toBe('done')
    expect(replayDecision(e, null)).toBe('missing')
  })
})

describe('replaying on the next load', () => {
  it('writes a journaled field through the repository and forgets the entry', async () => {
    const { item } = await firstItem()
    const target: DraftTarget = { kind: 'item', id: item.id, field: 'notes' }
    journal.record(entry(target, 'Typed before the crash', item.notes))
    expect(await replayJournal(journal)).toEqual({ written: 1, setAside: 0, kept: 0 })
    expect((await db.items.get(item.id))?.notes).toBe('Typed before the crash')
    expect(journal.pending()).toEqual([])
    expect(journal.aside()).toEqual([])
  })

  it('does not overwrite a newer value written by another tab after the keystroke; keeps the draft aside', async () => {
    const { item } = await firstItem()
    const target: DraftTarget = { kind: 'item', id: item.id, field: 'notes' }
    journal.record(entry(target, 'Typed here', item.notes, new Date(Date.now() - 60_000).toISOString()))
    await db.items.update(item.id, { notes: 'Written in another tab', updatedAt: new Date().toISOString() })
    expect(await replayJournal(journal)).toEqual({ written: 0, setAside: 1, kept: 0 })
    expect((await db.items.get(item.id))?.notes).toBe('Written in another tab')
    const [aside] = journal.aside()
    expect(aside?.entry.value).toBe('Typed here')
    expect(aside?.reason).toMatch(/changed elsewhere/)
    expect(journal.pending()).toEqual([])
  })

  it('keeps aside (never drops) a draft whose row is gone, or that fails validation', async () => {
    const { planId, item } = await firstItem()
    journal.record(entry({ kind: 'item', id: 'no-such-item', field: 'notes' }, 'Orphan words', ''))
    journal.record(entry({ kind: 'plan', id: planId, field: 'reviewEveryDays' }, 'soon', '90'))
    journal.record(entry({ kind: 'item', id: item.id, field: 'text' }, 'x'.repeat(5000), item.text))
    expect(await replayJournal(journal)).toEqual({ written: 0, setAside: 3, kept: 0 })
    const aside = journal.aside()
    expect(aside.map((a) => a.entry.value).sort()).toEqual(['Orphan words', 'soon', 'x'.repeat(5000)].sort())
    expect(aside.find((a) => a.entry.value === 'Orphan words')?.reason).toMatch(/no longer exists/)
    expect((await db.plans.get(planId))?.reviewEveryDays).toBe(90)
    journal.dismissAside(aside[0]?.key ?? '')
    expect(journal.aside()).toHaveLength(2)
  })

  it('keeps an entry in the journal when the write fails for another reason (full disk), to try again', async () => {
    const { item } = await firstItem()
    journal.record(entry({ kind: 'item', id: item.id, field: 'notes' }, 'Not yet', item.notes))
    const update = db.items.update.bind(db.items)
    const spy = vi.spyOn(db.items, 'update').mockRejectedValueOnce(new DOMException('The disk is full', 'QuotaExceededError'))
    expect(await replayJournal(journal)).toEqual({ written: 0, setAside: 0, kept: 1 })
    expect(journal.pending()).toHaveLength(1)
    spy.mockImplementation(update)
    expect(await replayJournal(journal)).toEqual({ written: 1, setAside: 0, kept: 0 })
    expect((await db.items.get(item.id))?.notes).toBe('Not yet')
  })

  it('adds an item journaled with Enter once, however often it is replayed', async () => {
    const { planId } = await firstItem()
    const [section] = await listSections(planId)
    if (!section) throw new Error('no section')
    const target: DraftTarget = { kind: 'new-item', id: crypto.randomUUID(), sectionId: section.id }
    journal.record(entry(target, 'Added just before the reload', null))
    // Two tabs opening at once both replay it.
    const copy = createDraftJournal(store)
    await Promise.all([replayJournal(journal), replayJournal(copy)])
    journal.record(entry(target, 'Added just before the reload', null))
    await replayJournal(journal)
    const items = (await listItems(planId)).filter((i) => i.text === 'Added just before the reload')
    expect(items.map((i) => i.id)).toEqual([target.id])
    const added = items[0]?.order ?? ''
    const others = (await listItems(planId)).filter((i) => i.id !== target.id && i.sectionId === section.id).map((i) => i.order)
    expect(others.length).toBeGreaterThan(0)
    expect(others.every((o) => o < added)).toBe(true)
  })

  it('logs a drill entry journaled with Enter once, at the drill time it was made', async () => {
    const { planId } = await firstItem()
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-01T10:00:00.000Z') })
    const drillId = await createDrill({ scenario: cloudDdosScenario, title: 'Drill', planIds: [planId], facilitator: 'Sam', participants: [] })
    const target: DraftTarget = { kind: 'new-log-entry', id: crypto.randomUUID(), drillId }
    // Made 90 s into the drill; the tab was closed before the write, and the next visit is later.
    journal.record(entry(target, { type: 'gap', text: 'Nobody had the status page', itemId: null, injectId: null, madeAt: '2026-12-01T10:01:30.000Z' }, null))
    vi.setSystemTime(new Date('2026-12-01T10:05:00.000Z'))
    await replayJournal(journal)
    journal.record(entry(target, { type: 'gap', text: 'Nobody had the status page', itemId: null, injectId: null, madeAt: '2026-12-01T10:01:30.000Z' }, null))
    await replayJournal(journal)
    vi.useRealTimers()
    const log = await listDrillEvents(drillId)
    expect(log.map((e) => [e.id, e.type, e.text, e.at])).toEqual([[target.id, 'gap', 'Nobody had the status page', 90_000]])
    expect(journal.pending()).toEqual([])
  })

  it('adds a section journaled with Enter once, at the end of the plan', async () => {
    const { planId } = await firstItem()
    const target: DraftTarget = { kind: 'new-section', id: crypto.randomUUID(), planId }
    journal.record(entry(target, 'Section typed before the crash', null))
    await replayJournal(journal)
    journal.record(entry(target, 'Section typed before the crash', null))
    await replayJournal(journal)
    const sections = await listSections(planId)
    expect(sections.filter((s) => s.title === 'Section typed before the crash').map((s) => s.id)).toEqual([target.id])
    expect(sections.at(-1)?.id).toBe(target.id)
  })

  it('writes only the journaled fields of a scenario, leaving a field another tab changed', async () => {
    const builtIn = BUILTIN_SCENARIOS[0]
    if (!builtIn) throw new Error('no scenario')
    const id = await duplicateScenario(builtIn)
    const stored = await db.scenarios.get(id)
    journal.record(
      entry(
        { kind: 'scenario', id },
        { title: 'Renamed before the crash', objectives: 'One\nTwo' },
        { title: stored?.title, objectives: stored?.objectives.join('\n') },
      ),
    )
    await db.scenarios.update(id, { summary: 'Summary from another tab' })
    await replayJournal(journal)
    expect(await db.scenarios.get(id)).toMatchObject({ title: 'Renamed before the crash', objectives: ['One', 'Two'], summary: 'Summary from another tab' })
  })
})
