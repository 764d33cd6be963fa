// A CouchDB-compatible server for trying team sharing locally and for the browser tests: PouchDB Server
// (npm pouchdb-server) on a private loopback port, behind a small gate on the public port.
//
//   npm run sync-server [-- --port 5984] [--dir ./sync-data] [--origin https://app.example] [--db continuity] [--user team]
//   env SYNC_ADMIN_USER, SYNC_ADMIN_PASSWORD, SYNC_TEAM_USER, SYNC_TEAM_PASSWORD override the names and printed passwords.
//
// The gate exists because PouchDB Server 4.2 enforces a database's _security members on most routes but
// not all: POST /db/_bulk_get and /db/_find answer anyone, anonymous included, and an anonymous PUT of an
// unknown database crashes it. The gate admits a request to a database only if the same credentials may
// open that database (GET /db answers 200), and server-level routes to server admins only.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'

const require = createRequire(import.meta.url)
const POUCHDB_SERVER = require.resolve('pouchdb-server/bin/pouchdb-server')
// The server dies with whoever started it, even killed outright: it quits when its stdin closes.
const DIE_WITH_PARENT = 'data:text/javascript,process.stdin.on("end",()=>process.exit(0)).resume()'
const START_TIMEOUT = 20_000

const DEFAULT_ORIGINS = ['http://127.0.0.1:4173', 'http://localhost:4173']

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))
const basic = ({ name, password }) => `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`
const newPassword = () => randomBytes(12).toString('base64url')

/** A free loopback port (the OS picks one). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = http.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/** An HTTP request to the server as `user` (or anonymous); resolves to { status, body } and never hangs. */
export async function request(url, { method = 'GET', user, body, headers = {}, timeout = 10_000 } = {}) {
  const res = await fetch(url, {
    method,
    headers: { ...(user ? { Authorization: basic(user) } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeout),
  })
  const text = await res.text()
  let parsed
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = text
  }
  return { status: res.status, body: parsed }
}

async function expectOk(what, promise) {
  const res = await promise
  if (res.status >= 300) throw new Error(`${what}: HTTP ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}

/**
 * Starts PouchDB Server as a child process on a free loopback port, with `admin` as its only server admin
 * (no "admin party", not even for a moment). `dir`: databases on disk there; otherwise in memory.
 * `origins`: the CORS origins allowed with credentials, or '*' for any origin.
 * Returns { url, admin, stop() }; stop() kills it and waits for it to exit.
 */
export async function startPouchServer({ admin, dir, origins }) {
  const work = dir ? path.resolve(dir) : mkdtempSync(path.join(os.tmpdir(), 'ck-sync-'))
  mkdirSync(work, { recursive: true })
  const configPath = path.join(work, 'config.json')
  const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {}
  // PouchDB Server hashes plain-text admin passwords found in its config file when it starts.
  config.admins = { [admin.name]: admin.password }
  config.log = { ...config.log, file: path.join(work, 'log.txt') }
  config.httpd = { ...config.httpd, enable_cors: true }
  config.cors = { ...config.cors, credentials: true, origins: origins === '*' ? '*' : origins.join(', ') }
  writeFileSync(configPath, JSON.stringify(config, null, 2), { mode: 0o600 })

  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const args = ['--import', DIE_WITH_PARENT, POUCHDB_SERVER, '--host', '127.0.0.1', '--port', String(port), '--config', configPath, '--no-color']
  args.push(...(dir ? ['--dir', work] : ['--in-memory']))
  const child = spawn(process.execPath, args, { cwd: work, stdio: ['pipe', 'pipe', 'pipe'] })
  let log = ''
  const keep = (d) => (log = (log + d).slice(-4000))
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const killNow = () => child.kill('SIGKILL')
  process.once('exit', killNow)

  const stop = async () => {
    process.removeListener('exit', killNow)
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      const timer = setTimeout(killNow, 3000)
      await exited
      clearTimeout(timer)
    }
    if (!dir) rmSync(work, { recursive: true, force: true })
  }

  // Ready once the admin is known: the config file's password has been hashed and is accepted.
  const end = Date.now() + START_TIMEOUT
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`PouchDB Server exited during start-up:\n${log}`)
    }
    try {
      const { body } = await request(`${url}/_session`, { user: admin, timeout: 1000 })
      if (body?.userCtx?.roles?.includes('_admin')) break
    } catch {
      // not listening yet
    }
    if (Date.now() > end) {
      await stop()
      throw new Error(`PouchDB Server did not start within ${START_TIMEOUT / 1000} s:\n${log}`)
    }
    await sleep(100)
  }
  return { url, admin, stop }
}

/**
 * Creates (or updates) `dbName` with these member users and a security object that admits them only:
 * the users are (re)written in _users with these passwords; members already admitted stay admitted.
 */
export async function setupTeam(url, admin, dbName, members) {
  const db = `${url}/${encodeURIComponent(dbName)}`
  const created = await request(db, { method: 'PUT', user: admin })
  if (created.status !== 201 && created.status !== 412) throw new Error(`creating database ${dbName}: HTTP ${created.status} ${JSON.stringify(created.body)}`)
  for (const { name, password } of members) {
    const id = `${url}/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`
    const existing = await request(id, { user: admin })
    const doc = existing.status === 200 ? existing.body : { _id: `org.couchdb.user:${name}`, name, roles: [], type: 'user' }
    await expectOk(`creating user ${name}`, request(id, { method: 'PUT', user: admin, body: { ...doc, password } }))
  }
  const security = await expectOk(`reading ${dbName}/_security`, request(`${db}/_security`, { user: admin }))
  const names = [...new Set([...(security.members?.names ?? []), ...members.map((m) => m.name)])]
  await expectOk(
    `writing ${dbName}/_security`,
    request(`${db}/_security`, {
      method: 'PUT',
      user: admin,
      body: { admins: security.admins ?? { names: [], roles: [] }, members: { names, roles: security.members?.roles ?? [] } },
    }),
  )
}

const CHECK_HEADERS = ['authorization', 'cookie', 'origin']
const RELAY_HEADERS = ['content-type', 'access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers']

/**
 * The gate in front of PouchDB Server (see the top of this file). Listens on `port` (0: any free one) at
 * 127.0.0.1; returns { port, url, close(), open() }: close() drops every connection and stops listening
 * (the server seems gone), open() listens again on the same port.
 */
export async function startGate({ backend, port = 0 }) {
  const target = new URL(backend)
  const sockets = new Set()

  // Asks the server whether these credentials may do `path`: null if so, else the refusal to pass on.
  async function refusal(req, checkPath) {
    const headers = {}
    for (const h of CHECK_HEADERS) if (req.headers[h]) headers[h] = req.headers[h]
    const res = await fetch(`${backend}${checkPath}`, { headers, signal: AbortSignal.timeout(10_000) })
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status === 200) return null
    const relayed = {}
    for (const h of RELAY_HEADERS) if (res.headers.has(h)) relayed[h] = res.headers.get(h)
    return { status: res.status, headers: relayed, body }
  }

  function forward(req, res) {
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', () => {
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"bad_gateway","reason":"the database server is not answering"}')
      else res.destroy()
    })
    // A client that goes away (a long-poll cancelled, the gate closed) takes its upstream request along.
    res.on('close', () => upstream.destroy())
    req.pipe(upstream)
  }

  async function handle(req, res) {
    const pathname = (req.url ?? '/').split('?')[0]
    const [, first = '', ...rest] = pathname.split('/')
    const open = req.method === 'OPTIONS' || first === '' || first === '_session' || first === '_uuids' || first === 'favicon.ico'
    let check = null
    if (open) check = null
    else if (first.startsWith('_')) check = '/_config/httpd'
    // Creating or deleting a database is a server admin's business.
    else if ((req.method === 'PUT' || req.method === 'DELETE') && rest.join('') === '') check = '/_config/httpd'
    else check = `/${first}`
    const refused = check ? await refusal(req, check) : null
    if (refused) {
      req.resume()
      res.writeHead(refused.status, refused.headers).end(refused.body)
    } else forward(req, res)
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        res.writeHead(502, { 'content-type': 'application/json' }).end('{"error":"bad_gateway","reason":"the database server is not answering"}')
    })
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  const listen = (p) =>
    new Promise((resolve, reject) => {
      const fail = (error) => {
        server.removeListener('listening', ok)
        reject(error.code === 'EADDRINUSE' ? new Error(`Port ${p} is in use (another CouchDB or sync server?): choose another with --port.`) : error)
      }
      const ok = () => {
        server.removeListener('error', fail)
        resolve(server.address().port)
      }
      server.once('error', fail)
      server.once('listening', ok)
      server.listen(p, '127.0.0.1')
    })
  const actual = await listen(port)
  const close = () =>
    new Promise((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
  const open = async () => {
    if (!server.listening) await listen(actual)
  }
  return { port: actual, url: `http://127.0.0.1:${actual}`, close, open }
}

function savedCredentials(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return {}
  }
}

const USAGE = `Usage: npm run sync-server -- [--port 5984] [--dir <folder>] [--origin <url>]... [--db continuity] [--user team]
  --port    the port to listen on at 127.0.0.1 (default 5984)
  --dir     keep the databases in this folder (default: in memory, gone when the server stops)
  --origin  another web address the app is served from (default: ${DEFAULT_ORIGINS.join(' and ')})
  --db      the team database (default continuity)
  --user    the team member's user name (default team)
Environment: SYNC_ADMIN_USER, SYNC_ADMIN_PASSWORD, SYNC_TEAM_USER, SYNC_TEAM_PASSWORD.`

async function main() {
  let values
  try {
    ;({ values } = parseArgs({
      options: {
        port: { type: 'string', default: '5984' },
        dir: { type: 'string' },
        origin: { type: 'string', multiple: true, default: [] },
        db: { type: 'string', default: 'continuity' },
        user: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    console.error(`${error.message}\n\n${USAGE}`)
    process.exit(2)
  }
  if (values.help) return console.log(USAGE)
  const port = Number(values.port)
  const problems = []
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`--port must be a whole number from 1 to 65535, not "${values.port}".`)
  for (const origin of values.origin) {
    let parsed = null
    try {
      parsed = new URL(origin)
    } catch {
      // reported below
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/$/, ''))
      problems.push(`--origin must be a web origin such as https://continuity.example.com (scheme, host and port only), not "${origin}".`)
  }
  // CouchDB's rule: lowercase letter first, then lowercase letters, digits and _$()+-/
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(values.db))
    problems.push(`--db "${values.db}" is not a valid database name: a lowercase letter, then a-z, 0-9 or _$()+-/.`)
  if (problems.length) {
    console.error(problems.join('\n'))
    process.exit(2)
  }

  const dir = values.dir ? path.resolve(values.dir) : undefined
  const credentialsFile = dir ? path.join(dir, 'sync-server-credentials.json') : null
  const saved = credentialsFile ? savedCredentials(credentialsFile) : {}
  const env = process.env
  const admin = { name: env.SYNC_ADMIN_USER || saved.admin?.name || 'admin', password: env.SYNC_ADMIN_PASSWORD || saved.admin?.password || newPassword() }
  const memberName = values.user || env.SYNC_TEAM_USER || saved.member?.name || 'team'
  const member = {
    name: memberName,
    password: env.SYNC_TEAM_PASSWORD || (saved.member?.name === memberName ? saved.member.password : undefined) || newPassword(),
  }
  const origins = [...new Set([...DEFAULT_ORIGINS, ...values.origin.map((o) => o.replace(/\/$/, ''))])]

  const pouch = await startPouchServer({ admin, dir, origins })
  let gate
  try {
    await setupTeam(pouch.url, admin, values.db, [member])
    gate = await startGate({ backend: pouch.url, port })
  } catch (error) {
    await pouch.stop()
    console.error(error.message)
    process.exit(1)
  }
  if (credentialsFile) writeFileSync(credentialsFile, JSON.stringify({ admin, member }, null, 2), { mode: 0o600 })

  console.log(`Sync server (PouchDB Server) at ${gate.url}
${dir ? `Databases are kept in ${dir} (passwords in sync-server-credentials.json there).` : 'In memory: everything on this server is gone when it stops (use --dir <folder> to keep it).'}

In the app, Settings → Share with your team:
  Server address  ${gate.url}
  Database        ${values.db}
  User            ${member.name}
  Password        ${member.password}
  Team passphrase: your team's own, the same on every device; this server never sees it.

Server admin (curl, ${gate.url}/_utils): ${admin.name} / ${admin.password}
The app may call it from: ${origins.join(', ')}
Ctrl-C stops it.`)

  let stopping = false
  const shutdown = async () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    await gate.close()
    await pouch.stop()
    process.exit(0)
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main().catch((error) => {
    console.error(error.message)
    process.exit(1)
  })
}
