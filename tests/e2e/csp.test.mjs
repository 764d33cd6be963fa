// The Content-Security-Policy locks the door, and the whole app runs under it: every screen, a
// running drill with its players' view, exports and print, with zero violations reported and no
// request leaving the app's origin.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { launch, shutdown, startPreview } from './browser.mjs'
import { tour, watchContext } from './tour.mjs'

let server
let browser
const T = { timeout: 180_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)
after(() => shutdown({ browser, server }), T)

test('the policy is sent as a header and set in the page', T, async () => {
  const response = await fetch(server.url)
  const header = response.headers.get('content-security-policy')
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) {
    assert.ok(header.includes(directive), `the header lacks ${directive}`)
  }
  assert.doesNotMatch(header, /unsafe-(eval|inline)/)
  const html = await response.text()
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39;; script-src &#39;self&#39;/)
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'the page carries an inline script')
})

test('every screen runs under the policy with no violation, and nothing leaves the origin', T, async () => {
  const context = await browser.newContext({ acceptDownloads: true })
  const seen = await watchContext(context, server.url)
  try {
    await tour(await context.newPage(), server.url)
    const { violations, messages, offOrigin, requests } = seen()
    assert.ok(requests > 20, `only ${requests} requests were seen`)
    assert.deepEqual(violations, [])
    assert.deepEqual(messages, [])
    assert.deepEqual(offOrigin, [])
  } finally {
    await context.close()
  }
})
