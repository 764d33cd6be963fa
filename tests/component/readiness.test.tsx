import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { setItemValue, updateItem } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { createDrill, endDrill } from '../../src/db/drill-repository'
import { createPlanFromTemplate, readPlanRows } from '../../src/db/plan-repository'
import { addDays, formatDate, localDate } from '../../src/domain/dates'
import { continuityTemplate } from '../../src/templates/continuity'
import { BUILTIN_SCENARIOS } from '../../src/templates/scenarios/index'
import { supplierReviewTemplate } from '../../src/templates/supplier-review'
import { href } from '../../src/ui/routes'
import { renderApp } from '../support/render-app'

async function itemId(planId: string, text: string): Promise<string> {
  const rows = await readPlanRows(planId)
  const item = rows?.items.find((i) => i.text === text)
  if (!item) throw new Error(`no item ${text}`)
  return item.id
}

const today = localDate(new Date())

afterEach(() => vi.restoreAllMocks())

describe('the readiness dashboard', () => {
  it('is absent while there are no plans', async () => {
    renderApp('/')
    await screen.findByRole('heading', { name: 'No plans yet' })
    expect(screen.queryByRole('heading', { name: 'Readiness' })).not.toBeInTheDocument()
  })

  it('counts overdue items, reviews, drills, suppliers and critical functions, each linked to where to fix it', async () => {
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'Main BCP' })
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers 2026' })
    // A plan created two years ago and never reviewed is past its yearly review.
    await db.plans.update(sup, { createdAt: `${addDays(today, -800)}T12:00:00.000Z` })
    await updateItem(await itemId(bcp, 'Define the scope'), { due: addDays(today, -3) })
    await updateItem(await itemId(bcp, 'Name the plan owner and a senior sponsor'), { due: addDays(today, 10) })
    await setItemValue(await itemId(bcp, 'Take customer orders'), 'rto', null)
    await setItemValue(await itemId(bcp, 'Coordinate staff and internal communication'), 'workaround', 'none')
    const cloud = await itemId(sup, 'Cloud hosting provider')
    await setItemValue(cloud, 'lastReviewed', addDays(today, -40))
    await setItemValue(cloud, 'reviewEveryDays', 30)

    renderApp('/')
    const dashboard = await screen.findByTestId('readiness')
    expect(within(dashboard).getByRole('heading', { name: 'Readiness' })).toBeInTheDocument()
    await waitFor(() => expect(within(dashboard).getByTestId('rd-overdue-items')).toHaveTextContent('1item overdue'))
    expect(within(dashboard).getByTestId('rd-plans-review')).toHaveTextContent('1plan needs review')
    // Only the continuity plan is exercised in drills, and it never has been.
    expect(within(dashboard).getByTestId('rd-plans-exercise')).toHaveTextContent('1not exercised in 12 months')
    // Every supplier of the old register is past due (counted from the plan's creation); the cloud one by its own interval.
    const suppliersDue = within(dashboard).getByTestId('rd-suppliers-due')
    expect(within(suppliersDue).getByRole('link', { name: 'Cloud hosting provider' })).toHaveAttribute('href', `/plans/${sup}?item=${cloud}`)
    expect(suppliersDue).toHaveTextContent('every 30 days')
    expect(within(dashboard).getByTestId('rd-function-gaps')).toHaveTextContent('2critical functions without RTO or workaround')
    const gaps = within(dashboard).getByTestId('rd-function-gaps-list')
    expect(gaps).toHaveTextContent('Take customer orders — no RTO')
    expect(gaps).toHaveTextContent('Coordinate staff and internal communication — no workaround')
    expect(within(gaps).getByRole('link', { name: 'Take customer orders' })).toHaveAttribute(
      'href',
      `/plans/${bcp}?item=${await itemId(bcp, 'Take customer orders')}`,
    )

    const rows = within(dashboard).getAllByTestId('rd-plan')
    const main = rows.find((r) => r.textContent?.includes('Main BCP'))
    expect(within(main as HTMLElement).getByRole('link', { name: /1 overdue/ })).toHaveAttribute('href', `/plans/${bcp}?show=overdue`)
    expect(main).toHaveTextContent('Never exercised')
    expect(within(main as HTMLElement).getByRole('link', { name: 'Main BCP' })).toHaveAttribute('href', `/plans/${bcp}`)
    const suppliers = rows.find((r) => r.textContent?.includes('Suppliers 2026'))
    expect(suppliers).toHaveTextContent('Needs review')
    expect(suppliers).toHaveTextContent('not drilled')
  })

  it('counts a plan exercised in an ended drill this year as exercised', async () => {
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'Drilled BCP' })
    const endedAt = new Date(Date.now() - 30 * 86_400_000).toISOString()
    // Only the fields the dashboard reads matter here; the drill feature writes complete rows.
    await db.drills.put({ id: 'd1', status: 'ended', endedAt, planIds: [bcp] } as unknown as Parameters<typeof db.drills.put>[0])
    renderApp('/')
    const dashboard = await screen.findByTestId('readiness')
    await waitFor(() => expect(within(dashboard).getByTestId('rd-plans-exercise')).toHaveTextContent('0not exercised'))
    expect(within(dashboard).getByTestId('rd-plan')).not.toHaveTextContent('Never exercised')
  })

  it('says the same as the Drills page about when each plan was exercised, before and after a drill', async () => {
    await createPlanFromTemplate(continuityTemplate, { title: 'Main BCP' })
    await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers 2026' })
    /** Plan title -> what its "last exercised" cell says, on the dashboard and on the Drills page. */
    const bothScreens = async () => {
      const home = renderApp('/')
      const rows = await within(await screen.findByTestId('readiness')).findAllByTestId('rd-plan')
      const onHome = Object.fromEntries(rows.map((r) => [r.querySelector('th')?.textContent, r.querySelectorAll('td')[3]?.textContent]))
      home.unmount()
      const drills = renderApp('/drills')
      const drillRows = await screen.findAllByTestId('exercised-row')
      const onDrills = Object.fromEntries(drillRows.map((r) => [r.querySelector('td')?.textContent, r.querySelectorAll('td')[2]?.textContent]))
      drills.unmount()
      return { onHome, onDrills }
    }

    const before = await bothScreens()
    expect(before.onHome).toEqual({ 'Main BCP': '⚠ Never exercised', 'Suppliers 2026': 'not drilled' })
    expect(before.onDrills).toEqual(before.onHome)

    const scenario = BUILTIN_SCENARIOS[0]
    if (!scenario) throw new Error('no built-in scenario')
    const drill = await createDrill({
      scenario,
      title: 'Tabletop',
      planIds: [...(await db.plans.toArray()).map((p) => p.id)],
      facilitator: '',
      participants: [],
    })
    await endDrill(drill)
    const after = await bothScreens()
    const todayWords = formatDate(today)
    expect(after.onHome).toEqual({ 'Main BCP': todayWords, 'Suppliers 2026': todayWords })
    expect(after.onDrills).toEqual(after.onHome)
  })

  it('flags an RTO longer than the MTPD as a gap, and a supplier review interval that is no number of days, in words', async () => {
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'Main BCP' })
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers 2026' })
    const orders = await itemId(bcp, 'Take customer orders')
    await setItemValue(orders, 'rto', 7 * 24 * 60)
    await setItemValue(orders, 'mtpd', 5 * 24 * 60)
    // An interval typed by an earlier version, which refused nothing: stored as it was.
    const cloud = await itemId(sup, 'Cloud hosting provider')
    await setItemValue(cloud, 'lastReviewed', today)
    await db.items.update(cloud, { 'values.reviewEveryDays': -5 })

    const view = renderApp('/')
    const dashboard = await screen.findByTestId('readiness')
    await waitFor(() => expect(within(dashboard).getByTestId('rd-recovery-conflicts')).toHaveTextContent('1function with an RTO not shorter than its MTPD'))
    const conflicts = within(dashboard).getByTestId('rd-recovery-conflicts-list')
    expect(conflicts).toHaveTextContent('Take customer orders — RTO 7d is not shorter than MTPD 5d, in Main BCP')
    expect(within(conflicts).getByRole('link', { name: 'Take customer orders' })).toHaveAttribute('href', `/plans/${bcp}?item=${orders}`)
    const due = within(dashboard).getByTestId('rd-suppliers-due')
    expect(due).toHaveTextContent('Cloud hosting provider — last reviewed ' + formatDate(today))
    expect(due).toHaveTextContent("its own review interval (-5) is not a whole number of days from 1; the plan's 180 days are used until it is corrected")
    // The supplier register says so too, beside the interval it uses.
    view.unmount()
    renderApp(href.suppliers())
    expect(await screen.findByTestId('interval-problem')).toHaveTextContent('Review interval: its own review interval (-5) is not a whole number of days')
  })

  it('exports the review and due dates as an .ics file', async () => {
    const bcp = await createPlanFromTemplate(continuityTemplate, { title: 'Calendar, plan; one' })
    await updateItem(await itemId(bcp, 'Define the scope'), { due: addDays(today, 5) })
    const blobs: Blob[] = []
    Object.assign(URL, {
      createObjectURL: (b: Blob) => {
        blobs.push(b)
        return 'blob:test'
      },
      revokeObjectURL: () => undefined,
    })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined)
    const user = userEvent.setup()
    renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Export calendar (.ics)' }))
    await waitFor(() => expect(click).toHaveBeenCalled())
    const anchor = click.mock.contexts[0] as HTMLAnchorElement
    expect(anchor.download).toBe(`continuity-kit-dates-${today}.ics`)
    // jsdom's Blob has no text(); FileReader reads it.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsText(blobs[0] as Blob)
    })
    expect(text.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true)
    expect(text).toContain('SUMMARY:Review plan: Calendar\\, plan\\; one')
    expect(text).toContain(`DTSTART;VALUE=DATE:${addDays(today, 5).replace(/-/g, '')}`)
    expect(text).toContain('SUMMARY:Due: Define the scope')
    expect(await screen.findByText(/saved as a calendar file/)).toBeInTheDocument()
  })

  it('marks a supplier past its review date on its row in the supplier review, until it is reviewed', async () => {
    const sup = await createPlanFromTemplate(supplierReviewTemplate, { title: 'Suppliers 2026' })
    const cloud = await itemId(sup, 'Cloud hosting provider')
    await setItemValue(cloud, 'lastReviewed', addDays(today, -40))
    await setItemValue(cloud, 'reviewEveryDays', 30)
    renderApp(`/plans/${sup}`)
    const row = (await screen.findByRole('button', { name: 'Cloud hosting provider' })).closest('[data-testid="item"]') as HTMLElement
    await waitFor(() => expect(row).toHaveTextContent(`Needs review (due ${formatDate(addDays(today, -10))})`))
    // Date fields show in the user's locale, like every other date on screen.
    expect(row).toHaveTextContent(`Last reviewed: ${formatDate(addDays(today, -40))}`)
    // Suppliers reviewed within their interval carry no mark.
    const other = screen.getByRole('button', { name: 'Payment processor' }).closest('[data-testid="item"]') as HTMLElement
    expect(other).not.toHaveTextContent('Needs review')
    // One click records today's review; Undo puts the earlier date back.
    const user = userEvent.setup()
    await user.click(within(row).getByRole('button', { name: 'Mark Cloud hosting provider reviewed today' }))
    await waitFor(() => expect(row).not.toHaveTextContent('Needs review'))
    expect((await db.items.get(cloud))?.values.lastReviewed).toBe(today)
    await user.click(await screen.findByRole('button', { name: 'Undo' }))
    await waitFor(async () => expect((await db.items.get(cloud))?.values.lastReviewed).toBe(addDays(today, -40)))
    await waitFor(() => expect(row).toHaveTextContent('Needs review'))
  })
})
