// An incident's deadlines: each stopped function's RTO counted down from the declaration and flagged
// once past; the next status update due from the last one sent (or the declaration); what stops
// when a supplier or a provider is down; the severity setting; the messages filled from the incident;
// and the drill clock running an incident.
import { describe, expect, it } from 'vitest'
import { elapsedMs, endDrill, injectStates, msToNextInject } from '../../src/domain/drill-clock'
import { drillSchema } from '../../src/domain/drill-model'
import { newIncidentRow } from '../../src/domain/incident'
import { describeCountdown, describeUpdateDue, formatSpan, nextUpdateDue, rtoCountdown } from '../../src/domain/incident-clock'
import { namedProviders, stoppedFunctions, suppliersDown } from '../../src/domain/incident-impact'
import { composeMessage, mailtoHref, type MessageFacts } from '../../src/domain/incident-messages'
import { DEFAULT_SEVERITIES, readSeverities, severityLabel, severityProblems } from '../../src/domain/incident-severity'

const MIN = 60_000
const DECLARED = '2026-11-29T14:00:00.000Z'
const T0 = Date.parse(DECLARED)

describe('the RTO countdown', () => {
  it('counts down from the declaration, and is flagged once the RTO is past', () => {
    expect(describeCountdown(rtoCountdown(120, DECLARED, T0 + 40 * MIN))).toBe('RTO reached in 1 h 20 min')
    expect(rtoCountdown(120, DECLARED, T0 + 40 * MIN)).toMatchObject({ past: false, msLeft: 80 * MIN, dueAt: T0 + 120 * MIN })
    expect(rtoCountdown(120, DECLARED, T0 + 120 * MIN)?.past).toBe(true)
    expect(describeCountdown(rtoCountdown(120, DECLARED, T0 + 130 * MIN + 20_000))).toBe('RTO passed 10 min ago')
  })

  it('rounds time left up, so a deadline never looks further away or nearer than it is', () => {
    expect(formatSpan(30_000)).toBe('1 min')
    expect(formatSpan(-30_000)).toBe('under a minute')
    expect(formatSpan(2 * 24 * 60 * MIN)).toBe('2 d')
    expect(formatSpan(61 * MIN)).toBe('1 h 1 min')
  })

  it('says so when a function has no RTO', () => {
    expect(rtoCountdown(null, DECLARED, T0)).toBeNull()
    expect(describeCountdown(null)).toBe('No RTO recorded')
  })
})

describe('the update cadence', () => {
  it('is due a cadence after the declaration before any update is sent', () => {
    const due = nextUpdateDue(DECLARED, 30, [{ type: 'decision', at: 5 * MIN }], T0 + 20 * MIN)
    expect(due).toMatchObject({ lastAt: null, dueAt: T0 + 30 * MIN, overdue: false })
    expect(describeUpdateDue(due)).toBe('Next update due in 10 min')
  })

  it('is due a cadence after the last update sent, and overdue once that passes', () => {
    const events = [
      { type: 'communication', at: 25 * MIN },
      { type: 'communication', at: 10 * MIN },
      { type: 'observation', at: 50 * MIN },
    ]
    expect(nextUpdateDue(DECLARED, 30, events, T0 + 40 * MIN)).toMatchObject({ lastAt: T0 + 25 * MIN, dueAt: T0 + 55 * MIN, overdue: false })
    const late = nextUpdateDue(DECLARED, 30, events, T0 + 58 * MIN)
    expect(late.overdue).toBe(true)
    expect(describeUpdateDue(late)).toBe('Update overdue by 3 min')
  })
})

describe('what an outage stops', () => {
  const suppliers = [
    { id: 'cloud', name: 'CloudCo hosting', runsOn: [], platform: 'Microsoft Azure' },
    { id: 'shop', name: 'Shop platform', runsOn: ['cloud'], platform: '' },
    { id: 'mail', name: 'Mail service', runsOn: [], platform: 'Google' },
    { id: 'loop-a', name: 'A', runsOn: ['loop-b'], platform: '' },
    { id: 'loop-b', name: 'B', runsOn: ['loop-a'], platform: '' },
  ]
  const functions = [
    { id: 'orders', name: 'Take customer orders', rto: 240, supplierIds: ['shop'], dependsOn: [] },
    { id: 'dispatch', name: 'Dispatch', rto: 480, supplierIds: [], dependsOn: ['orders'] },
    { id: 'payroll', name: 'Payroll', rto: null, supplierIds: ['mail'], dependsOn: [] },
    { id: 'support', name: 'Customer support', rto: 60, supplierIds: ['cloud', 'mail'], dependsOn: ['orders'] },
  ]

  it('follows the chain of suppliers that run on the one down', () => {
    expect([...suppliersDown(suppliers, ['cloud'], [])].sort()).toEqual(['cloud', 'shop'])
    expect([...suppliersDown(suppliers, [], ['microsoft azure'])].sort()).toEqual(['cloud', 'shop'])
    expect([...suppliersDown(suppliers, [], ['  Microsoft   AZURE '])].sort()).toEqual(['cloud', 'shop'])
    expect([...suppliersDown(suppliers, ['loop-a'], [])].sort()).toEqual(['loop-a', 'loop-b'])
  })

  it('lists the functions that stop, tightest RTO first, with what stops each', () => {
    const stopped = stoppedFunctions(suppliers, functions, ['cloud'], [])
    expect(stopped.map((s) => s.fn.name)).toEqual(['Customer support', 'Take customer orders', 'Dispatch'])
    expect(stopped[0]?.because).toEqual(['CloudCo hosting', 'depends on Take customer orders'])
    expect(stopped[2]?.because).toEqual(['depends on Take customer orders'])
    expect(stoppedFunctions(suppliers, functions, [], [])).toEqual([])
  })

  it('offers the named providers once each', () => {
    expect(namedProviders([...suppliers, { id: 'x', name: 'X', runsOn: [], platform: ' microsoft azure ' }])).toEqual(['Google', 'Microsoft Azure'])
  })
})

describe('severity levels', () => {
  it('starts from a default set and falls back to it when the stored list cannot be read', () => {
    expect(readSeverities('')).toEqual(DEFAULT_SEVERITIES)
    expect(readSeverities('not json')).toEqual(DEFAULT_SEVERITIES)
    expect(readSeverities('[]')).toEqual(DEFAULT_SEVERITIES)
    expect(DEFAULT_SEVERITIES.map((l) => l.updateEveryMinutes)).toEqual([30, 60, 120])
    const own = [
      { id: 'a', name: 'Red', definition: 'All down', updateEveryMinutes: 15 },
      { id: 'b', name: 'Amber', definition: '', updateEveryMinutes: 45 },
    ]
    expect(readSeverities(JSON.stringify(own))).toEqual(own)
    expect(severityLabel(own, 'b')).toBe('2 Amber')
    expect(severityLabel(own, 'gone')).toBe('')
    expect(severityProblems(JSON.stringify([{ ...own[0], name: ' ' }, own[0]]))).toEqual(['level 1: needs a name', 'has two levels with the same id'])
  })
})

describe('messages', () => {
  const facts: MessageFacts = {
    organisation: 'Silva & Daughters',
    title: 'Hosting provider down',
    description: 'The shop and the portal do not load.',
    severity: '1 Critical',
    statusLine: '',
    lead: 'Ana',
    since: '29 Nov, 14:00',
    nextUpdate: '14:30',
    functionsDown: [{ name: 'Take customer orders', workaround: 'Phone orders on paper' }],
  }

  it('fills the holding statement, customer and staff updates from the incident', () => {
    const holding = composeMessage('holding', facts)
    expect(holding.body).toContain('since 29 Nov, 14:00')
    expect(holding.body).toContain('update by 14:30')
    expect(composeMessage('customer', { ...facts, statusLine: 'Orders by phone work.' }).body).toContain('Current status: Orders by phone work.')
    const staff = composeMessage('staff', facts)
    expect(staff.subject).toBe('Incident (severity 1 Critical): Hosting provider down')
    expect(staff.body).toContain('- Take customer orders: Phone orders on paper')
    expect(staff.body).toContain('Incident lead: Ana.')
  })

  it('opens in the mail app with subject and body encoded, spaces not as "+"', () => {
    const href = mailtoHref({ subject: 'A & B', body: 'one\ntwo' })
    expect(href).toBe('mailto:?subject=A%20%26%20B&body=one%0D%0Atwo')
  })
})

describe('the shared clock', () => {
  const levels = DEFAULT_SEVERITIES
  const declared = () =>
    newIncidentRow(
      { newId: () => 'inc-1', now: DECLARED },
      { title: 'Azure down', description: '', severity: 'sev-2', planIds: [], lead: 'Ana', logKeeper: 'Sam' },
      levels,
    )

  it('runs an incident on the drill clock from its declaration: no scenario, no injects, a valid stored row', () => {
    const incident = declared()
    expect(drillSchema.safeParse(incident).success).toBe(true)
    expect(incident).toMatchObject({ mode: 'incident', scenario: null, status: 'running', incident: { severityLabel: '2 Major', updateEveryMinutes: 60 } })
    expect(incident.incident.review.reviewDate).toBe('2026-12-02')
    expect(elapsedMs(incident, T0 + 95 * MIN)).toBe(95 * MIN)
    expect(injectStates(incident, T0 + 95 * MIN)).toEqual([])
    expect(msToNextInject(incident, T0)).toBeNull()
  })

  it('stops for good when the incident is closed, and a reload reads the same time', () => {
    const closed = endDrill(declared(), T0 + 130 * MIN)
    const reloaded = drillSchema.parse(JSON.parse(JSON.stringify(closed)))
    expect(reloaded).toMatchObject({ status: 'ended', endedAt: new Date(T0 + 130 * MIN).toISOString(), runningSince: null })
    expect(elapsedMs(reloaded, T0 + 500 * MIN)).toBe(130 * MIN)
  })
})
