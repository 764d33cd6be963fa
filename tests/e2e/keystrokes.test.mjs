// Not one keystroke lost: typing cut off by a reload or a closed tab 0, 50 and 200 ms after the
// last keystroke, 10 times each (a closed browser: keystrokes-browser-close.test.mjs, each file
// staying within the browser tests' time limit). Prints the counts, which feed the reliability
// figure; `node tests/e2e/keystroke-loss.mjs` prints the whole table.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLossTable, measureKeystrokeLoss } from './keystroke-loss.mjs'

test('typed text and items added with Enter survive a reload and a closed tab at 0, 50 and 200 ms', { timeout: 170_000 }, async () => {
  const rows = await measureKeystrokeLoss({ rounds: 10, interrupts: ['reload', 'tab close'] })
  console.log(formatLossTable(rows))
  for (const r of rows) {
    assert.equal(r.lost, 0, `${r.interrupt} at ${r.delay} ms lost ${r.lost} of ${r.rounds} (${r.lostFields.join(', ')})`)
    assert.equal(r.duplicated, 0, `${r.interrupt} at ${r.delay} ms added ${r.duplicated} items twice`)
  }
})

test(
  'the measurement sees a loss: with web storage blocked (no journal), a reload right after typing loses a typed note and title',
  { timeout: 60_000 },
  async () => {
    const rows = await measureKeystrokeLoss({
      rounds: 2,
      interrupts: ['reload'],
      delays: [0],
      fields: ['notes', 'title'],
      withoutStorage: true,
      settleMs: 2000,
    })
    assert.equal(rows[0]?.lost, 2)
  },
)
