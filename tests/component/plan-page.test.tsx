import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { listItems } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { setUserName } from '../../src/db/settings-repository'
import { addDays, localDate } from '../../src/domain/dates'
import { useChecklistUi } from '../../src/features/plan-editor/checklist-store'
import { flushAll } from '../../src/ui/autosave'
import { href } from '../../src/ui/routes'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

async function openPlan() {
  const id = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
  const view = renderApp(`/plans/${id}`)
  await screen.findByRole('checkbox', { name: 'Name an incident lead' })
  return { id, ...view }
}

describe('the plan page', () => {
  it('ticks an item by its labelled checkbox and updates progress', async () => {
    const user = userEvent.setup()
    await openPlan()
    const box = screen.getByRole('checkbox', { name: 'Name an incident lead' })
    await user.click(box)
    await waitFor(async () => expect((await db.items.toArray()).find((i) => i.text === 'Name an incident lead')?.status).toBe('done'))
    expect(box).toBeChecked()
    expect(await screen.findByLabelText('Plan progress: 25%')).toBeInTheDocument()
    expect(screen.getByLabelText('Progress of Preparation: 33%')).toBeInTheDocument()
  })

  it('edits owner, notes and a typed field; rejects a duration that is not one', async () => {
    const user = userEvent.setup()
    await openPlan()
    await user.click(screen.getByRole('button', { name: 'Take orders' }))
    const rto = screen.getByLabelText('RTO')
    expect(rto).toHaveValue('4h')
    await user.clear(rto)
    await user.type(rto, 'soon')
    expect(await screen.findByText(/RTO: "soon" is not a duration/)).toBeInTheDocument()
    await user.tab()
    // Every save under way (or due after the pause) is written now: what is stored is final.
    await act(() => flushAll())
    let item = (await db.items.toArray()).find((i) => i.text === 'Take orders')
    expect(item?.values.rto).toBe(240)
    await user.clear(rto)
    await user.type(rto, '1d 2h')
    await user.type(screen.getAllByLabelText('Owner')[1] as HTMLElement, 'Priya')
    await user.type(screen.getByLabelText('Notes'), 'Phone orders fall back to paper.')
    await user.tab()
    await waitFor(async () => {
      item = (await db.items.toArray()).find((i) => i.text === 'Take orders')
      expect(item).toMatchObject({ owner: 'Priya', notes: 'Phone orders fall back to paper.', values: { rto: 26 * 60 } })
    })
    expect(screen.getByText('1d 2h')).toBeInTheDocument()
  })

  it('keeps what is being typed when another tab changes the same field', async () => {
    const user = userEvent.setup()
    await openPlan()
    await user.click(screen.getByRole('button', { name: 'Name an incident lead' }))
    const notes = screen.getByLabelText('Notes')
    await user.type(notes, 'Typed here')
    const item = (await db.items.toArray()).find((i) => i.text === 'Name an incident lead')
    await act(() => db.items.update(item?.id ?? '', { notes: 'Written elsewhere' }))
    await user.type(notes, ' and more')
    expect(notes).toHaveValue('Typed here and more')
  })

  it('filters by status and owner, and says how many items are shown', async () => {
    const user = userEvent.setup()
    const { id } = await openPlan()
    const items = await listItems(id)
    await db.items.update(items.find((i) => i.text === 'Keep a printed copy')?.id ?? '', { status: 'blocked', owner: 'Sam' })
    await screen.findByText('Blocked', { selector: '.badge *, .badge' })
    await user.selectOptions(screen.getByLabelText('Filter by status'), 'blocked')
    expect(screen.getAllByTestId('item')).toHaveLength(1)
    expect(screen.getByRole('status')).toHaveTextContent('1 of 4 items shown')
    await user.selectOptions(screen.getByLabelText('Filter by status'), 'all')
    await user.selectOptions(screen.getByLabelText('Filter by owner'), 'Sam')
    expect(screen.getAllByTestId('item').map((el) => el.textContent)).toEqual([expect.stringContaining('Keep a printed copy')])
  })

  it('moves an item down by keyboard and keeps focus on the button', async () => {
    const user = userEvent.setup()
    const { id } = await openPlan()
    const down = screen.getByRole('button', { name: 'Move item down: Name an incident lead' })
    down.focus()
    await user.keyboard('{Enter}')
    await waitFor(async () => {
      const texts = (await listItems(id)).filter((i) => i.values.rto === undefined).map((i) => i.text)
      expect(texts).toEqual(['Keep a printed copy', 'Name an incident lead', 'Agree severity levels'])
    })
    await waitFor(() => {
      const shown = within(screen.getAllByTestId('item')[1] as HTMLElement).getByRole('checkbox')
      expect(shown).toHaveAccessibleName('Name an incident lead')
    })
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName('Move item down: Name an incident lead'))
  })

  it('adds a section and an item', async () => {
    const user = userEvent.setup()
    await openPlan()
    await user.type(screen.getByLabelText('New section title'), 'Communications{Enter}')
    const input = await screen.findByLabelText('New item in Communications')
    await user.type(input, 'Draft a holding statement{Enter}')
    expect(await screen.findByRole('checkbox', { name: 'Draft a holding statement' })).toBeInTheDocument()
    expect(input).toHaveValue('')
  })

  it('marks the plan reviewed by the name set in Settings', async () => {
    const user = userEvent.setup()
    await setUserName('Ana Silva')
    await openPlan()
    await user.click(screen.getByRole('button', { name: 'Mark reviewed' }))
    expect(await screen.findByText(/by Ana Silva/)).toBeInTheDocument()
    const [plan] = await db.plans.toArray()
    expect(plan?.reviewedBy).toBe('Ana Silva')
  })

  it('refuses an empty title and keeps the stored one', async () => {
    const user = userEvent.setup()
    await openPlan()
    const title = screen.getByLabelText('Plan title')
    await user.clear(title)
    expect(await screen.findByText('Title must not be empty')).toBeInTheDocument()
    await user.tab()
    await act(() => flushAll())
    expect((await db.plans.toArray())[0]?.title).toBe('Continuity')
  })

  it('opens at the item a link points to: its section unfolded, details open, focus on it', async () => {
    const id = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
    const items = await listItems(id)
    const target = items.find((i) => i.text === 'Take orders')
    if (!target) throw new Error('no item')
    // The section was folded earlier; the link must still show the item.
    useChecklistUi.setState({ collapsed: new Set([target.sectionId]) })
    renderApp(`/plans/${id}?item=${target.id}`)
    const button = await screen.findByRole('button', { name: 'Take orders' })
    await waitFor(() => expect(button).toHaveFocus())
    expect(button).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByLabelText('RTO')).toHaveValue('4h')
    expect(button.closest('[data-testid="item"]')).toHaveClass('item-revealed')
  })

  it('opens a plan whose id has characters an address must encode (older imports kept such ids)', async () => {
    const id = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
    const odd = 'bcp:2024/a&b'
    const plan = await db.plans.get(id)
    if (!plan) throw new Error('no plan')
    await db.transaction('rw', db.plans, db.sections, db.items, async () => {
      await db.plans.add({ ...plan, id: odd, title: 'Odd id plan' })
      await db.sections.where('planId').equals(id).modify({ planId: odd })
      await db.items.where('planId').equals(id).modify({ planId: odd })
      await db.plans.delete(id)
    })
    renderApp(href.plan(odd))
    await waitFor(() => expect(screen.getByLabelText('Plan title')).toHaveValue('Odd id plan'))
    expect(screen.getByRole('checkbox', { name: 'Name an incident lead' })).toBeInTheDocument()
  })

  it('says only "Plan not found" when the plan of an item link is gone', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], shouldAdvanceTime: true })
    onTestFinished(() => void vi.useRealTimers())
    renderApp('/plans/gone?item=also-gone')
    expect(await screen.findByRole('heading', { name: 'Plan not found' })).toBeInTheDocument()
    // Whatever the page would do after a pause has been done.
    await act(() => vi.runAllTimersAsync())
    expect(screen.queryByText('The item that link points to is no longer in this plan.')).not.toBeInTheDocument()
  })

  it('says so when a link points to an item that is no longer there', async () => {
    const id = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
    renderApp(`/plans/${id}?item=gone`)
    expect(await screen.findByText('The item that link points to is no longer in this plan.')).toBeInTheDocument()
    expect(screen.getAllByTestId('item')).toHaveLength(4)
  })

  it('shows only the overdue items when the link asks for them', async () => {
    const id = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
    const items = await listItems(id)
    const overdue = items.find((i) => i.text === 'Keep a printed copy')
    await db.items.update(overdue?.id ?? '', { due: addDays(localDate(new Date()), -2) })
    // Its section was folded: the link unfolds it.
    useChecklistUi.setState({ collapsed: new Set([overdue?.sectionId ?? '']) })
    renderApp(`/plans/${id}?show=overdue`)
    await waitFor(() => expect(screen.getAllByTestId('item').map((el) => el.textContent)).toEqual([expect.stringContaining('Keep a printed copy')]))
    expect(screen.getByRole('checkbox', { name: 'Overdue only' })).toBeChecked()
    expect(screen.getByText(/1 of 4 items shown/)).toBeInTheDocument()
  })
})
