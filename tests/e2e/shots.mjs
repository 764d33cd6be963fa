// Not a test: screenshots of each screen at 1280 px, 360 px and in print, for a person to look at.
// Usage: node tests/e2e/shots.mjs [outDir]   (after npm run build)
import { mkdirSync } from 'node:fs'
import { createPlan, launch, startPreview } from './browser.mjs'

const out = process.argv[2] ?? '/tmp/shots'
mkdirSync(out, { recursive: true })
const server = await startPreview()
const browser = await launch()
try {
  for (const width of [1280, 360]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } })
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    await page.screenshot({ path: `${out}/home-empty-${width}.png`, fullPage: true })
    await page.getByRole('button', { name: 'New plan' }).click()
    await page.screenshot({ path: `${out}/new-plan-${width}.png` })
    await page.getByRole('button', { name: 'Cancel' }).click()
    await createPlan(page, 'Business continuity')
    await page
      .getByRole('button', { name: /Take customer orders|orders/i })
      .first()
      .click()
      .catch(() => {})
    await page.screenshot({ path: `${out}/plan-${width}.png`, fullPage: false })
    await page.evaluate(() => window.scrollTo(0, 3000))
    await page.screenshot({ path: `${out}/plan-scrolled-${width}.png` })
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' })
      await page.screenshot({ path: `${out}/plan-print.png`, fullPage: true })
      await page.emulateMedia({ media: 'screen' })
    }
    await page.goto(server.url)
    await page.getByTestId('plan-row').first().waitFor()
    await page.screenshot({ path: `${out}/home-${width}.png`, fullPage: true })
    await createPlan(page, 'Supplier dependency review')
    await page.goto(`${server.url}/dependencies`)
    await page.getByRole('heading', { name: 'Dependencies', level: 1 }).waitFor()
    await page.screenshot({ path: `${out}/dependencies-${width}.png`, fullPage: true })
    await page.goto(server.url)
    await page.getByTestId('readiness').waitFor()
    await page.screenshot({ path: `${out}/home-dashboard-${width}.png`, fullPage: true })
    // A row's name on the Dependencies page opens that item in its plan.
    await page.goto(`${server.url}/dependencies`)
    await page.getByTestId('function-row').last().getByRole('link').click()
    await page.locator('.item-text:focus').waitFor()
    await page.screenshot({ path: `${out}/item-revealed-${width}.png` })
    await page.goto(`${server.url}/grab-pack`)
    await page.getByRole('heading', { name: 'Grab pack' }).waitFor()
    await page.screenshot({ path: `${out}/grab-pack-${width}.png`, fullPage: true })
    if (width === 1280) {
      await page.emulateMedia({ media: 'print' })
      await page.screenshot({ path: `${out}/grab-pack-print.png`, fullPage: true })
      await page.emulateMedia({ media: 'screen' })
    }
    await page.goto(`${server.url}/settings`)
    await page.getByTestId('storage').waitFor()
    await page.screenshot({ path: `${out}/settings-${width}.png`, fullPage: true })
    await page.close()
  }
} finally {
  await browser.close()
  await server.stop()
}
console.log(`screenshots in ${out}`)
