// Tabletop drills: scenarios (built-in or written here), the drills run from them, and the log
// of what happened during each drill.
import * as z from 'zod/mini'
import { LIMITS } from './limits'
import { dateSchema, idSchema, required, text, timestampSchema } from './model'
import { PLAN_KINDS } from './vocabulary'

/** 'planned' is a drill booked for later (startedAt holds the planned start until it starts). */
export const DRILL_STATUSES = ['running', 'paused', 'ended', 'planned'] as const
export const EVENT_TYPES = ['inject', 'decision', 'observation', 'gap', 'action', 'communication'] as const
/** A drill rehearses; an incident is the real thing, run by the same engine. */
export const RUN_MODES = ['drill', 'incident'] as const
export type RunMode = (typeof RUN_MODES)[number]
export const RATINGS = ['met', 'partly', 'not-met'] as const
export type DrillStatus = (typeof DRILL_STATUSES)[number]
export type DrillEventType = (typeof EVENT_TYPES)[number]
export type Rating = (typeof RATINGS)[number]

export const injectSchema = z.strictObject({
  id: idSchema,
  /** Minutes after the start of the drill when the inject is due. */
  offsetMinutes: z.int().check(z.gte(0), z.lte(24 * 60)),
  title: required(LIMITS.title),
  /** What happens, for the facilitator. */
  happens: text(LIMITS.longText),
  /** What the players are told, shown on the players' view. */
  playersTold: text(LIMITS.longText),
  questions: z.array(required(LIMITS.shortText)).check(z.maxLength(10)),
  /** Plan steps the team is expected to reach for, in words. */
  expectedSteps: z.array(required(LIMITS.shortText)).check(z.maxLength(20)),
})
export type Inject = z.infer<typeof injectSchema>

export const scenarioSchema = z.strictObject({
  id: idSchema,
  version: z.int().check(z.gte(1)),
  title: required(LIMITS.title),
  summary: text(LIMITS.shortText),
  objectives: z.array(required(LIMITS.shortText)).check(z.maxLength(20)),
  /** The kinds of plan this scenario exercises. */
  planKinds: z.array(z.enum(PLAN_KINDS)),
  injects: z.array(injectSchema).check(z.maxLength(50)),
  hotWash: z.array(required(LIMITS.shortText)).check(z.maxLength(20)),
  /** Null for a built-in scenario; set for one written or duplicated here. */
  updatedAt: z.nullable(timestampSchema),
})
export type Scenario = z.infer<typeof scenarioSchema>

export const participantSchema = z.strictObject({ name: required(LIMITS.name), role: text(LIMITS.name) })
export type Participant = z.infer<typeof participantSchema>

/** What an incident records beside the run itself: declared, run and reviewed here. */
export const incidentDetailsSchema = z.strictObject({
  /** The id of a severity level (Settings), kept with its label as it was when chosen. */
  severity: idSchema,
  severityLabel: text(LIMITS.name),
  description: text(LIMITS.longText),
  lead: text(LIMITS.name),
  logKeeper: text(LIMITS.name),
  /** Suppliers (register rows) that are down. */
  affectedSupplierIds: z.array(idSchema).check(z.maxLength(200)),
  /** Providers that are not in a register but are down, by name ("Microsoft Azure"). */
  affectedProviders: z.array(required(LIMITS.name)).check(z.maxLength(50)),
  /** The one line shown on the status board. */
  statusLine: text(LIMITS.shortText),
  /** How often a status update is due, in minutes. */
  updateEveryMinutes: z.int().check(z.gte(5, 'must be at least 5 minutes'), z.lte(24 * 60, 'must be at most a day')),
  review: z.strictObject({
    wentWell: text(LIMITS.longText),
    wentBadly: text(LIMITS.longText),
    reviewDate: z.nullable(dateSchema),
  }),
})
export type IncidentDetails = z.infer<typeof incidentDetailsSchema>

export const stepMatchSchema = z.strictObject({
  injectId: idSchema,
  /** Index of the step in the inject's expected steps. */
  step: z.int().check(z.gte(0)),
  /** The plan item the step was matched to when the drill started, or null when none was found. */
  itemId: z.nullable(idSchema),
})
export type StepMatch = z.infer<typeof stepMatchSchema>

export const drillSchema = z.strictObject({
  id: idSchema,
  mode: z.enum(RUN_MODES),
  /** A copy of the scenario as it was run, so later edits do not rewrite history; null for an incident. */
  scenario: z.nullable(scenarioSchema),
  title: required(LIMITS.title),
  planIds: z.array(idSchema),
  facilitator: text(LIMITS.name),
  participants: z.array(participantSchema).check(z.maxLength(100)),
  status: z.enum(DRILL_STATUSES),
  startedAt: timestampSchema,
  endedAt: z.nullable(timestampSchema),
  /** Drill time accumulated before the current run; pauses are not counted. */
  elapsedMs: z.number().check(z.gte(0)),
  /** When the clock last started running, or null while paused or ended. */
  runningSince: z.nullable(timestampSchema),
  released: z.array(z.strictObject({ injectId: idSchema, atMs: z.number().check(z.gte(0)) })),
  /** Plan items ticked as used during the drill. */
  stepsUsed: z.array(idSchema),
  /** Each inject's expected steps, matched to plan items when the drill started against its plans. */
  stepMatches: z.array(stepMatchSchema).check(z.maxLength(1_000)),
  /** Null for a drill. */
  incident: z.nullable(incidentDetailsSchema),
  ratings: z.array(z.strictObject({ objective: required(LIMITS.shortText), rating: z.nullable(z.enum(RATINGS)), note: text(LIMITS.longText) })),
  updatedAt: timestampSchema,
  /** When the drill was moved to the trash; absent or null while it is not there. */
  deletedAt: z.optional(z.nullable(timestampSchema)),
})
export type Drill = z.infer<typeof drillSchema>

export const drillEventSchema = z.strictObject({
  id: idSchema,
  drillId: idSchema,
  /** Drill-clock time of the entry, in milliseconds. */
  at: z.number().check(z.gte(0)),
  type: z.enum(EVENT_TYPES),
  text: required(LIMITS.longText),
  injectId: z.nullable(idSchema),
  /** A plan step this entry exercised or concerns. */
  itemId: z.nullable(idSchema),
  createdAt: timestampSchema,
})
export type DrillEvent = z.infer<typeof drillEventSchema>
