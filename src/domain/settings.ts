// Settings that belong to this device, each with the rule its value must meet. One table of them,
// so every setting is checked the same way wherever it is written.
import * as z from 'zod/mini'
import { LIMITS } from './limits'
import { severityProblems } from './incident-severity'
import { timestampSchema } from './model'

const name = (label: string) => ({
  label,
  schema: z.string().check(z.trim(), z.maxLength(LIMITS.name, `must be at most ${LIMITS.name} characters`)),
})

export const SETTINGS = {
  /** Who marks plans reviewed. */
  userName: name('Your name'),
  /** At the top of every printed page. */
  organisationName: name('The organisation name'),
  /** When everything was last exported (Export all), for the Settings page. */
  lastExportAll: { label: 'The time of the last export', schema: timestampSchema },
  /** Incident severity levels, as JSON (see incident-severity.ts); empty for the default set. */
  incidentSeverities: {
    label: 'Severity levels',
    schema: z.string().check(
      z.superRefine((value, ctx) => {
        if (value.trim() === '') return
        for (const message of severityProblems(value)) ctx.issues.push({ code: 'custom', message, input: value })
      }),
    ),
  },
} as const

export type SettingKey = keyof typeof SETTINGS
