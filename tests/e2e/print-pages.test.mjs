// Paper at A4 and Letter: the plans, the grab pack and an after-action report printed to PDF by
// Chromium. Every table lies within the page's content box (print media laid out at the content
// width), and the PDF's own text (read by pdf.js) holds every item's text, notes and evidence, the
// names of linked rows, what the page is (organisation, title, printed on) and "Page x of y".
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { writeFileSync } from 'node:fs'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { createPlan, eventually, launch, navLink, openApp, shutdown, startPreview, storedRows } from './browser.mjs'
import { ORGANISATION, putRows, seedOutputs } from './outputs-data.mjs'

let server
let browser
const T = { timeout: 240_000 }
const SCENARIO = 'Cloud provider down: an attack its own defences made worse'
const FINDING = `Nobody knew where the provider status page is: ${'https://status.example-cloud-provider.com/incidents/2026/regional-outage-eu-west-2'} and the phone tree was out of date`

/** Paper sizes (mm) and the side margins set by the app's @page rule. */
const PAPER = { A4: 210, Letter: 215.9 }
const SIDE_MARGINS_MM = 24
const px = (mm) => Math.floor((mm * 96) / 25.4)

before(async () => {
  server = await startPreview()
  browser = await launch()
}, T)

after(() => shutdown({ browser, server }), T)

const squash = (s) => s.normalize('NFKC').replace(/[\s\u00ad]+/g, '')

async function pdfText(buffer) {
  const doc = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false }).promise
  const pages = []
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent()
    pages.push(content.items.map((i) => i.str ?? '').join(' '))
  }
  await doc.destroy()
  return pages
}

/** Tables (and the page) wider than the content box, laid out as print at that width. */
async function overflowingTables(page, width) {
  await page.setViewportSize({ width, height: 1100 })
  return page.evaluate((width) => {
    const out = []
    if (document.documentElement.scrollWidth > width + 1) out.push(`the page is ${document.documentElement.scrollWidth}px wide`)
    for (const t of document.querySelectorAll('main table')) {
      if (!t.checkVisibility()) continue
      const r = t.getBoundingClientRect()
      if (r.right > width + 1 || r.left < -1 || t.scrollWidth > t.clientWidth + 1) {
        out.push(`table "${t.querySelector('th')?.textContent}" spans ${Math.round(r.left)}–${Math.round(r.right)}px (scroll ${t.scrollWidth}px)`)
      }
    }
    // Header words never break inside a word: a header cell is at least as wide as its longest word.
    for (const th of document.querySelectorAll('main thead th')) {
      // (A header row left to screen readers, where rows print as blocks, has no width to fit.)
      const shown = th.checkVisibility() && th.closest('thead').getBoundingClientRect().width > 1
      if (shown && th.scrollWidth > th.clientWidth + 1) out.push(`header "${th.textContent}" does not fit its column`)
    }
    return out
  }, width)
}

/**
 * Prints what `page` shows at A4 and Letter: no table past the content box, every expected text in
 * the PDF, and each page labelled. Saves the A4 PDF for a look.
 */
async function checkPaper(page, name, expected) {
  for (const [format, widthMm] of Object.entries(PAPER)) {
    const width = px(widthMm - SIDE_MARGINS_MM)
    assert.deepEqual(await overflowingTables(page, width), [], `${name} on ${format}: something is wider than the page`)
    const pdf = await page.pdf({ format })
    if (format === 'A4') writeFileSync(`/tmp/continuity-kit-${name}-A4.pdf`, pdf)
    const pages = await pdfText(pdf)
    const all = squash(pages.join(' '))
    const missing = expected.filter((t) => !all.includes(squash(t)))
    assert.deepEqual(missing.slice(0, 5), [], `${name} on ${format}: ${missing.length} texts not printed`)
    assert.doesNotMatch(pages.join(' '), /a removed item/, `${name} on ${format}: a link to a row that exists reads "removed"`)
    pages.forEach((text, i) => {
      assert.ok(squash(text).includes(squash(`Page ${i + 1} of ${pages.length}`)), `${name} on ${format}: page ${i + 1} has no "Page x of y"`)
      assert.ok(squash(text).includes(squash(ORGANISATION)), `${name} on ${format}: page ${i + 1} does not name the organisation`)
      assert.ok(/Printed/.test(text), `${name} on ${format}: page ${i + 1} does not say when it was printed`)
    })
  }
}

/** What the grab pack's cards say, line by line: steps, their notes, people and phones, functions and suppliers. */
function runbookTexts(page) {
  return page.locator('main').evaluate((main) => {
    const out = []
    for (const li of main.querySelectorAll('[data-testid=runbook-step]')) {
      // The step's own words, without its box and without the notes under it.
      out.push(
        [...li.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent)
          .join('')
          .trim(),
      )
    }
    for (const e of main.querySelectorAll('.rb-notes, .rb-card strong, .rb-card a, .rb-function h3, .rb-function p, .rb-details dd'))
      out.push(...e.textContent.split('\n'))
    return [...new Set(out.map((t) => t.trim()).filter(Boolean))]
  })
}

test('plans, the grab pack and a drill report print whole on A4 and Letter', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    const { plans, items } = await seedOutputs(page)
    const names = new Map(items.map((i) => [i.id, i.text]))
    for (const [key, id] of Object.entries(plans)) {
      await page.goto(`${server.url}/plans/${id}`)
      await page.getByLabel('Plan title').waitFor()
      await page.emulateMedia({ media: 'print' })
      await page.getByTestId('print-plan').waitFor()
      const mine = items.filter((i) => i.planId === id)
      const linked = mine.flatMap((i) => Object.values(i.values).filter(Array.isArray).flat()).map((l) => names.get(l))
      // A supplier's row names the functions that rely on it (the link is stored on the functions).
      const relying = items.filter((i) => i.values.suppliers?.some((s) => mine.some((m) => m.id === s))).map((i) => i.text)
      if (relying.length) await eventually(async () => assert.ok((await page.getByTestId('print-plan').innerText()).includes(relying[0])))
      // The last changed and printed-on facts are on the first page.
      await eventually(async () => assert.match(await page.getByTestId('print-masthead').innerText(), /Last changed .* Printed on /))
      await checkPaper(page, `plan-${key}`, [...mine.flatMap((i) => [i.text, i.notes, i.evidence]), ...linked, ...relying])
      if (key === 'incident') {
        // A list of twelve steps numbers them whole: "10." and "12.", not ".0." cut at the margin.
        const text = (await pdfText(await page.pdf({ format: 'A4' }))).join(' ')
        assert.match(text, /(^|\s)10\.\s/)
        assert.match(text, /(^|\s)12\.\s/)
        // The runbook leads: the day's steps, with their roles, before the preparation checklist.
        const flat = squash(text)
        const [runbook, step, task] = ['On the day: response steps', 'Call the incident lead', 'Check what your cyber insurance requires'].map((t) =>
          flat.indexOf(squash(t)),
        )
        assert.ok(runbook >= 0 && runbook < step && step < task, 'the printed plan does not lead with its response steps')
      }
      await page.emulateMedia({ media: 'screen' })
    }

    await page.goto(`${server.url}/grab-pack`)
    await page.getByRole('heading', { name: 'The first hour, by role' }).waitFor()
    await page.emulateMedia({ media: 'print' })
    const texts = await runbookTexts(page)
    assert.ok(texts.length > 50, 'the grab pack has too little in it to test')
    await checkPaper(page, 'grab-pack', texts)
    await page.emulateMedia({ media: 'screen' })

    // A drill, with a long finding, and its report.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Drills' }).click()
    await page.getByRole('button', { name: `Start drill: ${SCENARIO}` }).click()
    const dialog = page.getByRole('dialog', { name: 'Start drill' })
    await dialog.getByLabel('Facilitator').fill('Sam')
    await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
    await page.waitForURL(/\/drills\/[^/]+$/)
    const drillId = new URL(page.url()).pathname.split('/').pop()
    const log = page.getByRole('textbox', { name: /^Log entry/ })
    await log.fill(`g: ${FINDING}`)
    await log.press('Enter')
    await eventually(async () => assert.equal(await page.getByTestId('log-entry').count(), 1))
    await page.goto(`${server.url}/drills/${drillId}/report`)
    await page.getByRole('heading', { name: /^After-action report:/ }).waitFor()
    await page.emulateMedia({ media: 'print' })
    await checkPaper(page, 'drill-report', [FINDING, 'Sam'])
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})

test('the grab pack puts the first hour and the call list on page 1, and a quick card prints on one page, on A4 and Letter', T, async () => {
  const { context, page, errors } = await openApp(browser, server.url)
  try {
    for (const template of ['Incident response procedure', 'Business continuity plan', 'Supplier dependency review']) {
      await navLink(page, 'Plans').click()
      await createPlan(page, template)
    }
    // People named as an organisation would: a person and a mobile for each role, a deputy for some.
    const sections = await storedRows(page, 'sections')
    const roleOf = new Map(sections.map((s) => [s.id, s.role]))
    const items = await storedRows(page, 'items')
    let n = 0
    const people = items
      .filter((i) => roleOf.get(i.sectionId) === 'roles' || roleOf.get(i.sectionId) === 'contact-tree')
      .map((i) => {
        n++
        const name = `Person ${n} Lastname`
        const phone = `+44 7700 900${String(100 + n)}`
        return roleOf.get(i.sectionId) === 'roles'
          ? { ...i, values: { ...i.values, person: name, phone, deputy: `Deputy ${n}` } }
          : { ...i, text: name, values: { ...i.values, phone, deputy: `Deputy ${n}` } }
      })
    const hosting = items.find((i) => i.text === 'Cloud hosting provider')
    await putRows(page, 'items', [...people, { ...hosting, values: { ...hosting.values, platform: 'Microsoft Azure', supportLine: '0800 123 4567' } }])
    await page.goto(`${server.url}/grab-pack`)
    await page.getByRole('heading', { name: 'The first hour, by role' }).waitFor()
    await page.emulateMedia({ media: 'print' })
    const firstHour = await page.locator('section[aria-labelledby=rb-first-hour] [data-testid=runbook-step]').evaluateAll((lis) =>
      lis.map((li) =>
        [...li.childNodes]
          .filter((c) => c.nodeType === Node.TEXT_NODE)
          .map((c) => c.textContent)
          .join('')
          .trim(),
      ),
    )
    const callList = await page.locator('[data-testid=call-card] strong').allTextContents()
    assert.ok(firstHour.length >= 8 && callList.length >= 10, `too little to test: ${firstHour.length} steps, ${callList.length} people`)
    for (const [format, widthMm] of Object.entries(PAPER)) {
      assert.deepEqual(await overflowingTables(page, px(widthMm - SIDE_MARGINS_MM)), [], `grab pack on ${format}: something is wider than the page`)
      const pdf = await page.pdf({ format })
      if (format === 'A4') writeFileSync('/tmp/continuity-kit-runbook-A4.pdf', pdf)
      const [first] = await pdfText(pdf)
      const missing = [...firstHour, ...callList].filter((t) => !squash(first).includes(squash(t)))
      assert.deepEqual(missing, [], `grab pack on ${format}: not on page 1`)
    }
    await page.emulateMedia({ media: 'screen' })

    // Each quick card, reached from the grab pack, is one page.
    const cards = await page.getByRole('navigation', { name: 'Quick cards' }).getByRole('link').allTextContents()
    assert.equal(cards.length, 4)
    for (const name of cards) {
      await page.goto(`${server.url}/grab-pack`)
      await page.getByRole('navigation', { name: 'Quick cards' }).getByRole('link', { name }).click()
      await page.getByRole('heading', { name: `If this happens: ${name}` }).waitFor()
      await page.emulateMedia({ media: 'print' })
      for (const format of Object.keys(PAPER)) {
        const pages = await pdfText(await page.pdf({ format }))
        assert.equal(pages.length, 1, `quick card "${name}" on ${format} takes ${pages.length} pages`)
      }
      await page.emulateMedia({ media: 'screen' })
    }
    assert.deepEqual(errors, [], 'the page threw')
  } finally {
    await context.close()
  }
})
