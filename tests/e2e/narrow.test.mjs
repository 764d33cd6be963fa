// A phone-sized screen (360 px wide), with plans full of long text, a drill and its report: no page
// of the app is wider than the screen, and a box that scrolls sideways says so.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, eventually, launch, navLink, openItem, shutdown, startPreview } from './browser.mjs'
import { seedOutputs } from './outputs-data.mjs'

let server
let browser
const T = { timeout: 240_000 }
const WIDTH = 360
const SCENARIO = 'Cloud provider down: an attack its own defences made worse'

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

/** How the page fails the phone: wider than the screen, or a box scrolling sideways with no hint. */
function sidewaysProblems(page) {
  return page.evaluate((width) => {
    const out = []
    const doc = document.documentElement
    if (doc.scrollWidth > width) {
      // Name the widest culprits: elements reaching past the right edge.
      const past = [...document.querySelectorAll('main *, header *')]
        .filter((e) => e.getBoundingClientRect().right > width + 1 && e.checkVisibility())
        .slice(0, 3)
        .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)}px)`)
      out.push(`page is ${doc.scrollWidth}px wide: ${past.join(', ')}`)
    }
    for (const e of document.querySelectorAll('main *')) {
      if (!e.checkVisibility() || e.scrollWidth <= e.clientWidth + 1) continue
      const style = getComputedStyle(e)
      if (!['auto', 'scroll'].includes(style.overflowX)) continue
      // The hint is the box's ::before, shown on narrow screens: it must be there and say something.
      const hinted = e.closest('[data-scroll-hint]')
      const hint = hinted ? getComputedStyle(hinted, '::before') : null
      if (!hint || hint.display === 'none' || !/scroll/i.test(hint.content))
        out.push(`${e.tagName.toLowerCase()}.${[...e.classList].join('.')} scrolls sideways without saying so`)
    }
    return out
  }, WIDTH)
}

test(`at ${WIDTH} px no page scrolls sideways`, T, async () => {
  const context = await browser.newContext({ viewport: { width: WIDTH, height: 740 }, deviceScaleFactor: 1 })
  const page = await context.newPage()
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  try {
    await page.goto(server.url, { waitUntil: 'load' })
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    const { plans, items } = await seedOutputs(page)

    // A drill with a long finding, so the drill screen and its report have content.
    await navLink(page, 'Drills').click()
    await page.getByRole('button', { name: `Start drill: ${SCENARIO}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Start drill' })
    await dialog.getByLabel('Facilitator').fill('Alexandra Konstantinidou')
    await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
    await page.waitForURL(/\/drills\/[^/]+$/)
    const drillId = new URL(page.url()).pathname.split('/').pop()
    const log = page.getByRole('textbox', { name: /^Log entry/ })
    await log.fill(
      'g: Nobody knew the provider status page https://status.example-cloud-provider.com/incidents/2026/regional-outage-eu-west-2-storage-and-compute',
    )
    await log.press('Enter')
    await eventually(async () => assert.equal(await page.getByTestId('log-entry').count(), 1))
    await navLink(page, 'Drills').click()
    const scenarioHref = await page.locator('a[href^="/drills/scenarios/"]').first().getAttribute('href')

    const routes = [
      ['/', 'Plans'],
      ...Object.values(plans).map((id) => [`/plans/${id}`, null]),
      ['/drills', 'Drills'],
      [scenarioHref, null],
      [`/drills/${drillId}`, null],
      [`/drills/${drillId}/report`, null],
      [`/drills/${drillId}/players`, null],
      ['/dependencies', null],
      ['/suppliers', null],
      ['/grab-pack', 'Grab pack'],
      ['/grab-pack/cards/scenario-cloud-ddos', 'If this happens: Cloud provider down'],
      ['/grab-pack/cards/scenario-security-update', 'If this happens: Laptops stopped by an update'],
      ['/grab-pack/cards/scenario-saas-outage', 'If this happens: Online service down'],
      ['/grab-pack/cards/scenario-ransomware', 'If this happens: Ransomware'],
      ['/settings', 'Settings'],
      ['/trash', null],
    ]
    const problems = []
    for (const [route, heading] of routes) {
      await page.goto(`${server.url}${route}`, { waitUntil: 'load' })
      if (heading) await page.getByRole('heading', { name: heading, exact: true }).waitFor()
      else await page.locator('main h1, h1').first().waitFor()
      await page.waitForLoadState('networkidle')
      for (const p of await sidewaysProblems(page)) problems.push(`${route}: ${p}`)
    }
    // On the grab pack every phone number is a tel: link a thumb can reach, inside the screen.
    await page.goto(`${server.url}/grab-pack`, { waitUntil: 'load' })
    await page.getByRole('heading', { name: 'Call list' }).waitFor()
    const phones = await page
      .locator('[data-testid=call-card] a[href^="tel:"]')
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute('href'), right: a.getBoundingClientRect().right })))
    assert.ok(phones.length > 0, 'no phone number on the call list is a tel: link')
    assert.deepEqual(
      phones.filter((p) => p.right > WIDTH || !/^tel:\+?\d{3,}$/.test(p.href)),
      [],
      'a phone link reaches past the screen or dials nothing',
    )
    // A plan's title reads whole in its field, not cut ("Business continuity plar").
    await navLink(page, 'Plans').click()
    await createPlan(page, 'Business continuity plan')
    const title = page.getByLabel('Plan title')
    assert.equal(await title.inputValue(), 'Business continuity plan')
    const fits = await title.evaluate((e) => e.scrollWidth <= e.clientWidth)
    assert.ok(fits, 'the plan title is cut at the edge of its field')

    // An item opened on the plan page: its fields, links and notes.
    await page.goto(`${server.url}/plans/${plans.continuity}`, { waitUntil: 'load' })
    const fn = items.find((i) => i.planId === plans.continuity && Array.isArray(i.values.suppliers))
    await openItem(page, fn.text)
    for (const p of await sidewaysProblems(page)) problems.push(`open item: ${p}`)
    // The export menu opens within the screen, every entry readable.
    await page.getByText('Other formats', { exact: true }).click()
    const menu = await page.locator('.menu[open] .menu-body').boundingBox()
    assert.ok(menu && menu.x >= 0 && menu.x + menu.width <= WIDTH, `the export menu reaches past the screen: ${JSON.stringify(menu)}`)

    assert.deepEqual(problems, [])
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})
