// Fourth parties in a real browser: recorded through the UI, a web host and an office suite that both
// run on Microsoft Azure show as one concentration on the Dependencies page, a layer of its own in the
// diagram and a warning on the dashboard; a notice period puts its deadline on the dashboard and in
// the .ics export. One function is linked from its own row, the other from the supplier's row.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import ICAL from 'ical.js'
import { AxeBuilder } from '@axe-core/playwright'
import { createPlan, eventually, launch, navLink, openApp, openItem, shutdown, startPreview, waitForStoredItem } from './browser.mjs'

let server
let browser
const T = { timeout: 150_000 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)
after(() => shutdown({ browser, server }), T)

/** YYYY-MM-DD `days` from today, in the browser's local calendar as the app counts it. */
/** Axe violations (WCAG 2.2 A/AA) on the page as it is, as "rule: elements" lines. */
async function axe(page) {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze()
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

const inDays = (page, days) =>
  page.evaluate((n) => {
    const d = new Date()
    d.setDate(d.getDate() + n)
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
  }, days)

test('web host and office suite both on Microsoft Azure: flagged, drawn, warned and in the calendar', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    await createPlan(page, 'Supplier dependency review', 'Our suppliers')
    const suppliersUrl = page.url()
    await page.goto(server.url)
    await createPlan(page, 'Business continuity', 'Our continuity plan')

    // From the function's side: orders need the web host.
    const orders = await openItem(page, 'Take customer orders')
    await orders
      .getByRole('group', { name: 'Suppliers it needs' })
      .getByRole('checkbox', { name: /Cloud hosting provider/ })
      .click()
    await waitForStoredItem(page, 'Take customer orders', (i) => assert.equal(i.values.suppliers?.length, 1))

    // On the supplier register: what each runs on, and the office suite's contract.
    await page.goto(suppliersUrl)
    const host = await openItem(page, 'Cloud hosting provider')
    await host.getByLabel('Runs on (other provider)', { exact: true }).fill('Microsoft Azure')
    await host.getByLabel('Region', { exact: true }).fill('West Europe')
    await waitForStoredItem(page, 'Cloud hosting provider', (i) => assert.equal(i.values.region, 'West Europe'))

    const contractEnd = await inDays(page, 120)
    const deadline = await inDays(page, 30)
    const suite = await openItem(page, 'Email and office suite')
    await suite.getByLabel('Runs on (other provider)', { exact: true }).fill('microsoft  azure')
    await suite.getByLabel('Support line', { exact: true }).fill('+44 20 7946 0958, 24/7')
    await suite.getByLabel('Status page', { exact: true }).fill('https://status.example.com/suite')
    await suite.getByLabel('Contract end', { exact: true }).fill(contractEnd)
    await suite.getByLabel('Notice period', { exact: true }).fill('90d')
    // From the supplier's side: support relies on the suite, written on the function's own field.
    await suite
      .getByTestId('relying-functions')
      .getByRole('checkbox', { name: /Answer customer support/ })
      .click()
    await waitForStoredItem(page, 'Answer customer support', (i) => assert.equal(i.values.suppliers?.length, 1))
    await eventually(async () => assert.equal(await suite.getByTestId('relying-functions').getByRole('checkbox', { checked: true }).count(), 1))
    assert.deepEqual(await axe(page), [])
    await waitForStoredItem(page, 'Email and office suite', (i) => {
      assert.equal(i.values.noticePeriod, 90 * 24 * 60)
      assert.equal(i.values.contractEnd, contractEnd)
      assert.equal(i.values.platform, 'microsoft  azure')
    })

    // Dependencies: one provider behind both, named once whatever the spelling.
    await page.goto(`${server.url}/dependencies`)
    const flag = page.getByTestId('flag-provider')
    await flag.waitFor()
    assert.match(
      await flag.innerText(),
      /^2 critical functions depend on Microsoft Azure — directly through Cloud hosting provider and Email and office suite\. \(Take customer orders, Answer customer support; West Europe\)/,
    )
    const diagram = page.getByRole('img', { name: /Diagram of \d+ suppliers/ })
    assert.match(await diagram.getAttribute('aria-label'), /Concentration on a provider: Microsoft Azure/)
    const layer = diagram.getByTestId('dep-provider-layer')
    assert.equal(await layer.getByTestId('dep-provider').count(), 1)
    assert.match(await layer.getByTestId('dep-provider').textContent(), /Microsoft Azure.*⚠ 2/)
    // One line from the provider to each supplier on it.
    const curves = await layer.locator('path.dep-chain').evaluateAll((paths) => paths.reduce((n, p) => n + (p.getAttribute('d').match(/M/g) ?? []).length, 0))
    assert.equal(curves, 2)
    // The provider column sits left of the suppliers.
    const [providerBox, supplierHead] = await Promise.all([
      layer.getByTestId('dep-provider').boundingBox(),
      diagram.getByText('Suppliers', { exact: true }).boundingBox(),
    ])
    assert.ok(providerBox && supplierHead && providerBox.x + providerBox.width <= supplierHead.x + 1, 'the providers are not a layer of their own')
    const row = page.getByRole('table', { name: 'Providers your suppliers run on' }).getByTestId('provider-row')
    assert.match(await row.innerText(), /Microsoft Azure[\s\S]*West Europe[\s\S]*Cloud hosting provider → Microsoft Azure[\s\S]*Concentration \(2 critical\)/)
    assert.deepEqual(await axe(page), [])

    // Suppliers page: the day's links and the notice deadline.
    await page.goto(`${server.url}/suppliers`)
    const suiteRow = page.getByTestId('supplier-register-row').filter({ hasText: 'Email and office suite' })
    assert.equal(await suiteRow.getByRole('link', { name: '+44 20 7946 0958, 24/7' }).getAttribute('href'), 'tel:+442079460958')
    assert.equal(await suiteRow.getByRole('link', { name: 'Status page' }).getAttribute('href'), 'https://status.example.com/suite')
    assert.match(await suiteRow.getByTestId('notice-deadline').innerText(), /Give notice by .* \(90d notice, within 60 days\)/)
    assert.deepEqual(await axe(page), [])

    // Dashboard: both warnings.
    await navLink(page, 'Plans').click()
    const warnings = page.getByTestId('rd-supplier-warnings')
    await warnings.waitFor()
    assert.match(await warnings.getByTestId('rd-provider-concentration').innerText(), /2 critical functions depend on Microsoft Azure/)
    assert.match(await warnings.getByTestId('rd-notice-deadlines').innerText(), /Email and office suite — give notice by/)
    assert.deepEqual(await axe(page), [])

    // Calendar: the notice deadline is an all-day event on its date.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export calendar (.ics)' }).click()])
    const ics = readFileSync(await download.path(), 'utf8')
    const events = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    const notice = events.find((e) => e.summary === 'Notice deadline: Email and office suite')
    assert.ok(notice, `no notice deadline among ${events.map((e) => e.summary).join(' | ')}`)
    assert.equal(notice.startDate.toString(), deadline)
    assert.equal(notice.startDate.isDate, true)
    assert.match(notice.description, new RegExp(`contract ends on ${contractEnd} with 90 days notice`))
    await eventually(async () => assert.deepEqual(errors, []))
  } finally {
    await context.close()
  }
})
