// The home page does not move while it loads (cumulative layout shift, as Lighthouse counts it), at a
// phone's width with a CPU four times slower, the way Lighthouse's mobile run loads it: with no plans,
// and with plans whose readiness dashboard arrives after the first paint, above the plan list.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { createPlan, launch, shutdown, startPreview } from './browser.mjs'

let server
let browser
const T = { timeout: 180_000 }
const PHONE = { width: 412, height: 823 }

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

/** Runs in the page before its scripts: every shift not caused by input, with what moved. */
function probe() {
  window.__shifts = []
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (!e.hadRecentInput)
        window.__shifts.push({
          value: e.value,
          moved: e.sources.map(
            (s) => `${s.node?.nodeName?.toLowerCase()}.${s.node?.className ?? ''} ${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`,
          ),
        })
  }).observe({ type: 'layout-shift', buffered: true })
}

/** Loads the home page anew, slowed down, and returns the shifts until the plan list is on screen and settled. */
async function homeShifts(context, visible) {
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.addInitScript(probe)
  await page.goto(`${server.url}/`)
  await page.locator(visible).first().waitFor({ state: 'visible', timeout: 30_000 })
  // What might still arrive late (the Start incident button, the dashboard's lists) has had its time.
  await page.waitForTimeout(1500)
  const shifts = await page.evaluate(() => window.__shifts)
  await page.close()
  return shifts
}

const total = (shifts) => shifts.reduce((a, s) => a + s.value, 0)
const describe = (shifts) => shifts.map((s) => `${s.value.toFixed(3)}: ${s.moved.join(', ')}`).join('; ')

test('at 412 px, with no plans and then with plans, the home page does not move while it loads', T, async () => {
  const context = await browser.newContext({ viewport: PHONE })
  try {
    const setup = await context.newPage()
    await setup.goto(`${server.url}/`)
    await setup.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    const empty = await homeShifts(context, '.empty')
    assert.ok(total(empty) < 0.01, `with no plans the page moved: ${describe(empty)}`)

    await createPlan(setup, 'Business continuity plan', 'Main BCP')
    await setup.goto(`${server.url}/`)
    await createPlan(setup, 'Supplier', 'Suppliers 2026')
    await setup.close()
    const full = await homeShifts(context, '[data-testid="plan-row"]')
    assert.ok(total(full) < 0.01, `with two plans the page moved: ${describe(full)}`)
  } finally {
    await context.close()
  }
})
