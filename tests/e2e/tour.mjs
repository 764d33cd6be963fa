// A walk through every screen as a user would make it: plans from two templates, an opened item,
// print, every page of the menu, Export all, a drill started and logged, its players' view.
// `watchContext` records, for a browser context, every Content-Security-Policy violation and
// every request that leaves the app's origin; the CSP test and the reliability bench use both.
import assert from 'node:assert/strict'
import { createPlan } from './browser.mjs'

/** Starts recording on `context`; returns a function that reads what was seen so far. */
export async function watchContext(context, appUrl) {
  const origin = new URL(appUrl).origin
  const violations = []
  const messages = []
  const offOrigin = []
  let requests = 0
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.warn(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`))
  })
  const watchPage = (page) => {
    page.on('console', (m) => {
      // The page's own report of each violation, and the browser's wording of it (kept apart: the
      // browser says it twice or more).
      if (m.text().startsWith('CSP violation: ')) violations.push(m.text().slice(15))
      else if (/Content.Security.Policy|Refused to/i.test(m.text())) messages.push(m.text())
    })
  }
  context.on('page', watchPage)
  for (const page of context.pages()) watchPage(page)
  context.on('request', (req) => {
    const url = req.url()
    if (url.startsWith('data:') || url.startsWith('blob:')) return
    requests++
    if (new URL(url).origin !== origin) offOrigin.push(url)
  })
  return () => ({ violations: [...violations], messages: [...messages], offOrigin: [...offOrigin], requests })
}

/** Visits every screen of the app at `url` in `page`, doing on each what a user would. */
export async function tour(page, url) {
  const settle = () => page.waitForLoadState('networkidle')
  await page.goto(url)
  await page.getByRole('heading', { name: 'No plans yet' }).waitFor()
  await createPlan(page, 'Business continuity plan', 'Continuity')
  await page.getByRole('button', { name: 'Take customer orders', exact: true }).click()
  await settle()
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ format: 'A4' })
  await page.emulateMedia({ media: 'screen' })
  await page.goto(url)
  await createPlan(page, 'Supplier dependency review', 'Suppliers')
  for (const path of ['/', '/dependencies', '/suppliers', '/drills', '/grab-pack', '/trash', '/settings']) {
    await page.goto(`${url}${path}`)
    await settle()
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('button', { name: /^Export all/ })
      .first()
      .click(),
  ])
  assert.match(download.suggestedFilename(), /\.json$/)
  await page.goto(`${url}/drills`)
  await page.getByRole('button', { name: /^Start drill: Cloud provider down/ }).click()
  const dialog = page.getByRole('dialog', { name: 'Start drill' })
  await dialog.getByLabel('Facilitator').fill('Sam')
  await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
  await page.waitForURL(/\/drills\/[^/]+$/)
  const log = page.getByRole('textbox', { name: /^Log entry/ })
  await log.fill('Declared severity 2')
  await log.press('Enter')
  await page.getByTestId('log-entry').first().waitFor()
  await settle()
  await page.goto(`${page.url()}/players`)
  await page.getByTestId('players-view').waitFor()
  await settle()
}
