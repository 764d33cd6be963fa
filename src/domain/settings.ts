// Settings that belong to this device, each with the rule its value must meet. One table of them,
// so every setting is checked the same way wherever it is written.
import * as z from 'zod/mini'
import { LIMITS } from './limits'
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
} as const

export type SettingKey = keyof typeof SETTINGS
