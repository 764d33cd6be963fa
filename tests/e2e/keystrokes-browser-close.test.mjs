// Not one keystroke lost when the browser is closed 0, 50 and 200 ms after the last keystroke
// (a persistent profile closed and opened again), 10 times each. Prints the counts.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { formatLossTable, measureKeystrokeLoss } from './keystroke-loss.mjs'

test('typed text and items added with Enter survive a closed browser at 0, 50 and 200 ms', { timeout: 170_000 }, async () => {
  const rows = await measureKeystrokeLoss({ rounds: 10, interrupts: ['browser close'] })
  console.log(formatLossTable(rows))
  for (const r of rows) {
    assert.equal(r.lost, 0, `${r.interrupt} at ${r.delay} ms lost ${r.lost} of ${r.rounds} (${r.lostFields.join(', ')})`)
    assert.equal(r.duplicated, 0, `${r.interrupt} at ${r.delay} ms added ${r.duplicated} items twice`)
  }
})
