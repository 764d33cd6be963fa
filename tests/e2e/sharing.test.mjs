// Team sharing with two laptops (two browser contexts, each its own IndexedDB) and a PouchDB Server
// of the tests' own: edits made apart meet, a field changed on both is shown on both until someone
// chooses, drills and deletes travel, the app rides out a server outage, wrong details are refused
// with a clear message, the server holds no plaintext, and a device that turned sharing off keeps
// its plans and sends nothing.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import {
  createPlan,
  eventually,
  itemRow,
  itemTexts,
  launch,
  navLink,
  openApp,
  openItem,
  planLink,
  shutdown,
  sleep,
  startPreview,
  storedRows,
} from './browser.mjs'
import { startSyncServer } from './sync-server.mjs'

let server
let browser
let sync
const T = { timeout: 180_000 }
/** How long sync gets to bring a change from one laptop to the other. */
const SYNC = { timeout: 20_000, interval: 200 }
/** After an outage the replicator retries with a growing delay: catching up may take longer. */
const CATCH_UP = { timeout: 45_000, interval: 250 }
const PASSPHRASE = 'correct horse battery staple'
const SHOTS = '/tmp/sharing-shots'

before(async () => {
  mkdirSync(SHOTS, { recursive: true })
  // Both started at once; whichever did start is kept, so after() stops it even if the other failed.
  const [preview, syncServer] = await Promise.allSettled([startPreview(), startSyncServer()])
  server = preview.value
  sync = syncServer.value
  for (const started of [preview, syncServer]) if (started.status === 'rejected') throw started.reason
  browser = await launch()
}, T)

after(async () => {
  try {
    await shutdown({ browser, server })
  } finally {
    await sync?.stop()
  }
}, T)

let teams = 0

/**
 * Runs `fn` with a team database of its own (members ana<n> and ben<n>) on `syncServer`, and
 * laptops A and B (fresh contexts, sharing not yet on; only A when `count` is 1). Closes them
 * whatever happens; fails on an uncaught page error.
 */
async function withLaptops(fn, { syncServer = sync, count = 2 } = {}) {
  const n = ++teams
  const db = `team-${n}`
  const users = [
    { name: `ana${n}`, password: `ana-password-${n}` },
    { name: `ben${n}`, password: `ben-password-${n}` },
  ]
  await syncServer.createTeam(db, users)
  const laptops = []
  try {
    await Promise.all(
      users.slice(0, count).map(async (user, i) => {
        laptops[i] = { ...(await openApp(browser, server.url)), user, db, sync: syncServer }
      }),
    )
    const [a, b] = laptops
    await fn({ a, b })
    for (const [i, laptop] of laptops.entries()) assert.deepEqual(laptop.errors, [], `a page threw on laptop ${'AB'[i]}`)
  } finally {
    for (const laptop of laptops) await laptop?.context.close()
  }
}

/** "n changes waiting", said "Offline · n changes waiting" once the app knows the server cannot be reached. */
const WAITING = /^(Offline · )?\d+ changes? waiting$/

const card = (page) => page.locator('#sharing')
const header = (page) => page.getByTestId('sharing-status')

/** Opens Settings and fills the sharing card, ready to press Turn on sharing; returns the card. */
async function fillSharing(laptop, { password = laptop.user.password, passphrase = PASSPHRASE } = {}) {
  const { page } = laptop
  await navLink(page, 'Settings').click()
  const c = card(page)
  await c.getByLabel('Server address').fill(laptop.sync.url)
  await c.getByLabel('Database').fill(laptop.db)
  await c.getByLabel('User').fill(laptop.user.name)
  await c.getByLabel('Password', { exact: true }).fill(password)
  await c.getByLabel('Team passphrase').fill(passphrase)
  await c.getByRole('checkbox').check()
  return c
}

async function submitSharing(laptop, options) {
  const c = await fillSharing(laptop, options)
  await c.getByRole('button', { name: 'Turn on sharing' }).click()
  return c
}

/** Turns sharing on, on each laptop in turn (the first one starts the team); the forms are filled at once. */
async function turnOn(...laptops) {
  const cards = await Promise.all(laptops.map((laptop) => fillSharing(laptop)))
  for (const [i, c] of cards.entries()) {
    await c.getByRole('button', { name: 'Turn on sharing' }).click()
    await c.getByTestId('sharing-facts').waitFor({ timeout: 20_000 })
    await header(laptops[i].page).waitFor()
  }
}

async function headerSays(page, pattern, options = SYNC) {
  await eventually(async () => assert.match(await header(page).innerText(), pattern), options)
}

/** Adds an item to the (blank) plan open on the page. */
async function addItem(page, text) {
  const add = page.getByRole('textbox', { name: /^New item in / }).first()
  await add.fill(text)
  await add.press('Enter')
  await itemRow(page, text).waitFor()
}

/**
 * Both laptops sharing one plan of two items, which A made; both are on its page. Returns the
 * plan's id and its items' texts. A small plan: the tests are about what travels, not how much.
 */
async function sharedPlan({ a, b }, title, [first, second] = ['Call the landlord', 'Check the spare till']) {
  await turnOn(a, b)
  await navLink(a.page, 'Plans').click()
  const planId = await createPlan(a.page, 'Blank plan', title)
  await addItem(a.page, first)
  await addItem(a.page, second)
  await navLink(b.page, 'Plans').click()
  await planLink(b.page, title).click(SYNC)
  await b.page.getByLabel('Plan title').waitFor()
  await eventually(async () => assert.deepEqual(await itemTexts(b.page), [first, second]), SYNC)
  await headerSays(a.page, /^Up to date$/)
  await headerSays(b.page, /^Up to date$/)
  return { planId, first, second }
}

async function setNotes(page, itemText, notes) {
  const row = await openItem(page, itemText)
  const box = row.getByLabel('Notes', { exact: true })
  await box.fill(notes)
  await box.blur()
  await eventually(async () => assert.equal((await storedRows(page, 'items')).find((i) => i.text === itemText)?.notes, notes))
}

const storedNotes = async (page, itemText) => (await storedRows(page, 'items')).find((i) => i.text === itemText)?.notes

/** The notes box of an item as the page shows them (the item opened if needed). */
async function shownNotes(page, itemText) {
  const row = await openItem(page, itemText)
  return row.getByLabel('Notes', { exact: true }).inputValue()
}

const conflictsPanel = (page) => page.getByRole('region', { name: 'Changed on two devices' })

async function shoot(page, name, locator, widths = [1280, 360]) {
  const size = page.viewportSize()
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    await (locator ?? page).screenshot({ path: `${SHOTS}/${name}-${width}.png` })
  }
  if (size) await page.setViewportSize(size)
}

// Two tests at a time: each has its own team and laptops, and most of a test is waiting for sync.
describe('team sharing between two laptops', { concurrency: 2 }, () => {
  test('edits of different items made apart on two laptops are on both once they reconnect', T, () =>
    withLaptops(async (laptops) => {
      const { a, b } = laptops
      const { first, second } = await sharedPlan(laptops, 'Shop continuity')

      await a.context.setOffline(true)
      await b.context.setOffline(true)
      await setNotes(a.page, first, 'Ana: call the landlord first.')
      await setNotes(b.page, second, 'Ben: the spare till is in the back office.')
      // Each laptop says it is offline and holds its change.
      await headerSays(a.page, WAITING)
      await headerSays(b.page, WAITING)
      await shoot(a.page, 'header-offline', a.page.locator('header').first())

      await a.context.setOffline(false)
      await b.context.setOffline(false)
      for (const { page } of [a, b]) {
        await eventually(async () => {
          assert.equal(await storedNotes(page, first), 'Ana: call the landlord first.')
          assert.equal(await storedNotes(page, second), 'Ben: the spare till is in the back office.')
        }, SYNC)
        await headerSays(page, /^Up to date$/)
        assert.equal(await shownNotes(page, first), 'Ana: call the landlord first.')
        assert.equal(await shownNotes(page, second), 'Ben: the spare till is in the back office.')
      }
      assert.equal(await conflictsPanel(a.page).count(), 0, 'edits of different items are no conflict')
      assert.equal(await conflictsPanel(b.page).count(), 0, 'edits of different items are no conflict')
    }),
  )

  test('one field changed on both laptops apart: both show the same value and the other one, until one laptop chooses', T, () =>
    withLaptops(async (laptops) => {
      const { a, b } = laptops
      const { first } = await sharedPlan(laptops, 'Office continuity')
      const ANA = 'Ana: the generator key is with reception.'
      const BEN = 'Ben: the generator key is in the red box.'

      await a.context.setOffline(true)
      await b.context.setOffline(true)
      await setNotes(a.page, first, ANA)
      await setNotes(b.page, first, BEN)
      await a.context.setOffline(false)
      await b.context.setOffline(false)

      // One value wins everywhere; the other is kept and shown on both laptops.
      const winner = await eventually(async () => {
        const [na, nb] = [await storedNotes(a.page, first), await storedNotes(b.page, first)]
        assert.equal(na, nb, 'the laptops show different values')
        await conflictsPanel(a.page).waitFor({ timeout: 500 })
        await conflictsPanel(b.page).waitFor({ timeout: 500 })
        return na
      }, SYNC)
      assert.ok(winner === ANA || winner === BEN, `an unexpected value won: ${winner}`)
      const other = winner === ANA ? BEN : ANA
      for (const { page } of [a, b]) {
        const panel = conflictsPanel(page)
        const field = panel.getByRole('group', { name: `Notes of ${first}` })
        const text = await field.innerText()
        // "This device shows" the winner, then "The other device's change" with the other value.
        assert.match(text, /This device shows:[\s\S]*The other device.s change/)
        assert.ok(
          text.indexOf(winner) > text.indexOf('This device shows') && text.indexOf(winner) < text.indexOf("The other device's change"),
          `the winning value is not shown:\n${text}`,
        )
        assert.ok(text.indexOf(other) > text.indexOf("The other device's change"), `the other value is not shown:\n${text}`)
        assert.equal(await shownNotes(page, first), winner)
        await itemRow(page, first)
          .getByRole('button', { name: `Changed on two devices: see both values of ${first}` })
          .waitFor()
        await headerSays(page, /^Up to date$/)
      }
      await shoot(a.page, 'conflict-panel', conflictsPanel(a.page))

      // Keep the other on laptop B: the choice reaches A and the panel goes on both.
      await conflictsPanel(b.page)
        .getByRole('button', { name: `Keep the other: Notes of ${first}` })
        .click()
      for (const { page } of [b, a]) {
        await eventually(async () => {
          assert.equal(await storedNotes(page, first), other)
          assert.equal(await conflictsPanel(page).count(), 0, 'the panel is still shown')
        }, SYNC)
        assert.equal(await shownNotes(page, first), other)
        assert.equal(
          await itemRow(page, first)
            .getByRole('button', { name: /^Changed on two devices/ })
            .count(),
          0,
        )
      }
    }),
  )

  test('a drill run on one laptop appears on the other with its log', T, () =>
    withLaptops(async ({ a, b }) => {
      await turnOn(a, b)
      await navLink(a.page, 'Drills').click()
      await a.page.getByRole('heading', { name: 'Drills', exact: true }).waitFor()
      await a.page
        .getByRole('button', { name: /^Start drill: / })
        .first()
        .click()
      const dialog = a.page.getByRole('dialog', { name: 'Start drill' })
      await dialog.getByLabel('Drill title').fill('Friday tabletop')
      await dialog.getByLabel('Facilitator').fill('Sam')
      await dialog.getByRole('button', { name: 'Start drill', exact: true }).click()
      await a.page.waitForURL(/\/drills\/[^/]+$/)
      const log = a.page.getByRole('textbox', { name: /^Log entry/ })
      await log.fill('Declared severity 2, incident lead is Ana')
      await log.press('Enter')
      await a.page.getByTestId('log-entry').first().waitFor()

      await navLink(b.page, 'Drills').click()
      const row = b.page.getByTestId('drill-row').filter({ hasText: 'Friday tabletop' })
      await row.waitFor(SYNC)
      await row.getByRole('link', { name: 'Friday tabletop' }).click()
      await b.page.waitForURL(/\/drills\/[^/]+$/)
      await eventually(async () => assert.match(await b.page.getByTestId('log-entry').first().innerText(), /Declared severity 2, incident lead is Ana/), SYNC)
      assert.deepEqual(
        (await storedRows(b.page, 'drillEvents')).filter((e) => e.text === 'Declared severity 2, incident lead is Ana').length,
        1,
        'the log entry is not stored on B once',
      )
    }),
  )

  test('a plan deleted on one laptop goes to the trash on the other', T, () =>
    withLaptops(async (laptops) => {
      const { a, b } = laptops
      await sharedPlan(laptops, 'Warehouse continuity')
      await navLink(b.page, 'Plans').click()
      await planLink(b.page, 'Warehouse continuity').waitFor()

      await a.page.getByRole('button', { name: 'Delete', exact: true }).click()
      await a.page.getByRole('dialog', { name: 'Move this plan to the trash?' }).getByRole('button', { name: 'Move to trash' }).click()
      await a.page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()

      // B's list lets it go without a reload, and B's trash holds it.
      await eventually(async () => assert.equal(await planLink(b.page, 'Warehouse continuity').count(), 0, 'B still lists the plan'), SYNC)
      await navLink(b.page, 'Trash').click()
      const trashRow = b.page.getByTestId('trash-row').filter({ hasText: 'Warehouse continuity' })
      await trashRow.waitFor(SYNC)
      assert.equal(await b.page.getByTestId('trash-row').count(), 1)
      assert.ok((await storedRows(b.page, 'plans')).find((p) => p.title === 'Warehouse continuity')?.deletedAt, 'the plan is not marked deleted on B')
    }),
  )

  // The server goes down and comes back: a server of this test's own, so the other tests run on meanwhile.
  test('the server stopping mid-sync: the app keeps working, says so, and catches up when it is back', T, async () => {
    const own = await startSyncServer()
    try {
      await withLaptops(
        async (laptops) => {
          const { a, b } = laptops
          const { first, second } = await sharedPlan(laptops, 'Branch continuity')

          await setNotes(a.page, first, 'Sent as the server went down.')
          await own.goDown()
          await setNotes(a.page, second, 'Written while the server was down.')
          await headerSays(a.page, WAITING)
          // Still the plan page, still editable, no error screen.
          assert.equal(await a.page.getByLabel('Plan title').isVisible(), true)
          assert.equal(await a.page.getByRole('heading', { name: /went wrong|error/i }).count(), 0)
          assert.equal(await shownNotes(a.page, second), 'Written while the server was down.')
          await setNotes(a.page, second, 'Written while the server was down, then changed.')

          await own.comeBack()
          // B stays on the plan page: the edits arrive without a reload.
          await eventually(async () => {
            assert.equal(await storedNotes(b.page, first), 'Sent as the server went down.')
            assert.equal(await storedNotes(b.page, second), 'Written while the server was down, then changed.')
          }, CATCH_UP)
          assert.equal(await shownNotes(b.page, second), 'Written while the server was down, then changed.')
          await headerSays(a.page, /^Up to date$/, CATCH_UP)
          await headerSays(b.page, /^Up to date$/, CATCH_UP)
        },
        { syncServer: own },
      )
    } finally {
      await own.stop()
    }
  })

  test('the header says Offline while the device is offline', T, () =>
    withLaptops(
      async ({ a }) => {
        await turnOn(a)
        await headerSays(a.page, /^Up to date$/)
        await a.context.setOffline(true)
        await headerSays(a.page, /^Offline/, { timeout: 5000 })
      },
      { count: 1 },
    ),
  )

  test('a wrong password or a wrong team passphrase: a clear message, and sharing stays off', T, () =>
    withLaptops(async ({ a, b }) => {
      await a.page.goto(`${server.url}/settings`, { waitUntil: 'load' })
      await card(a.page).getByRole('button', { name: 'Turn on sharing' }).waitFor()
      await shoot(a.page, 'card-off', card(a.page))

      const wrong = await submitSharing(a, { password: 'not-the-password' })
      await eventually(async () => assert.match(await wrong.getByRole('alert').innerText(), /did not accept the user name or password/), SYNC)
      assert.equal(await wrong.getByRole('button', { name: 'Turn on sharing' }).isVisible(), true)
      assert.equal(await header(a.page).count(), 0, 'the header shows a sharing state')
      await a.page.reload({ waitUntil: 'load' })
      await card(a.page).getByRole('button', { name: 'Turn on sharing' }).waitFor()
      assert.equal(await card(a.page).getByTestId('sharing-facts').count(), 0, 'sharing was saved as on')
      assert.equal(await header(a.page).count(), 0, 'the header shows a sharing state')
      assert.deepEqual(await sync.allDocs(a.db), [], 'something reached the server')

      // A starts the team with its passphrase; B tries another one.
      await turnOn(a)
      await navLink(a.page, 'Plans').click()
      await createPlan(a.page, 'Blank plan', 'Team plan')
      const refused = await submitSharing(b, { passphrase: 'a different passphrase entirely' })
      await eventually(async () => assert.match(await refused.getByRole('alert').innerText(), /The passphrase does not match the team's/), SYNC)
      assert.equal(await header(b.page).count(), 0, 'the header shows a sharing state')
      await b.page.reload({ waitUntil: 'load' })
      await card(b.page).getByRole('button', { name: 'Turn on sharing' }).waitFor()
      assert.equal(await header(b.page).count(), 0, 'the header shows a sharing state')
      assert.deepEqual(await storedRows(b.page, 'plans'), [], "the team's plans reached B")
    }),
  )

  test('with a passphrase the server holds no plan title, item text or note in any document', T, () =>
    withLaptops(async (laptops) => {
      const { a, b } = laptops
      const TITLE = 'Quarry Lane flood plan'
      const ITEM = 'Move the kiln controller upstairs'
      const NOTE = 'Spare fuses are under the Hartwell desk'
      const ITEM2 = 'Photograph the Hartwell stock room'
      await sharedPlan(laptops, TITLE, [ITEM, ITEM2])
      await setNotes(a.page, ITEM, NOTE)

      // Everything reached the other laptop through the server…
      await eventually(async () => assert.equal(await storedNotes(b.page, ITEM), NOTE), SYNC)
      await headerSays(a.page, /^Up to date$/)
      // …which holds none of it in readable form.
      const docs = await sync.allDocs(a.db)
      // The team's document, the plan, its section and its two items at least.
      assert.ok(docs.length >= 5, `the server holds only ${docs.length} documents`)
      const everything = JSON.stringify(docs)
      for (const secret of [TITLE, ITEM, ITEM2, NOTE, 'Quarry', 'Hartwell', 'kiln', 'fuses'])
        assert.equal(everything.toLowerCase().includes(secret.toLowerCase()), false, `the server holds "${secret}" in plaintext`)
    }),
  )

  test('turning sharing off: the plans stay on this laptop, and its edits no longer reach the other', T, () =>
    withLaptops(async (laptops) => {
      const { a, b } = laptops
      const { planId, first, second } = await sharedPlan(laptops, 'Depot continuity')

      await navLink(a.page, 'Settings').click()
      const c = card(a.page)
      await c.getByTestId('sharing-facts').waitFor()
      await c.getByRole('button', { name: 'Pause sharing' }).waitFor()
      await shoot(a.page, 'card-on', c)
      await c.getByRole('button', { name: 'Turn off sharing…' }).click()
      await a.page.getByRole('dialog', { name: 'Turn off sharing on this device?' }).getByRole('button', { name: 'Turn off sharing' }).click()
      await c.getByRole('button', { name: 'Turn on sharing' }).waitFor()
      await eventually(async () => assert.equal(await header(a.page).count(), 0, 'the header still shows a sharing state'))

      // From now on, laptop A sends nothing to the server.
      const sent = []
      a.context.on('request', (r) => {
        if (r.url().startsWith(sync.url)) sent.push(r.url())
      })
      await a.page.reload({ waitUntil: 'load' })
      await navLink(a.page, 'Plans').click()
      await planLink(a.page, 'Depot continuity').click()
      await a.page.getByLabel('Plan title').waitFor()
      assert.ok(a.page.url().endsWith(planId))
      assert.deepEqual(await itemTexts(a.page), await itemTexts(b.page), 'the plan lost items on A')
      await setNotes(a.page, first, 'Only on laptop A now.')

      // B still shares: its own edit goes out, while A's never arrives.
      await setNotes(b.page, second, 'Ben still shares.')
      await headerSays(b.page, /^Up to date$/)
      await sleep(3000)
      assert.notEqual(await storedNotes(b.page, first), 'Only on laptop A now.')
      assert.notEqual(await storedNotes(a.page, second), 'Ben still shares.')
      assert.deepEqual(sent, [], 'laptop A still talks to the server')
    }),
  )
})
