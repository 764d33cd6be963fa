// Findings become plan items that point back at them; each plan's "last exercised" date; the
// after-action timeline; and the repository that does it all in single transactions.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { listItems, listSections } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { addLogEntry, deleteLogEntry, listDrillEvents } from '../../src/db/drill-log-repository'
import { createDrill, endDrill, getDrill, pauseDrill, rateObjective, releaseInject, resumeDrill, setStepUsed } from '../../src/db/drill-repository'
import { createFindingAction, listFindingActions, runOfEvent } from '../../src/db/finding-repository'
import { duplicateScenario, patchScenario } from '../../src/db/scenario-repository'
import { createPlanFromTemplate, trashPlan } from '../../src/db/plan-repository'
import { newDrillRow } from '../../src/domain/drill-factory'
import { actionItemRow, findingSourceLabel, isFinding, matchStep, suggestSection, timeline } from '../../src/domain/drill-findings'
import type { Drill, DrillEvent } from '../../src/domain/drill-model'
import { itemSchema } from '../../src/domain/model'
import { ValidationError } from '../../src/domain/validation-error'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'
import { makeDrillEvent, makeTemplate } from '../support/factories'

const MIN = 60_000
const T0 = Date.parse('2026-03-04T10:00:00.000Z')
let n = 0
const ctx = { newId: () => `id-${++n}`, now: new Date(T0).toISOString() }

function drill(overrides: Partial<Drill> = {}): Drill {
  return { ...newDrillRow(ctx, { scenario: cloudDdosScenario, title: 'Cloud drill', planIds: ['p1'], facilitator: 'Sam', participants: [] }), ...overrides }
}

const event = (overrides: Partial<DrillEvent> = {}): DrillEvent => makeDrillEvent({ drillId: 'd', createdAt: ctx.now, ...overrides })

describe('findings (domain)', () => {
  it('gaps, observations and actions are findings; decisions and updates sent are not', () => {
    expect(['gap', 'observation', 'action', 'decision', 'communication', 'inject'].map((type) => isFinding({ type: type as DrillEvent['type'] }))).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ])
  })

  it('makes a valid plan item that names the drill and points at the finding', () => {
    const d = drill()
    const e = event()
    const item = actionItemRow(
      ctx,
      d,
      e,
      { text: ' Add the status page to the contact list ', owner: 'Ana', due: '2026-04-01', planId: 'p1', sectionId: 's1' },
      'a2',
    )
    expect(itemSchema.safeParse(item).success).toBe(true)
    expect(item).toMatchObject({
      planId: 'p1',
      sectionId: 's1',
      order: 'a2',
      text: 'Add the status page to the contact list',
      owner: 'Ana',
      due: '2026-04-01',
      status: 'open',
      source: { kind: 'drill-finding', id: e.id, label: 'Cloud drill, 2026-03-04' },
    })
    expect(item.notes).toContain('Nobody knew the status page address')
  })

  it('keeps a long drill title within the label limit, with the date', () => {
    const label = findingSourceLabel({ title: 'x'.repeat(400), startedAt: ctx.now })
    expect(label.length).toBeLessThanOrEqual(200)
    expect(label.endsWith(', 2026-03-04')).toBe(true)
  })

  it('suggests an improvement section, else the last one', () => {
    expect(
      suggestSection([
        { id: 'a', title: 'Roles' },
        { id: 'b', title: 'Post-incident activity' },
        { id: 'c', title: 'Contacts' },
      ]),
    ).toBe('b')
    expect(
      suggestSection([
        { id: 'a', title: 'Roles' },
        { id: 'c', title: 'Contacts' },
      ]),
    ).toBe('c')
    expect(suggestSection([])).toBeNull()
  })

  it('lays out injects and log entries in drill-clock order', () => {
    const d = { ...drill(), runningSince: null, elapsedMs: 12 * MIN, released: [{ injectId: 'cloud-ddos-3', atMs: 11 * MIN }] }
    const events = [event({ at: 10 * MIN, type: 'decision', text: 'Declare severity 2' }), event({ at: 2 * MIN, text: 'No status page bookmark' })]
    const rows = timeline(d, events, T0)
    expect(rows.map((r) => (r.kind === 'inject' ? r.inject.id : r.event.text))).toEqual([
      'cloud-ddos-1',
      'No status page bookmark',
      'cloud-ddos-2',
      'Declare severity 2',
      'cloud-ddos-3',
    ])
    expect(rows.at(-1)).toMatchObject({ kind: 'inject', early: true, at: 11 * MIN })
  })

  it('matches an expected step in words to the plan items that mean it', () => {
    const items = [
      { id: '1', text: 'Check provider status pages before assuming the fault is yours' },
      { id: '2', text: 'Pay staff' },
      { id: '3', text: 'Record provider status pages and support routes' },
    ]
    expect(matchStep('Check provider status pages before assuming the fault is yours', items).map((i) => i.id)[0]).toBe('1')
    expect(matchStep('Pay staff', items).map((i) => i.id)).toEqual(['2'])
    expect(matchStep('Restore from backups', items)).toEqual([])
  })
})

describe('drill repository', () => {
  afterEach(() => vi.useRealTimers())
  const at = (ms: number) => vi.setSystemTime(new Date(ms))

  async function setUp() {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(T0)
    const planId = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
    const drillId = await createDrill({
      scenario: cloudDdosScenario,
      title: 'Cloud drill',
      planIds: [planId],
      facilitator: 'Sam',
      participants: [
        { name: 'Ana', role: 'Incident lead' },
        { name: ' ', role: '' },
      ],
    })
    return { planId, drillId }
  }

  it('stores every clock change, so a reload reads the same clock', async () => {
    const { drillId } = await setUp()
    at(T0 + 5 * MIN)
    await pauseDrill(drillId)
    at(T0 + 50 * MIN)
    await resumeDrill(drillId)
    at(T0 + 52 * MIN)
    await releaseInject(drillId, 'cloud-ddos-3')
    const stored = await getDrill(drillId)
    expect(stored).toMatchObject({
      status: 'running',
      elapsedMs: 5 * MIN,
      runningSince: new Date(T0 + 50 * MIN).toISOString(),
      released: [{ injectId: 'cloud-ddos-3', atMs: 7 * MIN }],
    })
    expect(stored?.participants).toEqual([{ name: 'Ana', role: 'Incident lead' }])
  })

  it('stamps log entries with the drill clock, paused time left out', async () => {
    const { drillId } = await setUp()
    at(T0 + 3 * MIN)
    await addLogEntry(drillId, { type: 'decision', text: 'Open an incident record' })
    await pauseDrill(drillId)
    at(T0 + 30 * MIN)
    await addLogEntry(drillId, { type: 'gap', text: '  No one had the status page  ' })
    const events = await listDrillEvents(drillId)
    expect(events.map((e) => [e.at, e.type, e.text])).toEqual([
      [3 * MIN, 'decision', 'Open an incident record'],
      [3 * MIN, 'gap', 'No one had the status page'],
    ])
    await expect(addLogEntry(drillId, { type: 'gap', text: '   ' })).rejects.toBeInstanceOf(ValidationError)
  })

  it('turns a finding into an item in the chosen plan and section, read back by its source', async () => {
    const { planId, drillId } = await setUp()
    const gap = await addLogEntry(drillId, { type: 'gap', text: 'Nobody knew who may invoke the plan' })
    const decision = await addLogEntry(drillId, { type: 'decision', text: 'Invoke at 10:30' })
    await endDrill(drillId)
    const [section] = await listSections(planId)
    if (!section) throw new Error('no section')
    const itemId = await createFindingAction(gap, {
      text: 'Write down who may invoke the plan',
      owner: 'Ana',
      due: '2026-04-01',
      planId,
      sectionId: section.id,
    })

    const items = await listItems(planId)
    const created = items.find((i) => i.id === itemId)
    expect(created).toMatchObject({
      sectionId: section.id,
      owner: 'Ana',
      due: '2026-04-01',
      source: { kind: 'drill-finding', id: gap, label: 'Cloud drill, 2026-03-04' },
    })
    const others = items.filter((i) => i.id !== itemId && i.sectionId === section.id).map((i) => i.order)
    expect(others.every((o) => o < (created?.order ?? ''))).toBe(true)

    const actions = await listFindingActions(drillId)
    expect(actions.map((a) => [a.item.id, a.plan?.id, a.section?.title])).toEqual([[itemId, planId, section.title]])
    expect(await runOfEvent(gap)).toEqual({ id: drillId, mode: 'drill' })

    // Live status: a change in the plan shows in the report's read.
    await db.items.update(itemId, { status: 'done' })
    expect((await listFindingActions(drillId))[0]?.item.status).toBe('done')

    // A decision is not a finding; a finding with actions cannot be deleted from under them.
    await expect(createFindingAction(decision, { text: 'x', owner: '', due: null, planId, sectionId: section.id })).rejects.toBeInstanceOf(ValidationError)
    await expect(deleteLogEntry(gap)).rejects.toBeInstanceOf(ValidationError)
  })

  it('writes nothing when the action is invalid or its section belongs to another plan', async () => {
    const { planId, drillId } = await setUp()
    const other = await createPlanFromTemplate(makeTemplate({ title: 'Other' }))
    const gap = await addLogEntry(drillId, { type: 'observation', text: 'The call tree was out of date' })
    const [otherSection] = await listSections(other)
    const [section] = await listSections(planId)
    if (!otherSection || !section) throw new Error('no section')
    const before = await db.items.count()
    await expect(createFindingAction(gap, { text: 'Update it', owner: '', due: null, planId, sectionId: otherSection.id })).rejects.toThrow(
      /not part of the chosen plan/,
    )
    await expect(createFindingAction(gap, { text: '', owner: '', due: null, planId, sectionId: section.id })).rejects.toThrow(/text: must not be empty/)
    await expect(createFindingAction(gap, { text: 'Update it', owner: '', due: '2026-02-31', planId, sectionId: section.id })).rejects.toThrow(/due/)
    await trashPlan(other)
    await expect(createFindingAction(gap, { text: 'Update it', owner: '', due: null, planId: other, sectionId: otherSection.id })).rejects.toThrow(
      /no longer exists/,
    )
    expect(await db.items.count()).toBe(before)
  })

  it('ticks steps used and rates objectives', async () => {
    const { planId, drillId } = await setUp()
    const [item] = await listItems(planId)
    if (!item) throw new Error('no item')
    await setStepUsed(drillId, item.id, true)
    await setStepUsed(drillId, item.id, true)
    expect((await getDrill(drillId))?.stepsUsed).toEqual([item.id])
    await setStepUsed(drillId, item.id, false)
    expect((await getDrill(drillId))?.stepsUsed).toEqual([])
    await rateObjective(drillId, 1, { rating: 'partly' })
    await rateObjective(drillId, 1, { note: 'Took 45 minutes' })
    expect((await getDrill(drillId))?.ratings[1]).toMatchObject({ rating: 'partly', note: 'Took 45 minutes' })
    await expect(rateObjective(drillId, 99, { rating: 'met' })).rejects.toBeInstanceOf(ValidationError)
  })

  it('duplicates a built-in scenario into one that can be edited, and validates edits', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    at(T0)
    const id = await duplicateScenario(cloudDdosScenario)
    const copy = await db.scenarios.get(id)
    expect(copy).toMatchObject({ title: `${cloudDdosScenario.title} (copy)`, updatedAt: new Date(T0).toISOString() })
    expect(copy?.injects.map((i) => i.id)).not.toContain('cloud-ddos-1')
    if (!copy) throw new Error('no copy')
    const [first, ...rest] = copy.injects
    if (!first) throw new Error('no inject')
    at(T0 + MIN)
    await patchScenario(id, { injects: [...rest, { ...first, offsetMinutes: 95 }] })
    const saved = await db.scenarios.get(id)
    expect(saved?.injects.map((i) => i.offsetMinutes)).toEqual([10, 20, 35, 50, 70, 90, 95])
    expect(saved?.updatedAt).toBe(new Date(T0 + MIN).toISOString())
    await expect(patchScenario(id, { title: ' ' })).rejects.toThrow(/title: must not be empty/)
    await expect(patchScenario(id, { injects: [{ ...first, offsetMinutes: Number.NaN }] })).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('matching expected steps', () => {
  it('prefers the step written exactly as in the plan', () => {
    const items = [
      { id: '1', text: 'Open an incident record and a decision log' },
      { id: '2', text: 'Keep the incident record and a decision log safe' },
    ]
    expect(matchStep('Open an incident record and a decision log', items).map((i) => i.id)).toEqual(['1'])
  })
})
