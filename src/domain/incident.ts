// An incident is a run of the drill engine for real: a drill row with mode 'incident', no scenario
// and no injects, its clock running from the declaration and never paused, the same log, steps and
// findings -> actions. This module builds the row and says what of an incident the screens show.
import { addDays, dateOf } from './dates'
import type { Drill, DrillEvent, IncidentDetails } from './drill-model'
import { sequenceOf, type CalendarEvent } from './ics'
import { LIMITS } from './limits'
import { severityLabel, type SeverityLevel } from './incident-severity'
import type { FactoryContext } from './plan-factory'

export type Incident = IncidentDetails
export type IncidentRun = Drill & { mode: 'incident'; incident: Incident }

/** A preliminary review within 72 hours, as the outage report's provider promised its customers. */
const REVIEW_AFTER_DAYS = 3

export function isIncident(drill: Drill): drill is IncidentRun {
  return drill.mode === 'incident' && drill.incident !== null
}

export interface NewIncident {
  title: string
  description: string
  /** The id of a severity level. */
  severity: string
  planIds: string[]
  lead: string
  logKeeper: string
}

/** An incident declared now: the clock runs from now and the first update is due a cadence later. */
export function newIncidentRow(ctx: FactoryContext, input: NewIncident, levels: readonly SeverityLevel[]): IncidentRun {
  const level = levels.find((l) => l.id === input.severity)
  return {
    id: ctx.newId(),
    mode: 'incident',
    scenario: null,
    title: input.title.trim(),
    planIds: [...new Set(input.planIds)],
    facilitator: input.lead.trim(),
    participants: [],
    status: 'running',
    startedAt: ctx.now,
    endedAt: null,
    elapsedMs: 0,
    runningSince: ctx.now,
    released: [],
    stepsUsed: [],
    stepMatches: [],
    ratings: [],
    updatedAt: ctx.now,
    incident: {
      severity: input.severity,
      severityLabel: severityLabel(levels, input.severity),
      description: input.description.trim(),
      lead: input.lead.trim(),
      logKeeper: input.logKeeper.trim(),
      affectedSupplierIds: [],
      affectedProviders: [],
      statusLine: '',
      updateEveryMinutes: level?.updateEveryMinutes ?? 60,
      review: { wentWell: '', wentBadly: '', reviewDate: addDays(dateOf(ctx.now), REVIEW_AFTER_DAYS) },
    },
  }
}

export interface Person {
  /** The person's name, or the role itself where no one is named yet. */
  name: string
  role: string
}

const UNNAMED = /name to be added|^\s*$/i

/**
 * The people the plans name in their roles and contact trees, for choosing who leads and who keeps
 * the log: each person once (first role kept); a role with no one named yet is offered as itself.
 */
export function peopleOf(
  sections: readonly { id: string; role: string }[],
  rows: readonly { sectionId: string; text: string; status: string; values: Record<string, unknown> }[],
): Person[] {
  const role = new Map(sections.map((s) => [s.id, s.role]))
  const out: Person[] = []
  const add = (name: string, r: string) => {
    const n = name.trim()
    if (!UNNAMED.test(n) && !out.some((p) => p.name.toLowerCase() === n.toLowerCase())) out.push({ name: n, role: r.trim() })
  }
  for (const row of rows) {
    if (row.status === 'not-applicable') continue
    const r = typeof row.values.role === 'string' ? row.values.role : ''
    const kind = role.get(row.sectionId)
    if (kind === 'roles') add(typeof row.values.person === 'string' && !UNNAMED.test(row.values.person) ? row.values.person : r, r)
    if (kind === 'contact-tree') add(UNNAMED.test(row.text) ? r : row.text, r)
    if ((kind === 'roles' || kind === 'contact-tree') && typeof row.values.deputy === 'string') add(row.values.deputy, `Deputy ${r}`.trim())
  }
  return out
}

const TICK = /^Step (done|reopened): /

/** The log entry of a step ticked (or unticked): the step, and who did it when there is a name. */
export function stepTickText(done: boolean, step: string, who: string): string {
  return `${done ? 'Step done' : 'Step reopened'}: ${step}${who.trim() ? ` (${who.trim()})` : ''}`.slice(0, LIMITS.longText)
}

/** Who ticked a step done, read back from its entry ('' when no name was recorded), or null if the entry is not that step's tick. */
export function tickedBy(entry: Pick<DrillEvent, 'text'>, step: string): string | null {
  const prefix = `Step done: ${step}`
  if (!entry.text.startsWith(prefix)) return null
  const rest = entry.text.slice(prefix.length)
  return rest === '' ? '' : (/^ \((.*)\)$/.exec(rest)?.[1] ?? null)
}

/** A step ticked or unticked: recorded in the log for the timeline, not a finding to act on. */
export function isStepTick(entry: Pick<DrillEvent, 'type' | 'text' | 'itemId'>): boolean {
  return entry.type === 'action' && entry.itemId !== null && TICK.test(entry.text)
}

/** The review meeting as a calendar event (all day, a reminder the day before), or null without a date. */
export function reviewCalendarEvent(incident: IncidentRun): CalendarEvent {
  return {
    uid: `review-${incident.id}@continuity-kit`,
    date: incident.incident.review.reviewDate ?? dateOf(incident.updatedAt),
    summary: `Post-incident review: ${incident.title}`,
    description: `Review the incident "${incident.title}" (declared ${dateOf(incident.startedAt)}): the timeline, what went well, what did not, and the actions in the plans.`,
    sequence: sequenceOf(incident.updatedAt),
  }
}
