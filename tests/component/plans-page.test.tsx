import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { createPlanFromTemplate, trashPlan } from '../../src/db/plan-repository'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

describe('the plans page', () => {
  it('explains what to do when there are no plans', async () => {
    renderApp('/')
    expect(await screen.findByRole('heading', { name: 'No plans yet' })).toBeInTheDocument()
    expect(screen.getByText(/Press/)).toHaveTextContent('Press New plan and start from a template')
  })

  it('creates a plan from a built-in template and opens it', async () => {
    const user = userEvent.setup()
    const { location } = renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'New plan' }))
    const dialog = await screen.findByRole('dialog', { name: 'New plan' })
    await user.click(within(dialog).getByRole('radio', { name: /Supplier/ }))
    await user.type(within(dialog).getByLabelText('Title (optional)'), 'Our suppliers')
    await user.click(within(dialog).getByRole('button', { name: 'Create plan' }))
    await waitFor(() => expect(location.history?.at(-1)).toMatch(/^\/plans\//))
    const plan = await db.plans.toArray()
    expect(plan).toHaveLength(1)
    expect(plan[0]).toMatchObject({ title: 'Our suppliers', kind: 'supplier-review' })
    expect(
      await db.items
        .where('planId')
        .equals(plan[0]?.id ?? '')
        .count(),
    ).toBeGreaterThanOrEqual(25)
  })

  it('lists plans with kind, progress, next review and an overdue mark, and hides trashed ones', async () => {
    const fresh = await createPlanFromTemplate(makeTemplate({ title: 'Fresh plan' }))
    const old = await createPlanFromTemplate(makeTemplate({ title: 'Stale plan' }))
    await db.plans.update(old, { createdAt: '2020-01-01T09:00:00.000Z' })
    const gone = await createPlanFromTemplate(makeTemplate({ title: 'Deleted plan' }))
    await trashPlan(gone)
    renderApp('/')
    const rows = await screen.findAllByTestId('plan-row')
    expect(rows).toHaveLength(2)
    const stale = rows.find((r) => r.textContent?.includes('Stale plan'))
    const freshRow = rows.find((r) => r.textContent?.includes('Fresh plan'))
    expect(stale).toHaveTextContent('Needs review')
    expect(freshRow).not.toHaveTextContent('Needs review')
    expect(freshRow).toHaveTextContent('Business continuity')
    expect(freshRow).toHaveTextContent('0/4 done')
    expect(within(freshRow as HTMLElement).getByRole('link', { name: 'Fresh plan' })).toHaveAttribute('href', `/plans/${fresh}`)
    expect(screen.queryByText('Deleted plan')).not.toBeInTheDocument()
  })
})
