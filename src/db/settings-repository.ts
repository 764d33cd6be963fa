// Settings that belong to this device: the user's name for "reviewed by", and the like.
import { LIMITS } from '../domain/limits'
import { ValidationError } from '../domain/validation-error'
import { db } from './database'

export const SETTING_USER_NAME = 'userName'
/** The organisation's name, at the top of every printed page. */
export const SETTING_ORGANISATION = 'organisationName'

export async function getSetting(key: string): Promise<string> {
  return (await db.settings.get(key))?.value ?? ''
}

export async function setUserName(name: string): Promise<void> {
  const value = name.trim()
  if (value.length > LIMITS.name) throw new ValidationError([`Your name must be at most ${LIMITS.name} characters`])
  await db.settings.put({ key: SETTING_USER_NAME, value })
}

export async function setOrganisationName(name: string): Promise<void> {
  const value = name.trim()
  if (value.length > LIMITS.name) throw new ValidationError([`The organisation name must be at most ${LIMITS.name} characters`])
  await db.settings.put({ key: SETTING_ORGANISATION, value })
}
