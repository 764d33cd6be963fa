// Not one keystroke lost: typing cut off by a reload, a closed tab or a closed browser, 0, 50 and
// 200 ms after the last keystroke, 10 times each. Prints the counts (they feed the reliability
// figure); see keystroke-loss.mjs for how each edit is made and checked.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLossTable, measureKeystrokeLoss } from './keystroke-loss.mjs'

test('typed text and items added with Enter survive a reload, a closed tab and a closed browser at 0, 50 and 200 ms', { timeout: 600_000 }, async () => {
  const rows = await measureKeystrokeLoss({ rounds: 10 })
  console.log(formatLossTable(rows))
  for (const r of rows) {
    assert.equal(r.lost, 0, `${r.interrupt} at ${r.delay} ms lost ${r.lost} of ${r.rounds} (${r.lostFields.join(', ')})`)
    assert.equal(r.duplicated, 0, `${r.interrupt} at ${r.delay} ms added ${r.duplicated} items twice`)
  }
})

test('the measurement sees a loss: with web storage blocked (no journal), a reload right after typing loses the edit', { timeout: 120_000 }, async () => {
  const rows = await measureKeystrokeLoss({ rounds: 2, interrupts: ['reload'], delays: [0], withoutStorage: true, settleMs: 2000 })
  assert.equal(rows[0]?.lost, 2)
})
