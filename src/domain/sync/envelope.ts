// The encryption envelope of team sharing: every document the team's server holds is its id, its
// revision and a sealed body, encrypted in the browser under a key derived from the team passphrase.
// The server (or whoever runs it) sees ids and ciphertext only. WebCrypto only, so it runs in the
// page and in Node alike. AES-GCM authenticates what it decrypts: a wrong key or a changed byte
// fails with an EnvelopeError and never yields garbage.
import { quote } from '../quote'

/** Kept in plain text on the server in the document `ck-team`: how to derive the team key, and a check value to tell a wrong passphrase. */
export interface TeamKeyInfo {
  v: 1
  /** Base64 of 16 random bytes. */
  salt: string
  iterations: number
  /** A fixed known value sealed under the id `ck-team`: it opens only with the team's key. */
  check: Sealed
}

/** An encrypted body: AES-GCM 256, a 12-byte random IV, the document id as additional authenticated data (so a body moved to another id fails to open). */
export interface Sealed {
  v: 1
  /** Base64 of the 12-byte IV. */
  iv: string
  /** Base64 of the ciphertext with its 16-byte tag: the UTF-8 JSON of the body. */
  ct: string
}

/** OWASP's figure for PBKDF2-HMAC-SHA256. */
export const PBKDF2_ITERATIONS = 600_000
/** A team document may ask for more work than this version writes (a later version may raise it), but not for less than this… */
const MIN_ITERATIONS = 100_000
/** …nor so much that unlocking hangs the page. */
const MAX_ITERATIONS = 10_000_000
const MIN_PASSPHRASE_LENGTH = 12
const VERSION = 1
const TEAM_DOC_ID = 'ck-team'
const CHECK_VALUE = 'continuity-kit team key'
const SALT_BYTES = 16
const IV_BYTES = 12
/** The GCM tag alone: no ciphertext is shorter. */
const TAG_BYTES = 16

export class EnvelopeError extends Error {
  override name = 'EnvelopeError'
}

const toBase64 = (bytes: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(s)
}
/** The bytes of a base64 text, or null when it is not base64. */
const fromBase64 = (text: string): Uint8Array<ArrayBuffer> | null => {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0))
  } catch {
    return null
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Whether a value has the shape of a sealed body of this version (a server document may carry `_id`, `_rev` and other fields beside it). */
export function isSealed(value: unknown): value is Sealed {
  return isRecord(value) && value.v === VERSION && typeof value.iv === 'string' && typeof value.ct === 'string'
}

/** What is wrong with a new team passphrase, or null when it will do. */
export function passphraseProblem(passphrase: string): string | null {
  if (passphrase.trim() === '') return 'Choose a team passphrase: it cannot be empty or only spaces.'
  // Characters as a person counts them, not UTF-16 units.
  if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) return `The team passphrase must be at least ${MIN_PASSPHRASE_LENGTH} characters.`
  return null
}

/** The team key: non-extractable, so it can be kept in IndexedDB without the passphrase and never read back out. */
async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFC: the same accented passphrase typed on two keyboards (é as one code point or two) gives one key.
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ])
}

/** A new team key from a passphrase, with the plain-text document that lets other devices derive it again and tell a wrong passphrase. */
export async function newTeamKey(passphrase: string): Promise<{ info: TeamKeyInfo; key: CryptoKey }> {
  const problem = passphraseProblem(passphrase)
  if (problem !== null) throw new EnvelopeError(problem)
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS)
  const check = await seal(key, TEAM_DOC_ID, CHECK_VALUE)
  return { info: { v: VERSION, salt: toBase64(salt), iterations: PBKDF2_ITERATIONS, check }, key }
}

/** The team key from the passphrase and the team document read from the server, or an EnvelopeError that says why not. */
export async function unlockTeamKey(passphrase: string, info: unknown): Promise<CryptoKey> {
  if (!isRecord(info)) throw new EnvelopeError('The team document on the server is not one Continuity Kit wrote.')
  if (typeof info.v === 'number' && info.v > VERSION)
    throw new EnvelopeError(`The team document on the server was made by a newer version of Continuity Kit (version ${quote(info.v)}). Update the app to join.`)
  if (info.v !== VERSION) throw new EnvelopeError('The team document on the server is not one Continuity Kit wrote.')
  const { iterations, check } = info
  const salt = typeof info.salt === 'string' ? fromBase64(info.salt) : null
  if (salt === null || salt.length < SALT_BYTES || !isSealed(check))
    throw new EnvelopeError('The team document on the server is damaged: its salt or check value is missing.')
  // A server could hand out a weak setting to make the passphrase easier to guess: refuse it.
  if (typeof iterations !== 'number' || !Number.isInteger(iterations) || iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
    throw new EnvelopeError(
      `The team document on the server is not one this version trusts: it asks for ${quote(iterations)} key derivation rounds; this app accepts ${MIN_ITERATIONS.toLocaleString('en')} to ${MAX_ITERATIONS.toLocaleString('en')}.`,
    )
  }
  const key = await deriveKey(passphrase, salt, iterations)
  let opened: unknown
  try {
    opened = await unseal(key, TEAM_DOC_ID, check)
  } catch {
    throw new EnvelopeError("The passphrase does not match the team's.")
  }
  if (opened !== CHECK_VALUE) throw new EnvelopeError("The passphrase does not match the team's.")
  return key
}

/** The document id as authenticated data: a body copied under another id fails to open. */
const aad = (docId: string): Uint8Array<ArrayBuffer> => new TextEncoder().encode(docId)

/** The sealed body of the document `docId`: `body` as JSON, encrypted under the team key with a fresh IV. */
export async function seal(key: CryptoKey, docId: string, body: unknown): Promise<Sealed> {
  const json = JSON.stringify(body) as string | undefined
  if (json === undefined) throw new EnvelopeError(`Document ${quote(docId)} has no body to encrypt.`)
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(docId) }, key, new TextEncoder().encode(json)))
  return { v: VERSION, iv: toBase64(iv), ct: toBase64(ct) }
}

/** The body sealed in the document `docId` (which may be the whole server document), or an EnvelopeError that says why not. */
export async function unseal(key: CryptoKey, docId: string, sealed: unknown): Promise<unknown> {
  const doc = quote(docId)
  if (isRecord(sealed) && typeof sealed.v === 'number' && sealed.v > VERSION)
    throw new EnvelopeError(`Document ${doc} was made by a newer version of Continuity Kit (version ${quote(sealed.v)}). Update the app to read it.`)
  if (!isSealed(sealed)) throw new EnvelopeError(`Document ${doc} is not an encrypted Continuity Kit document.`)
  const iv = fromBase64(sealed.iv)
  const ct = fromBase64(sealed.ct)
  const cannotOpen = `Document ${doc} cannot be opened with this team's key: it was changed on the server, or encrypted under another passphrase.`
  if (iv === null || ct === null || iv.length !== IV_BYTES || ct.length < TAG_BYTES) throw new EnvelopeError(cannotOpen)
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad(docId) }, key, ct)
  } catch {
    // GCM cannot tell a changed byte from another key: the tag fails either way.
    throw new EnvelopeError(cannotOpen)
  }
  // Authenticated bytes are ours, so these cannot fail short of a bug in the writer; still, never return garbage.
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plain)) as unknown
  } catch {
    throw new EnvelopeError(`Document ${doc} opened but does not hold JSON.`)
  }
}
