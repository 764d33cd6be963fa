// Accessibility: an axe scan (WCAG 2.2 A/AA and best practice) of every screen, with real content,
// in light and dark colour schemes. Any violation fails, listed with the rule and the elements.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { AxeBuilder } from '@axe-core/playwright'
import { createPlan, launch, shutdown, startPreview } from './browser.mjs'

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
let server
let browser

before(async () => {
  server = await startPreview()
  browser = await launch()
})
after(() => shutdown({ browser, server }))

function describe(violations) {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join('\n  ')}`,
    )
    .join('\n')
}

for (const colorScheme of ['light', 'dark']) {
  test(`every screen passes an axe scan (${colorScheme})`, { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ colorScheme })
    const page = await context.newPage()
    try {
      await page.goto(server.url)
      await page.getByRole('heading', { name: 'No plans yet' }).waitFor()
      const screens = [['home, empty', '/']]
      const checks = []
      const scan = async (name) => {
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze()
        checks.push([name, violations])
      }
      await scan(screens[0][0])
      await createPlan(page, 'Business continuity plan', 'Continuity')
      const planUrl = page.url()
      // An opened item shows its typed-field inputs too.
      await page.getByRole('button', { name: 'Take customer orders', exact: true }).click()
      await scan('plan page')
      await page.goto(server.url)
      await createPlan(page, 'Supplier dependency review', 'Suppliers')
      for (const [name, path, ready] of [
        ['home with dashboard', '/', 'Readiness'],
        ['dependencies', '/dependencies', 'Dependencies'],
        ['supplier register', '/suppliers', null],
        ['drills', '/drills', 'Drills'],
        ['grab pack', '/grab-pack', 'Grab pack'],
        ['trash', '/trash', 'Trash'],
        ['settings', '/settings', 'Settings'],
      ]) {
        await page.goto(`${server.url}${path}`)
        if (ready) await page.getByRole('heading', { name: ready, exact: true }).first().waitFor()
        await page.waitForLoadState('networkidle')
        await scan(name)
      }
      // A running drill, with a log entry, then its players' view.
      await page.goto(`${server.url}/drills`)
      await page.getByRole('button', { name: /^Start drill: Cloud provider down/ }).click()
      const dialog = page.getByRole('dialog', { name: 'Start drill' })
      await scan('start drill dialog')
      await dialog.getByLabel('Facilitator').fill('Sam')
      await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
      await page.waitForURL(/\/drills\/[^/]+$/)
      const log = page.getByRole('textbox', { name: /^Log entry/ })
      await log.fill('Declared severity 2')
      await log.press('Enter')
      await page.getByTestId('log-entry').first().waitFor()
      await scan('running drill')
      await page.goto(`${page.url()}/players`)
      await page.getByTestId('players-view').waitFor()
      await scan("players' view")
      await page.goto(planUrl)
      await page.getByLabel('Plan title').waitFor()
      await page.getByRole('button', { name: 'Delete', exact: true }).click()
      await scan('plan page with the delete dialog open')
      const failures = checks.filter(([, v]) => v.length > 0)
      assert.equal(failures.length, 0, failures.map(([name, v]) => `${name}:\n${describe(v)}`).join('\n\n'))
    } finally {
      await context.close()
    }
  })
}
