// What a failed request to the team's server means, in words a continuity owner can act on.

interface ServerError {
  status?: number
  name?: string
  message?: string
  reason?: string
}

const asServerError = (error: unknown): ServerError => (typeof error === 'object' && error !== null ? (error as ServerError) : { message: String(error) })

/** An error's message, whatever was thrown. */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** True when the server could not be reached at all (no network, server down, wrong address). */
export function isUnreachable(error: unknown): boolean {
  const e = asServerError(error)
  return !e.status || e.status === 0 || e.name === 'TypeError' || e.name === 'unknown' || /fetch|network/i.test(e.message ?? '')
}

export function serverErrorMessage(error: unknown, database: string): string {
  const e = asServerError(error)
  if (isUnreachable(error)) return 'The server cannot be reached: check the address and the network'
  if (e.status === 401) return 'The server did not accept the user name or password'
  if (e.status === 403) return `This user is not a member of the database "${database}"`
  if (e.status === 404) return `There is no database named "${database}" on that server`
  const reason = e.reason ?? e.message ?? ''
  return `The server refused the request (${e.status}${reason ? `: ${reason}` : ''})`
}

/** CouchDB's rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/

export interface SharingInput {
  server: string
  database: string
  user: string
  password: string
  passphrase: string
}

/** What is wrong with the connection details, field by field; empty when they can be tried. */
export function sharingInputProblems(input: SharingInput): string[] {
  const problems: string[] = []
  let url: URL | null = null
  try {
    url = new URL(input.server.trim())
  } catch {
    problems.push('Server address: type a full address such as https://couch.example.org')
  }
  if (url) {
    const local = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]'
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
      problems.push('Server address: use an https:// address, since the password is sent with every request')
    if (url.username || url.password) problems.push('Server address: put the user and password in their own boxes, not in the address')
  }
  if (!DATABASE_NAME.test(input.database.trim()))
    problems.push('Database: CouchDB names start with a lower-case letter and use only a–z, 0–9 and _ $ ( ) + - /')
  if (input.user.trim() === '') problems.push('User: type the user name the server knows you by')
  if (input.password === '') problems.push('Password: type your password on the server')
  return problems
}

/** The database's address: the server address (any trailing slash dropped) and the database name. */
export function databaseUrl(server: string, database: string): string {
  return `${server.trim().replace(/\/+$/, '')}/${encodeURIComponent(database.trim())}`
}
