// A backup protected by a passphrase: the export document's text encrypted with AES-GCM under a
// key derived from the passphrase with PBKDF2-SHA-256, in a small JSON envelope. WebCrypto only.
// AES-GCM authenticates what it decrypts, so a wrong passphrase or a changed byte fails with
// a clear error and never yields garbage.
import { quote } from './quote'
import { ENVELOPE_FORMAT } from './sealed-file'

const ENVELOPE_VERSION = 1
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000
/** Files may ask for more work than we write, but not so much that opening one hangs the page. */
const MAX_ITERATIONS = 10_000_000

interface Envelope {
  format: typeof ENVELOPE_FORMAT
  version: typeof ENVELOPE_VERSION
  kdf: { name: 'PBKDF2'; hash: 'SHA-256'; iterations: number; salt: string }
  cipher: { name: 'AES-GCM'; iv: string }
  /** Base64 of the ciphertext with its 16-byte tag: the UTF-8 text of an export document. */
  data: string
}

class EnvelopeError extends Error {}

const toBase64 = (bytes: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
const fromBase64 = (text: string, what: string): Uint8Array<ArrayBuffer> => {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    throw new EnvelopeError(`This protected backup is damaged: its ${what} is not base64.`)
  }
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ])
}

/** The envelope's JSON text (compact, with a final newline) for the document text `plain`. */
export async function sealBackup(plain: string, passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  if (passphrase === '') throw new EnvelopeError('Choose a passphrase.')
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const key = await deriveKey(passphrase, salt, iterations)
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(plain)))
  const envelope: Envelope = {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
    data: toBase64(data),
  }
  return `${JSON.stringify(envelope)}\n`
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Reads and checks an envelope's text, or says what is wrong with it. */
export function readEnvelope(text: string): Envelope {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new EnvelopeError('This protected backup is damaged: it is not JSON.')
  }
  if (!isRecord(raw) || raw.format !== ENVELOPE_FORMAT) throw new EnvelopeError('This file is not a protected Continuity Kit backup.')
  if (raw.version !== ENVELOPE_VERSION)
    throw new EnvelopeError(`This protected backup is in version ${quote(raw.version)}; this app reads version ${ENVELOPE_VERSION}. Update the app to open it.`)
  const { kdf, cipher, data } = raw
  if (!isRecord(kdf) || kdf.name !== 'PBKDF2' || kdf.hash !== 'SHA-256' || typeof kdf.salt !== 'string')
    throw new EnvelopeError('This protected backup is damaged: its key derivation is not PBKDF2-SHA-256.')
  const iterations = kdf.iterations
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < PBKDF2_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new EnvelopeError(
      `This protected backup asks for ${quote(iterations)} key derivation rounds; this app accepts ${PBKDF2_ITERATIONS.toLocaleString('en')} to ${MAX_ITERATIONS.toLocaleString('en')}.`,
    )
  }
  if (!isRecord(cipher) || cipher.name !== 'AES-GCM' || typeof cipher.iv !== 'string')
    throw new EnvelopeError('This protected backup is damaged: its cipher is not AES-GCM.')
  if (typeof data !== 'string') throw new EnvelopeError('This protected backup is damaged: it holds no data.')
  return {
    format: ENVELOPE_FORMAT,
    version: ENVELOPE_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: kdf.salt },
    cipher: { name: 'AES-GCM', iv: cipher.iv },
    data,
  }
}

/** The document text inside a protected backup, or an EnvelopeError that says why not. */
export async function openBackup(text: string, passphrase: string): Promise<string> {
  const envelope = readEnvelope(text)
  const salt = fromBase64(envelope.kdf.salt, 'salt')
  const iv = fromBase64(envelope.cipher.iv, 'nonce')
  if (salt.length < 16 || iv.length !== 12) throw new EnvelopeError('This protected backup is damaged: its salt or nonce has the wrong length.')
  const data = fromBase64(envelope.data, 'data')
  const key = await deriveKey(passphrase, salt, envelope.kdf.iterations)
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, data)
  } catch {
    // GCM cannot tell the two apart: the tag fails either way.
    throw new EnvelopeError('The passphrase is wrong, or the file was changed after it was written. Nothing was imported.')
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(plain)
}
