// Incident severity levels: each with a name, what it means, and how often a status update is due
// while an incident of that level is open. A setting of this device (one JSON list), with a default
// set a small firm can start from; the levels are numbered by their place, 1 the most severe. An
// incident keeps the id of its level and the label it had, so renaming a level later rewrites nothing.
import * as z from 'zod/mini'
import { LIMITS } from './limits'
import { idSchema } from './model'

export const severityLevelSchema = z.strictObject({
  id: idSchema,
  name: z.string().check(z.trim(), z.minLength(1, 'needs a name'), z.maxLength(LIMITS.name, `name must be at most ${LIMITS.name} characters`)),
  definition: z.string().check(z.trim(), z.maxLength(LIMITS.shortText, `definition must be at most ${LIMITS.shortText} characters`)),
  /** Minutes between status updates while an incident of this level is open. */
  updateEveryMinutes: z
    .int('update interval must be a whole number of minutes')
    .check(z.gte(5, 'updates at most every 5 minutes'), z.lte(24 * 60, 'updates at least once a day')),
})
export type SeverityLevel = z.infer<typeof severityLevelSchema>

const severityLevelsSchema = z.array(severityLevelSchema).check(
  z.minLength(1, 'needs at least one level'),
  z.maxLength(9, 'has at most 9 levels'),
  z.refine((levels) => new Set(levels.map((l) => l.id)).size === levels.length, 'has two levels with the same id'),
)

export const DEFAULT_SEVERITIES: readonly SeverityLevel[] = [
  {
    id: 'sev-1',
    name: 'Critical',
    definition: 'Customers cannot be served or data may be lost: a critical function is down, or will be before its RTO.',
    updateEveryMinutes: 30,
  },
  {
    id: 'sev-2',
    name: 'Major',
    definition: 'A critical function is degraded, or another function is down; a workaround keeps the business going.',
    updateEveryMinutes: 60,
  },
  { id: 'sev-3', name: 'Minor', definition: 'Inconvenience with little effect on customers; no function is down.', updateEveryMinutes: 120 },
]

/**
 * The levels stored in the setting, or the default set when nothing (or something unreadable, e.g.
 * written by a later version) is stored: an incident can always be declared.
 */
export function readSeverities(stored: string): SeverityLevel[] {
  if (stored.trim() === '') return [...DEFAULT_SEVERITIES]
  try {
    const parsed = severityLevelsSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : [...DEFAULT_SEVERITIES]
  } catch {
    return [...DEFAULT_SEVERITIES]
  }
}

/** "1 Critical": how a level is named on screen, in messages and on the incident. */
export function severityLabel(levels: readonly SeverityLevel[], id: string): string {
  const index = levels.findIndex((l) => l.id === id)
  const level = levels[index]
  return level ? `${index + 1} ${level.name}` : ''
}

/** What is wrong with a list of levels as stored ("level 2: needs a name"), or nothing. */
export function severityProblems(stored: string): string[] {
  let data: unknown
  try {
    data = JSON.parse(stored)
  } catch {
    return ['are not a list of levels']
  }
  const parsed = severityLevelsSchema.safeParse(data)
  if (parsed.success) return []
  return parsed.error.issues.map((issue) => {
    const index = issue.path[0]
    return typeof index === 'number' ? `level ${index + 1}: ${issue.message}` : issue.message
  })
}
