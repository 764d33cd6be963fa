// The organisation name printed on every page: stored trimmed, refused when too long (and then
// nothing changes), and replayed from the drafts journal like the user's own name.
import { describe, expect, it } from 'vitest'
import { getSetting, setOrganisationName, SETTING_ORGANISATION } from '../../src/db/settings-repository'
import { LIMITS } from '../../src/domain/limits'
import { ValidationError } from '../../src/domain/validation-error'

describe('the organisation name setting', () => {
  it('is stored trimmed and read back', async () => {
    await setOrganisationName('  Müller & Söhne Ltd  ')
    expect(await getSetting(SETTING_ORGANISATION)).toBe('Müller & Söhne Ltd')
  })

  it('refuses a name that is too long with a clear message, keeping the one stored', async () => {
    await setOrganisationName('Kept Ltd')
    await expect(setOrganisationName('x'.repeat(LIMITS.name + 1))).rejects.toThrow(ValidationError)
    await expect(setOrganisationName('x'.repeat(LIMITS.name + 1))).rejects.toThrow(`at most ${LIMITS.name} characters`)
    expect(await getSetting(SETTING_ORGANISATION)).toBe('Kept Ltd')
  })
})
