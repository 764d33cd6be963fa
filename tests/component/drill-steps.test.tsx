// The steps an inject expects are matched to plan items when the drill starts, then followed by id:
// renaming a function as the template asks ("replace the examples") keeps "Mark used" working.
import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { updateItem } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { createDrill, getDrill, startPlannedDrill } from '../../src/db/drill-repository'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { continuityTemplate } from '../../src/templates/continuity'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'
import { renderApp } from '../support/render-app'

async function itemOf(planId: string, text: string) {
  const item = (await db.items.where('planId').equals(planId).toArray()).find((i) => i.text === text)
  if (!item) throw new Error(`no item ${text}`)
  return item
}

/** The card of an inject, once released. */
async function cardOf(title: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: title, level: 2 })
  const card = heading.closest<HTMLElement>('[data-testid="inject-card"]')
  if (!card) throw new Error(`no card for ${title}`)
  return card
}

describe('expected steps of an inject', () => {
  it('refer to plan items by id from the start of the drill: a renamed function keeps "Mark used"; a step matching nothing says so', async () => {
    const user = userEvent.setup()
    const planId = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const drillId = await createDrill({ scenario: cloudDdosScenario, title: 'DDoS drill', planIds: [planId], facilitator: '', participants: [] })
    const orders = await itemOf(planId, 'Take customer orders')
    const stored = (await getDrill(drillId))?.stepMatches ?? []
    expect(stored).toContainEqual({ injectId: 'cloud-ddos-6', step: 2, itemId: orders.id })

    // The function is renamed after the drill started, as the template asks.
    await updateItem(orders.id, { text: 'Webshop orders' })
    renderApp(`/drills/${drillId}`)
    await user.click(await screen.findByRole('button', { name: 'Release now: Orders on paper' }))
    const card = await cardOf('Orders on paper')
    const steps = within(card).getAllByRole('listitem')
    const ordersStep = steps.find((li) => li.textContent?.includes('Webshop orders'))
    expect(ordersStep).toHaveTextContent('(the scenario says: Take customer orders)')
    await user.click(within(ordersStep as HTMLElement).getByRole('button', { name: 'Used: Webshop orders' }))
    await waitFor(async () => expect((await getDrill(drillId))?.stepsUsed).toEqual([orders.id]))
    await waitFor(() => expect(within(ordersStep as HTMLElement).getByRole('button', { name: 'Used: Webshop orders' })).toHaveAttribute('aria-pressed', 'true'))
  })

  it('says which expected steps were not found in the plans when the drill started', async () => {
    const user = userEvent.setup()
    const planId = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const drillId = await createDrill({ scenario: cloudDdosScenario, title: 'DDoS drill', planIds: [planId], facilitator: '', participants: [] })
    renderApp(`/drills/${drillId}`)
    await user.click(await screen.findByRole('button', { name: 'Release now: Service returns' }))
    const card = await cardOf('Service returns')
    const missing = within(card)
      .getAllByRole('listitem')
      .find((li) => li.textContent?.startsWith("Read the provider's incident review when it is published"))
    expect(missing).toHaveTextContent('not found in the plans')
    expect(within(missing as HTMLElement).queryByRole('button')).not.toBeInTheDocument()
  })

  it('a drill booked for later matches its steps when it starts, against the plans as they are then', async () => {
    const planId = await createPlanFromTemplate(continuityTemplate, { title: 'BCP' })
    const drillId = await createDrill({
      scenario: cloudDdosScenario,
      title: 'Booked',
      planIds: [planId],
      facilitator: '',
      participants: [],
      plannedFor: '2027-01-05T09:00:00.000Z',
    })
    expect((await getDrill(drillId))?.stepMatches).toEqual([])
    const forms = await itemOf(planId, 'Prepare paper forms for critical processes')
    await startPlannedDrill(drillId)
    expect((await getDrill(drillId))?.stepMatches).toContainEqual({ injectId: 'cloud-ddos-6', step: 0, itemId: forms.id })
  })
})
