// The encryption envelope of team sharing: what the server holds is ciphertext, what comes back is
// what went in, and anything else (a wrong passphrase, a changed byte, a moved body) fails clearly.
import { beforeAll, describe, expect, it } from 'vitest'
import {
  EnvelopeError,
  isSealed,
  newTeamKey,
  passphraseProblem,
  PBKDF2_ITERATIONS,
  seal,
  type TeamKeyInfo,
  unlockTeamKey,
  unseal,
} from '../../src/domain/sync/envelope'
import { makeItemRow } from '../support/factories'

const PASSPHRASE = 'harbour bakery ovens at dawn'
const TITLE = 'Call Mrs Ødegård at the bakery — ovens ☎'
const NOTE = 'Spare key under the blue flowerpot, alarm code 4471 🔑'
const ROW = makeItemRow({
  id: 'i-ovens',
  text: TITLE,
  notes: NOTE,
  owner: 'Zoë Ünal',
  values: { rto: 240, impact: 'High', contact: '李雷 +44 20 7946 0000' },
})

// One derivation per file: 600,000 rounds are the point, and they take a while on a shared machine.
let info: TeamKeyInfo
let key: CryptoKey
beforeAll(async () => {
  ;({ info, key } = await newTeamKey(PASSPHRASE))
})

const bytesOf = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))
const b64Of = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
const flipBit = (b64: string, at: number) => {
  const bytes = bytesOf(b64)
  bytes[at] = (bytes[at] ?? 0) ^ 0x01
  return b64Of(bytes)
}
const containsBytes = (hay: Uint8Array, needle: Uint8Array) => {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return true
  }
  return false
}

describe('the team key', () => {
  it('is derived with PBKDF2-SHA-256 at 600,000 rounds from a 16-byte random salt, and cannot be read out of the browser', async () => {
    expect(info).toMatchObject({ v: 1, iterations: PBKDF2_ITERATIONS })
    expect(PBKDF2_ITERATIONS).toBe(600_000)
    expect(bytesOf(info.salt)).toHaveLength(16)
    expect(isSealed(info.check)).toBe(true)
    expect(key.extractable).toBe(false)
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect([...key.usages].sort()).toEqual(['decrypt', 'encrypt'])
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow()
    await expect(crypto.subtle.exportKey('jwk', key)).rejects.toThrow()
  })

  it('unlocks on another device with the same passphrase (the team document read back as JSON), and opens what the first device sealed', async () => {
    const unlocked = await unlockTeamKey(PASSPHRASE, JSON.parse(JSON.stringify(info)))
    expect(unlocked.extractable).toBe(false)
    const sealed = await seal(key, 'item:i-ovens', ROW)
    expect(await unseal(unlocked, 'item:i-ovens', sealed)).toEqual(ROW)
  })

  it('refuses a wrong passphrase with words a user understands', async () => {
    const refused = await unlockTeamKey('harbour bakery ovens at dusk', info).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(EnvelopeError)
    expect(refused).toHaveProperty('message', "The passphrase does not match the team's.")
  })

  it('survives being stored (IndexedDB keeps keys by structured clone) and still opens what it sealed', async () => {
    const stored = structuredClone(key)
    expect(stored.extractable).toBe(false)
    expect(await unseal(stored, 'item:i-ovens', await seal(key, 'item:i-ovens', ROW))).toEqual(ROW)
  })

  it('unlocks with the passphrase however the keyboard composed its accents (é as one code point or two)', async () => {
    const team = await newTeamKey('caf\u00e9 cr\u00e8me br\u00fbl\u00e9e')
    const unlocked = await unlockTeamKey('cafe\u0301 cre\u0300me bru\u0302le\u0301e', team.info)
    expect(await unseal(unlocked, 'plan:p1', await seal(team.key, 'plan:p1', { title: 'Crème brûlée' }))).toEqual({ title: 'Crème brûlée' })
  })

  it('refuses a team document whose check value was swapped: one sealed under another id, or holding another value', async () => {
    const checkElsewhere = await seal(key, 'plan:p1', 'continuity-kit team key')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, check: checkElsewhere })).rejects.toThrow("The passphrase does not match the team's.")
    const otherValue = await seal(key, 'ck-team', 'anything else')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, check: otherValue })).rejects.toThrow("The passphrase does not match the team's.")
  })

  it('refuses a team document it does not know, a newer one, and one that asks for too few rounds, before deriving anything', async () => {
    await expect(unlockTeamKey(PASSPHRASE, null)).rejects.toThrow('The team document on the server is not one Continuity Kit wrote.')
    await expect(unlockTeamKey(PASSPHRASE, { _id: 'ck-team', hello: 'world' })).rejects.toThrow('not one Continuity Kit wrote')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, v: 2 })).rejects.toThrow('made by a newer version of Continuity Kit (version 2). Update the app to join.')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, iterations: 1000 })).rejects.toThrow(
      'not one this version trusts: it asks for 1000 key derivation rounds; this app accepts 100,000 to 10,000,000.',
    )
    await expect(unlockTeamKey(PASSPHRASE, { ...info, iterations: '600000' })).rejects.toThrow('not one this version trusts')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, salt: 'not base64!' })).rejects.toThrow('damaged')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, salt: b64Of(new Uint8Array(8)) })).rejects.toThrow('damaged')
    await expect(unlockTeamKey(PASSPHRASE, { ...info, check: 'yes' })).rejects.toThrow('damaged')
  })

  it('refuses a weak team passphrase when the team is set up', async () => {
    await expect(newTeamKey('short')).rejects.toThrow(new EnvelopeError('The team passphrase must be at least 12 characters.'))
  })
})

describe('a team passphrase', () => {
  it('must have at least 12 characters, not only spaces, and is otherwise taken as typed', () => {
    expect(passphraseProblem('')).toBe('Choose a team passphrase: it cannot be empty or only spaces.')
    expect(passphraseProblem('              ')).toBe('Choose a team passphrase: it cannot be empty or only spaces.')
    expect(passphraseProblem('eleven char')).toBe('The team passphrase must be at least 12 characters.')
    expect(passphraseProblem('🔑🔑🔑🔑🔑🔑')).toBe('The team passphrase must be at least 12 characters.')
    expect(passphraseProblem('twelve chars')).toBeNull()
    expect(passphraseProblem('  spaced out  ')).toBeNull()
    expect(passphraseProblem(PASSPHRASE)).toBeNull()
  })
})

describe('sealed documents', () => {
  it('round-trip a realistic row: accents, emoji, other scripts, nested values', async () => {
    const sealed = await seal(key, 'item:i-ovens', ROW)
    expect(Object.keys(sealed).sort()).toEqual(['ct', 'iv', 'v'])
    expect(bytesOf(sealed.iv)).toHaveLength(12)
    expect(await unseal(key, 'item:i-ovens', sealed)).toEqual(ROW)
    // The whole server document opens too: CouchDB adds its own fields beside the body.
    expect(await unseal(key, 'item:i-ovens', { _id: 'item:i-ovens', _rev: '1-abc', ...sealed })).toEqual(ROW)
    for (const body of [null, 0, '', 'plain text', [1, [2, { three: 3 }]]]) expect(await unseal(key, 'x', await seal(key, 'x', body))).toEqual(body)
  })

  it('hold no plaintext title or note, neither in the JSON the server stores nor in the decoded ciphertext', async () => {
    const sealed = await seal(key, 'item:i-ovens', ROW)
    const json = JSON.stringify({ _id: 'item:i-ovens', _rev: '1-abc', ...sealed })
    const ct = bytesOf(sealed.ct)
    const utf8 = new TextEncoder()
    for (const secret of [TITLE, NOTE, 'Ødegård', 'flowerpot', '4471', 'Zoë', '李雷', '"notes"']) {
      expect(json).not.toContain(secret)
      expect(containsBytes(ct, utf8.encode(secret))).toBe(false)
    }
    // The search itself can find what is there.
    expect(containsBytes(utf8.encode(JSON.stringify(ROW)), utf8.encode('flowerpot'))).toBe(true)
    // A fresh IV each time: the same row sealed twice looks different.
    const again = await seal(key, 'item:i-ovens', ROW)
    expect(again.iv).not.toBe(sealed.iv)
    expect(again.ct).not.toBe(sealed.ct)
  })

  it('refuse a flipped bit anywhere in the ciphertext or the IV, and never return garbage', async () => {
    const sealed = await seal(key, 'item:i-ovens', ROW)
    const cannotOpen = `Document "item:i-ovens" cannot be opened with this team's key: it was changed on the server, or encrypted under another passphrase.`
    const ctLength = bytesOf(sealed.ct).length
    for (const at of [0, Math.floor(ctLength / 2), ctLength - 1]) {
      await expect(unseal(key, 'item:i-ovens', { ...sealed, ct: flipBit(sealed.ct, at) })).rejects.toThrow(new EnvelopeError(cannotOpen))
    }
    for (const at of [0, 11])
      await expect(unseal(key, 'item:i-ovens', { ...sealed, iv: flipBit(sealed.iv, at) })).rejects.toThrow(new EnvelopeError(cannotOpen))
    // Cut short, or an IV of the wrong length.
    await expect(unseal(key, 'item:i-ovens', { ...sealed, ct: b64Of(bytesOf(sealed.ct).subarray(0, 10)) })).rejects.toThrow(cannotOpen)
    await expect(unseal(key, 'item:i-ovens', { ...sealed, iv: b64Of(new Uint8Array(16)) })).rejects.toThrow(cannotOpen)
  })

  it('refuse a body moved under another document id', async () => {
    const sealed = await seal(key, 'item:i-ovens', ROW)
    await expect(unseal(key, 'item:i-other', sealed)).rejects.toThrow(`Document "item:i-other" cannot be opened with this team's key`)
    await expect(unseal(key, 'item:i-ovens ', sealed)).rejects.toBeInstanceOf(EnvelopeError)
  })

  it('refuse a body sealed under another team passphrase', async () => {
    const other = await newTeamKey('another team entirely, same server')
    const sealed = await seal(other.key, 'item:i-ovens', ROW)
    await expect(unseal(key, 'item:i-ovens', sealed)).rejects.toThrow(`Document "item:i-ovens" cannot be opened with this team's key`)
    // And the other team's document does not unlock with this team's passphrase.
    await expect(unlockTeamKey(PASSPHRASE, other.info)).rejects.toThrow("The passphrase does not match the team's.")
  })

  it('say so when a document is not encrypted, is garbage, or was made by a newer version', async () => {
    const sealed = await seal(key, 'item:i-ovens', ROW)
    const notEncrypted = 'Document "item:i-ovens" is not an encrypted Continuity Kit document.'
    for (const bad of [
      undefined,
      null,
      'text',
      42,
      [sealed],
      ROW,
      { _id: 'item:i-ovens', _rev: '1-a' },
      { ...sealed, v: 0 },
      { ...sealed, ct: 5 },
      { v: 1, iv: sealed.iv },
    ]) {
      await expect(unseal(key, 'item:i-ovens', bad)).rejects.toThrow(new EnvelopeError(notEncrypted))
      expect(isSealed(bad)).toBe(false)
    }
    await expect(unseal(key, 'item:i-ovens', { ...sealed, ct: '%%% not base64 %%%' })).rejects.toThrow("cannot be opened with this team's key")
    await expect(unseal(key, 'item:i-ovens', { ...sealed, v: 2 })).rejects.toThrow(
      'Document "item:i-ovens" was made by a newer version of Continuity Kit (version 2). Update the app to read it.',
    )
    expect(isSealed({ _id: 'item:i-ovens', _rev: '2-b', ...sealed })).toBe(true)
  })

  it('refuse to seal nothing', async () => {
    await expect(seal(key, 'item:i-ovens', undefined)).rejects.toThrow(new EnvelopeError('Document "item:i-ovens" has no body to encrypt.'))
  })
})
