// Browser test support for team sharing: a CouchDB-compatible server of the tests' own (PouchDB Server in
// memory, behind the gate of scripts/sync-server.mjs) on a free loopback port. CORS admits any origin
// with credentials, so every `vite preview` port of the tests may call it.
//
//   const sync = await startSyncServer()
//   await sync.createTeam('team-a', [{ name: 'ann', password: 'pw-ann' }])
//   … point the app at sync.url …
//   await sync.goDown()    // connections dropped, the port refuses: the server seems gone
//   await sync.comeBack()  // the same port answers again, with everything it held
//   await sync.allDocs('team-a')
//   await sync.stop()      // in after(); also done when the test process exits
import { request, setupTeam, startGate, startPouchServer } from '../../scripts/sync-server.mjs'

/**
 * Starts a server and returns
 *   url                      http://127.0.0.1:<port>, what the app is given as the server address
 *   admin                    { name, password } of its server admin
 *   createTeam(db, members)  creates database `db`, the users [{ name, password }] and a _security
 *                            object admitting these members only
 *   allDocs(db)              every document the server holds in `db`, bodies included: each leaf revision
 *                            (conflicting and deleted ones too), read over HTTP as admin; works while down
 *   goDown() / comeBack()    the server becomes unreachable / reachable again, its data kept
 *   stop()                   stops it for good (idempotent)
 */
export async function startSyncServer() {
  const admin = { name: 'admin', password: 'admin-password' }
  const pouch = await startPouchServer({ admin, origins: '*' })
  let gate
  try {
    gate = await startGate({ backend: pouch.url })
  } catch (error) {
    await pouch.stop()
    throw error
  }
  let stopped = false
  return {
    url: gate.url,
    admin,
    createTeam: (db, members) => setupTeam(pouch.url, admin, db, members),
    async allDocs(db) {
      const base = `${pouch.url}/${encodeURIComponent(db)}`
      const changes = await request(`${base}/_changes?style=all_docs`, { user: admin })
      if (changes.status !== 200) throw new Error(`reading ${db}: HTTP ${changes.status} ${JSON.stringify(changes.body)}`)
      const docs = changes.body.results.flatMap((r) => r.changes.map(({ rev }) => ({ id: r.id, rev })))
      if (docs.length === 0) return []
      const got = await request(`${base}/_bulk_get?revs=false`, { method: 'POST', user: admin, body: { docs } })
      if (got.status !== 200) throw new Error(`reading ${db}: HTTP ${got.status} ${JSON.stringify(got.body)}`)
      return got.body.results.flatMap((r) => r.docs.map((d) => d.ok).filter(Boolean))
    },
    goDown: () => gate.close(),
    comeBack: () => gate.open(),
    async stop() {
      if (stopped) return
      stopped = true
      await gate.close()
      await pouch.stop()
    },
  }
}
