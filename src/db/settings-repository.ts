// Settings that belong to this device: the user's name for "reviewed by", the organisation's name
// for printed pages. Every write goes through writeSetting, which checks the value against the
// setting's rule (src/domain/settings.ts).
import { SETTINGS, type SettingKey } from '../domain/settings'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'

export const SETTING_USER_NAME = 'userName' satisfies SettingKey
export const SETTING_ORGANISATION = 'organisationName' satisfies SettingKey

export async function getSetting(key: SettingKey): Promise<string> {
  return (await db.settings.get(key))?.value ?? ''
}

/** Checks and stores one setting; a value that breaks its rule is refused and nothing changes. */
export async function writeSetting(key: SettingKey, value: string): Promise<void> {
  const { label, schema } = SETTINGS[key]
  const result = schema.safeParse(value)
  if (!result.success) throw new ValidationError(result.error.issues.map((issue) => `${label} ${issue.message}`))
  await db.settings.put({ key, value: result.data })
}

export const setUserName = (name: string): Promise<void> => writeSetting(SETTING_USER_NAME, name)
export const setOrganisationName = (name: string): Promise<void> => writeSetting(SETTING_ORGANISATION, name)
