// Protected backups: what goes in comes out with the passphrase, and anything else fails clearly.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openBackup, PBKDF2_ITERATIONS, readEnvelope, sealBackup } from '../../src/domain/backup-envelope'
import { looksSealed } from '../../src/domain/sealed-file'
import { checkImport } from '../../src/domain/import-check'

const FIXTURE = readFileSync(path.join(__dirname, '../fixtures/export-v4.continuity.json'), 'utf8')

describe('protected backups', () => {
  it('seals with PBKDF2-SHA-256 (600,000 rounds) and AES-GCM, and opens with the passphrase', async () => {
    const sealed = await sealBackup(FIXTURE, 'correct horse battery staple')
    const envelope = readEnvelope(sealed)
    expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: PBKDF2_ITERATIONS })
    expect(envelope.cipher.name).toBe('AES-GCM')
    expect(sealed).not.toContain('Harbour Bakery')
    expect(looksSealed(sealed.slice(0, 64))).toBe(true)
    expect(looksSealed(FIXTURE.slice(0, 64))).toBe(false)
    const opened = await openBackup(sealed, 'correct horse battery staple')
    expect(opened).toBe(FIXTURE)
    expect(checkImport(opened).ok).toBe(true)
    // A fresh salt and nonce each time.
    expect(readEnvelope(await sealBackup(FIXTURE, 'correct horse battery staple')).cipher.iv).not.toBe(envelope.cipher.iv)
  }, 30_000)

  it('opens with the passphrase however the keyboard composed its accents (é typed as one or two code points)', async () => {
    const sealed = await sealBackup(FIXTURE, 'caf\u00e9 cr\u00e8me')
    expect(await openBackup(sealed, 'cafe\u0301 cre\u0300me')).toBe(FIXTURE)
  })

  it('refuses a wrong passphrase and a changed byte with a clear error', async () => {
    const sealed = await sealBackup('{"a":1}', 'right')
    await expect(openBackup(sealed, 'wrong')).rejects.toThrow('The passphrase is wrong, or the file was changed after it was written. Nothing was imported.')
    const envelope = readEnvelope(sealed)
    const bytes = Uint8Array.from(atob(envelope.data), (c) => c.charCodeAt(0))
    bytes[0] = (bytes[0] ?? 0) ^ 1
    const tampered = JSON.stringify({ ...envelope, data: btoa(String.fromCharCode(...bytes)) })
    await expect(openBackup(tampered, 'right')).rejects.toThrow('The passphrase is wrong, or the file was changed after it was written.')
  }, 30_000)

  it('refuses envelopes it should not trust before deriving any key', async () => {
    const envelope = readEnvelope(await sealBackup('{}', 'p'))
    await expect(openBackup(JSON.stringify({ ...envelope, kdf: { ...envelope.kdf, iterations: 1000 } }), 'p')).rejects.toThrow(
      'asks for 1000 key derivation rounds; this app accepts 600,000 to 10,000,000',
    )
    await expect(openBackup(JSON.stringify({ ...envelope, version: 9 }), 'p')).rejects.toThrow('version 9')
    await expect(openBackup(JSON.stringify({ ...envelope, data: '%%%' }), 'p')).rejects.toThrow('its data is not base64')
    await expect(openBackup('not json', 'p')).rejects.toThrow('it is not JSON')
    await expect(sealBackup('{}', '')).rejects.toThrow('Choose a passphrase.')
  }, 30_000)
})
