// Where figures are typed in a plan: an RTO not shorter than the MTPD is said beside the fields
// (typing is never blocked), and a supplier review interval that is no number of days is refused.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { flushAll } from '../../src/ui/autosave'
import { continuityTemplate } from '../../src/templates/continuity'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'
import { renderApp } from '../support/render-app'

/** The item's row, opened: its fields are found inside it only. */
async function openRow(user: ReturnType<typeof userEvent.setup>, text: string) {
  const button = await screen.findByRole('button', { name: text }, { timeout: 20_000 })
  await user.click(button)
  const row = button.closest<HTMLElement>('[data-testid="item"]')
  if (!row) throw new Error(`no row for ${text}`)
  return within(row)
}

const valuesOf = async (text: string) => (await db.items.toArray()).find((i) => i.text === text)?.values

describe('typing recovery targets and intervals', () => {
  it('says, next to the fields, when the RTO is longer than the MTPD, and stores both as typed', async () => {
    const user = userEvent.setup()
    const id = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    renderApp(`/plans/${id}`)
    const row = await openRow(user, 'Take customer orders')
    const rto = row.getByLabelText('RTO')
    const mtpd = row.getByLabelText('MTPD')
    await user.clear(mtpd)
    await user.type(mtpd, '5d')
    await user.clear(rto)
    await user.type(rto, '7d')
    await user.tab()
    await act(() => flushAll())
    await waitFor(async () => expect(await valuesOf('Take customer orders')).toMatchObject({ rto: 7 * 24 * 60, mtpd: 5 * 24 * 60 }))
    expect(await row.findByTestId('targets-warning')).toHaveTextContent(
      '⚠ The RTO (7d) is longer than the MTPD (5d): the function would be back only when the disruption is no longer tolerable.',
    )
    // Also on the row's summary line, and gone once the RTO is made shorter.
    expect(row.getByText('RTO not shorter than MTPD')).toBeInTheDocument()
    await user.clear(rto)
    await user.type(rto, '2d')
    await user.tab()
    await act(() => flushAll())
    await waitFor(() => expect(row.queryByTestId('targets-warning')).not.toBeInTheDocument())
    expect(row.queryByText('RTO not shorter than MTPD')).not.toBeInTheDocument()
  }, 120_000)

  it('refuses a review interval of -5 days where it is typed, with words, and stores nothing', async () => {
    const user = userEvent.setup()
    const id = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers' })
    renderApp(`/plans/${id}`)
    const row = await openRow(user, 'Cloud hosting provider')
    const every = row.getByLabelText('Review every (days)')
    await user.type(every, '-5')
    expect(await row.findByText(/^Review every \(days\): must be at least 1 day, not -5; write a number from 1 to 3650/)).toBeInTheDocument()
    await user.tab()
    await act(() => flushAll())
    expect((await valuesOf('Cloud hosting provider'))?.reviewEveryDays ?? null).toBeNull()
    await user.clear(every)
    await user.type(every, '90')
    await user.tab()
    await act(() => flushAll())
    await waitFor(async () => expect((await valuesOf('Cloud hosting provider'))?.reviewEveryDays).toBe(90))
  }, 120_000)
})
