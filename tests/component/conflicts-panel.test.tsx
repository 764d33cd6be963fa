import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/db/database'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { setSharingSetUp } from '../../src/db/sync/sharing-flag'
import { syncBook } from '../../src/db/sync/sync-book'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

// The header's sharing indicator starts the engine, which turns sharing off on a device with no
// connection. Here the bookkeeping is written by hand, as the engine would after a merge: it stays off.
vi.mock('../../src/db/sync/engine', async (original) => ({
  ...(await original<typeof import('../../src/db/sync/engine')>()),
  startSharing: () => Promise.resolve(),
}))

const OTHER_AT = '2026-11-28T15:30:00.000Z'

// tests/setup.ts clears the app's database only: the sharing bookkeeping is cleared here.
beforeEach(async () => {
  await Promise.all(syncBook.tables.map((t) => t.clear()))
})
afterEach(() => setSharingSetUp(false))

/** A plan whose "Take orders" item has two fields changed on another device: its text and its RTO (4h here, 2h there). */
async function planWithConflicts() {
  const planId = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
  const item = (await db.items.where('planId').equals(planId).toArray()).find((i) => i.text === 'Take orders')
  if (!item) throw new Error('the template has no "Take orders" item')
  const key = `items:${item.id}`
  await syncBook.conflicts.put({
    key,
    planId,
    conflicts: [
      { field: 'text', value: 'Take orders by phone and on paper when the shop is down', at: OTHER_AT },
      { field: 'values.rto', value: 120, at: OTHER_AT },
    ],
  })
  return { planId, item, key }
}

const panel = () => screen.findByRole('region', { name: /Changed on two devices/ })

describe('fields changed on two devices', () => {
  it('lists both values of each field in words, and marks the item', async () => {
    setSharingSetUp(true)
    const { item } = await planWithConflicts()
    renderApp(`/plans/${item.planId}`)
    const region = await panel()

    const text = within(region).getByRole('group', { name: 'Text of Take orders' })
    expect(within(text).getByText('This device shows:').nextElementSibling).toHaveTextContent(/^Take orders$/)
    const other = within(text).getByText(/The other device's change/)
    expect(other.querySelector('time')).toHaveAttribute('dateTime', OTHER_AT)
    // A long value is there whole.
    expect(other.nextElementSibling).toHaveTextContent(/^Take orders by phone and on paper when the shop is down$/)

    const rto = within(region).getByRole('group', { name: 'RTO of Take orders' })
    expect(within(rto).getByText('This device shows:').nextElementSibling).toHaveTextContent(/^4h$/)
    expect(within(rto).getByText(/The other device's change/).nextElementSibling).toHaveTextContent(/^2h$/)
    expect(within(region).getByRole('link', { name: 'Take orders' })).toHaveAttribute('href', `/plans/${item.planId}?item=${item.id}`)

    // The row says so, and leads to its entry in the panel.
    const row = screen.getAllByTestId('item').find((r) => r.dataset.itemId === item.id) as HTMLElement
    const marker = within(row).getByRole('button', { name: 'Changed on two devices: see both values of Take orders' })
    const others = screen.getAllByTestId('item').filter((r) => r !== row)
    for (const r of others) expect(within(r).queryByRole('button', { name: /Changed on two devices/ })).toBeNull()
    await userEvent.setup().click(marker)
    expect(document.activeElement).toBe(text.closest('li'))
  })

  it('"Keep the other" writes the other value; "Keep this one" leaves the item as it is; each closes its conflict', async () => {
    setSharingSetUp(true)
    const user = userEvent.setup()
    const { item, key } = await planWithConflicts()
    renderApp(`/plans/${item.planId}`)
    const region = await panel()

    await user.click(within(region).getByRole('button', { name: 'Keep the other: Text of Take orders' }))
    await waitFor(async () => expect((await db.items.get(item.id))?.text).toBe('Take orders by phone and on paper when the shop is down'))
    expect((await syncBook.conflicts.get(key))?.conflicts.map((c) => c.field)).toEqual(['values.rto'])
    await waitFor(() => expect(within(region).queryByRole('group', { name: /^Text of/ })).toBeNull())
    expect(await screen.findByText(/kept the other device's value/)).toBeInTheDocument()

    await user.click(await within(region).findByRole('button', { name: 'Keep this one: RTO of Take orders by phone and on paper when the shop is down' }))
    await waitFor(async () => expect(await syncBook.conflicts.get(key)).toBeUndefined())
    const stored = await db.items.get(item.id)
    expect(stored?.values.rto).toBe(240)
    expect(stored?.text).toBe('Take orders by phone and on paper when the shop is down')
    await waitFor(() => expect(screen.queryByRole('region', { name: /Changed on two devices/ })).toBeNull())
    expect(screen.queryByRole('button', { name: /^Changed on two devices/ })).toBeNull()
  })

  it('shows nothing while sharing is not set up on this device', async () => {
    const { item } = await planWithConflicts()
    renderApp(`/plans/${item.planId}`)
    await screen.findByRole('checkbox', { name: 'Take orders' })
    expect(screen.queryByRole('region', { name: /Changed on two devices/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Changed on two devices/ })).toBeNull()
  })
})
