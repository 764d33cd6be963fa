// The sync server the team-sharing tests run against (tests/e2e/sync-server.mjs), and `npm run
// sync-server`: a member reaches the team database from the app's origin in a real browser,
// everyone else is refused, and a server that goes down comes back with its documents.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { freePort } from '../../scripts/sync-server.mjs'
import { launch, ROOT, shutdown, startPreview } from './browser.mjs'
import { startSyncServer } from './sync-server.mjs'

const ann = { name: 'ann', password: 'ann-secret' }
const bob = { name: 'bob', password: 'bob-secret' }
let preview
let browser
let sync

before(async () => {
  ;[preview, sync] = await Promise.all([startPreview(), startSyncServer()])
  browser = await launch()
  await sync.createTeam('team-a', [ann])
  await sync.createTeam('team-b', [bob])
})
after(async () => {
  try {
    await shutdown({ browser, server: preview })
  } finally {
    await sync?.stop()
  }
})

/**
 * A fetch from a page of the app's origin, as PouchDB makes it (credentials included, JSON, Basic
 * authorization); resolves to { status, body } or { failed: message } when the request never got an answer.
 */
function fetchFromPage(page, url, { method = 'GET', user, body } = {}) {
  return page.evaluate(
    async ({ url, method, user, body }) => {
      const headers = { Accept: 'application/json' }
      if (user) headers.Authorization = `Basic ${btoa(`${user.name}:${user.password}`)}`
      if (body !== undefined) headers['Content-Type'] = 'application/json'
      try {
        const res = await fetch(url, { method, headers, credentials: 'include', body: body === undefined ? undefined : JSON.stringify(body) })
        return { status: res.status, body: await res.json() }
      } catch (error) {
        return { failed: String(error) }
      }
    },
    { url, method, user, body },
  )
}

async function appPage() {
  // The app's own policy allows connections to its origin only; what is under test here is the server's side.
  const context = await browser.newContext({ bypassCSP: true })
  const page = await context.newPage()
  await page.goto(preview.url, { waitUntil: 'load' })
  return { context, page }
}

test('a member reaches the team database from the app origin; wrong passwords, other users and anonymous requests are refused', async () => {
  const { context, page } = await appPage()
  try {
    const db = `${sync.url}/team-a`
    // A JSON PUT with an Authorization header is preflighted: its success means the preflight passed.
    const put = await fetchFromPage(page, `${db}/plan-1`, { method: 'PUT', user: ann, body: { title: 'Payroll' } })
    assert.equal(put.status, 201, JSON.stringify(put))
    const read = await fetchFromPage(page, `${db}/plan-1`, { user: ann })
    assert.equal(read.status, 200, JSON.stringify(read))
    assert.equal(read.body.title, 'Payroll')

    // Refusals carry CORS headers too, so the app can tell a wrong password from an unreachable server.
    const wrong = await fetchFromPage(page, `${db}/plan-1`, { user: { ...ann, password: 'nope' } })
    assert.equal(wrong.status, 401, JSON.stringify(wrong))
    for (const who of [bob, undefined]) {
      for (const [method, suffix, body] of [
        ['GET', '/plan-1', undefined],
        ['GET', '/_all_docs?include_docs=true', undefined],
        ['POST', '/_bulk_get', { docs: [{ id: 'plan-1' }] }],
        ['POST', '/_find', { selector: {} }],
        ['POST', '/_bulk_docs', { docs: [{ _id: 'intruder' }] }],
      ]) {
        const res = await fetchFromPage(page, `${db}${suffix}`, { method, user: who, body })
        assert.ok([401, 403].includes(res.status), `${who?.name ?? 'anonymous'} ${method} ${suffix}: ${JSON.stringify(res)}`)
      }
    }
    assert.deepEqual(
      (await sync.allDocs('team-a')).map((d) => [d._id, d.title]),
      [['plan-1', 'Payroll']],
    )
  } finally {
    await context.close()
  }
})

test('the CORS preflight admits the app origin with credentials and the headers PouchDB sends', async () => {
  const origin = preview.url
  const res = await fetch(`${sync.url}/team-a/_bulk_docs`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type,accept' },
  })
  assert.ok(res.status < 300, `preflight: HTTP ${res.status}`)
  assert.equal(res.headers.get('access-control-allow-origin'), origin)
  assert.equal(res.headers.get('access-control-allow-credentials'), 'true')
  assert.match(res.headers.get('access-control-allow-methods'), /POST/)
  assert.match(res.headers.get('access-control-allow-headers').toLowerCase(), /authorization/)
})

test('a server that goes down refuses connections, and comes back with the documents it held', async () => {
  const { context, page } = await appPage()
  try {
    const doc = `${sync.url}/team-a/before-outage`
    assert.equal((await fetchFromPage(page, doc, { method: 'PUT', user: ann, body: { note: 'written before' } })).status, 201)
    // Long-polls open when the server goes down (the replicator's live feed) are cut off, not left hanging.
    const feed = `${sync.url}/team-a/_changes?feed=longpoll&since=now&timeout=60000`
    const polling = fetchFromPage(page, feed, { user: ann })
    const pollingFromNode = fetch(feed, { headers: { Authorization: `Basic ${btoa('ann:ann-secret')}` }, signal: AbortSignal.timeout(10_000) })
      .then(async (res) => `answered ${res.status}: ${await res.text()}`)
      .catch((error) => error.name)
    await new Promise((r) => setTimeout(r, 500))
    const down = sync.goDown()
    assert.equal(await pollingFromNode, 'TypeError', 'the open long-poll was cut off at once')
    assert.ok((await polling).failed, 'the open long-poll was not cut off')
    await down
    const during = await fetchFromPage(page, doc, { user: ann })
    assert.ok(during.failed, `a request while down was answered: ${JSON.stringify(during)}`)
    assert.equal((await sync.allDocs('team-a')).filter((d) => d._id === 'before-outage').length, 1, 'allDocs reads while down')

    await sync.comeBack()
    const after = await fetchFromPage(page, doc, { user: ann })
    assert.equal(after.status, 200, JSON.stringify(after))
    assert.equal(after.body.note, 'written before')
  } finally {
    await context.close()
  }
})

test('allDocs shows deleted and conflicting revisions, bodies included', async () => {
  const db = `${sync.url}/team-b`
  const auth = { Authorization: `Basic ${Buffer.from(`${bob.name}:${bob.password}`).toString('base64')}`, 'Content-Type': 'application/json' }
  const put = async (id, body) => (await fetch(`${db}/${id}`, { method: 'PUT', headers: auth, body: JSON.stringify(body) })).json()
  const first = await put('gone', { secret: 'kept in the tombstone' })
  await put('gone', { _rev: first.rev, _deleted: true, secret: 'kept in the tombstone' })
  // Two revisions made apart, as replication brings them: the losing one is still held.
  const bulk = await fetch(`${db}/_bulk_docs`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({
      new_edits: false,
      docs: [
        { _id: 'twice', _rev: '1-aaa', value: 'one side' },
        { _id: 'twice', _rev: '1-bbb', value: 'other side' },
      ],
    }),
  })
  assert.equal(bulk.status, 201)
  const docs = await sync.allDocs('team-b')
  assert.deepEqual(
    docs.filter((d) => d._id === 'gone').map((d) => [d._deleted, d.secret]),
    [[true, 'kept in the tombstone']],
  )
  assert.deepEqual(
    docs
      .filter((d) => d._id === 'twice')
      .map((d) => d.value)
      .sort(),
    ['one side', 'other side'],
  )
})

test('npm run sync-server prints what to type into the app, admits that member only, and stops on Ctrl-C', async () => {
  const port = await freePort()
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/sync-server.mjs'), '--port', String(port), '--db', 'ops', '--user', 'carol'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, SYNC_TEAM_PASSWORD: 'carol-secret', SYNC_ADMIN_USER: '', SYNC_ADMIN_PASSWORD: '', SYNC_TEAM_USER: '' },
  })
  const killOnExit = () => child.kill('SIGKILL')
  process.once('exit', killOnExit)
  let out = ''
  child.stdout.on('data', (d) => (out += d))
  child.stderr.on('data', (d) => (out += d))
  const exited = new Promise((r) => child.once('exit', (code, signal) => r({ code, signal })))
  try {
    const end = Date.now() + 30_000
    while (!out.includes('Ctrl-C') && child.exitCode === null && Date.now() < end) await new Promise((r) => setTimeout(r, 100))
    assert.match(out, /Ctrl-C/, out)
    const value = (label) => out.match(new RegExp(`^\\s+${label}\\s+(\\S+)$`, 'm'))?.[1]
    assert.deepEqual(
      [value('Server address'), value('Database'), value('User'), value('Password')],
      [`http://127.0.0.1:${port}`, 'ops', 'carol', 'carol-secret'],
    )
    const adminPassword = out.match(/Server admin .*: admin \/ (\S+)/)?.[1]
    assert.ok(adminPassword && adminPassword.length >= 12, `a generated admin password is printed: ${out}`)

    const db = `http://127.0.0.1:${port}/ops`
    const as = (name, password) => ({ Authorization: `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}` })
    assert.equal((await fetch(db, { headers: as('carol', 'carol-secret') })).status, 200)
    assert.equal((await fetch(db, { headers: as('carol', 'wrong') })).status, 401)
    assert.equal((await fetch(db)).status, 401)
    assert.equal((await fetch(`http://127.0.0.1:${port}/_all_dbs`, { headers: as('admin', adminPassword) })).status, 200)
    // Only the app's origins are admitted: a page elsewhere gets no CORS grant.
    const fromApp = await fetch(db, { headers: { ...as('carol', 'carol-secret'), Origin: 'http://localhost:4173' } })
    assert.equal(fromApp.headers.get('access-control-allow-origin'), 'http://localhost:4173')
    const fromElsewhere = await fetch(db, { headers: { ...as('carol', 'carol-secret'), Origin: 'http://evil.example' } })
    assert.equal(fromElsewhere.headers.get('access-control-allow-origin'), null)

    // The PouchDB Server it started goes with it.
    const servers = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8').trim().split(/\s+/).map(Number)
    assert.equal(servers.length, 1)
    child.kill('SIGINT')
    assert.deepEqual(await exited, { code: 0, signal: null })
    await new Promise((r) => setTimeout(r, 200))
    assert.throws(() => process.kill(servers[0], 0), { code: 'ESRCH' }, 'PouchDB Server is still running')
    await assert.rejects(fetch(db, { signal: AbortSignal.timeout(2000) }), 'the port is closed after Ctrl-C')
  } finally {
    process.removeListener('exit', killOnExit)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  }
})
