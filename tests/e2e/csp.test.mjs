// The Content-Security-Policy locks the door, and the whole app runs under it: every screen, a
// running drill with its players' view, exports and print, with zero violations reported.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, launch, shutdown, startPreview } from './browser.mjs'

let server
let browser
const T = { timeout: 180_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)
after(() => shutdown({ browser, server }), T)

/** A page that records every CSP violation and every console message that mentions one. */
async function watchedPage(context) {
  await context.addInitScript(() => {
    window.__violations = []
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`))
  })
  const page = await context.newPage()
  const console_ = []
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) console_.push(m.text()) })
  page.on('popup', (p) => p.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) console_.push(`popup: ${m.text()}`) }))
  const violations = async () => [...console_, ...(await page.evaluate(() => window.__violations))]
  return { page, violations }
}

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

test('every screen runs under the policy with no violation', T, async () => {
  const context = await browser.newContext({ acceptDownloads: true })
  const { page, violations } = await watchedPage(context)
  const seen = []
  const visit = async (name) => {
    await page.waitForLoadState('networkidle')
    for (const v of await violations()) seen.push(`${name}: ${v}`)
  }
  try {
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'No plans yet' }).waitFor()
    await visit('home')
    await createPlan(page, 'Business continuity plan', 'Continuity')
    await page.getByRole('button', { name: 'Take customer orders', exact: true }).click()
    await visit('plan page')
    await page.emulateMedia({ media: 'print' })
    await page.pdf({ format: 'A4' })
    await page.emulateMedia({ media: 'screen' })
    await visit('plan printed')
    await page.goto(server.url)
    await createPlan(page, 'Supplier dependency review', 'Suppliers')
    for (const [name, path] of [['home with dashboard', '/'], ['dependencies', '/dependencies'], ['supplier register', '/suppliers'], ['drills', '/drills'], ['grab pack', '/grab-pack'], ['trash', '/trash'], ['settings', '/settings']]) {
      await page.goto(`${server.url}${path}`)
      await visit(name)
    }
    await page.goto(`${server.url}/settings`)
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Export all/ }).first().click()])
    assert.match(download.suggestedFilename(), /\.json$/)
    await visit('export all')
    await page.goto(`${server.url}/drills`)
    await page.getByRole('button', { name: /^Start drill: Cloud provider down/ }).click()
    const dialog = page.getByRole('dialog', { name: 'Start drill' })
    await dialog.getByLabel('Facilitator').fill('Sam')
    await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
    await page.waitForURL(/\/drills\/[^/]+$/)
    const log = page.getByRole('textbox', { name: /^Log entry/ })
    await log.fill('Declared severity 2')
    await log.press('Enter')
    await page.getByTestId('log-entry').first().waitFor()
    await visit('running drill')
    await page.goto(`${page.url()}/players`)
    await page.getByTestId('players-view').waitFor()
    await visit("players' view")
    assert.deepEqual(seen, [])
  } finally {
    await context.close()
  }
})
