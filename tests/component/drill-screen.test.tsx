// The drill screen: clock and current inject, release early, pause and resume, fast keyboard
// logging, the players' view showing only what players may see, and the hot wash turning a gap
// into a plan task.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { createDrill, getDrill } from '../../src/db/drill-repository'
import { listDrillEvents } from '../../src/db/drill-log-repository'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { parseEntry } from '../../src/features/drills/log-entry-form'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

async function startDrill() {
  const planId = await createPlanFromTemplate(makeTemplate({ title: 'Continuity', kind: 'continuity' }))
  const drillId = await createDrill({
    scenario: cloudDdosScenario,
    title: 'Tuesday drill',
    planIds: [planId],
    facilitator: 'Sam',
    participants: [{ name: 'Ana', role: 'Incident lead' }],
  })
  return { planId, drillId }
}

describe('the drill screen', () => {
  it('shows the clock, the current inject and the injects to come; releases one early', async () => {
    const user = userEvent.setup()
    const { drillId } = await startDrill()
    renderApp(`/drills/${drillId}`)
    expect(await screen.findByRole('heading', { name: 'Slow, then nothing' })).toBeInTheDocument()
    const clock = screen.getByRole('timer', { name: 'Drill clock' })
    expect(within(clock).getByTestId('elapsed')).toHaveTextContent(/^00:0\d$/)
    expect(within(clock).getByText('The status page admits a problem')).toBeInTheDocument()
    expect(screen.getByText('Running')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Release now: Customers start calling' }))
    expect(await screen.findByRole('heading', { name: 'Customers start calling' })).toBeInTheDocument()
    expect((await getDrill(drillId))?.released.map((r) => r.injectId)).toEqual(['cloud-ddos-3'])
    // The skipped inject is still the next one due.
    expect(within(clock).getByText('The status page admits a problem')).toBeInTheDocument()
  })

  it('pauses and resumes, with the state stored at once', async () => {
    const user = userEvent.setup()
    const { drillId } = await startDrill()
    renderApp(`/drills/${drillId}`)
    await user.click(await screen.findByRole('button', { name: 'Pause' }))
    expect(await screen.findByRole('button', { name: 'Resume' })).toBeInTheDocument()
    expect(screen.getByRole('status')).toHaveTextContent(/Paused/)
    expect(await getDrill(drillId)).toMatchObject({ status: 'paused', runningSince: null })
    await user.click(screen.getByRole('button', { name: 'Resume' }))
    expect(await screen.findByRole('button', { name: 'Pause' })).toBeInTheDocument()
    expect((await getDrill(drillId))?.status).toBe('running')
  })

  it('keeps what is typed in the log, not yet logged, through a reload of the screen', async () => {
    const user = userEvent.setup()
    const { drillId } = await startDrill()
    const first = renderApp(`/drills/${drillId}`)
    await user.type(await screen.findByRole('textbox', { name: /^Log entry/ }), 'Half a thought about the')
    expect(localStorage.getItem(`ck:log-typing:${drillId}:Log entry`)).toBe('Half a thought about the')
    first.unmount()
    renderApp(`/drills/${drillId}`)
    const field = await screen.findByRole('textbox', { name: /^Log entry/ })
    expect(field).toHaveValue('Half a thought about the')
    await user.type(field, ' DNS{Enter}')
    await waitFor(async () => expect((await listDrillEvents(drillId)).map((e) => e.text)).toEqual(['Half a thought about the DNS']))
    expect(field).toHaveValue('')
    expect(localStorage.getItem(`ck:log-typing:${drillId}:Log entry`)).toBeNull()
  })

  it('logs with Enter, switches type with Alt+digits or a prefix, and links a plan step', async () => {
    const user = userEvent.setup()
    const { drillId } = await startDrill()
    renderApp(`/drills/${drillId}`)
    const field = await screen.findByRole('textbox', { name: /^Log entry/ })
    await user.type(field, 'Ana leads the response{Enter}')
    await waitFor(() => expect(screen.getAllByTestId('log-entry')).toHaveLength(1))
    expect(field).toHaveValue('')
    expect(field).toHaveFocus()

    await user.keyboard('{Alt>}3{/Alt}')
    expect(screen.getByRole('radio', { name: /Gap/ })).toBeChecked()
    expect(field).toHaveAccessibleName('Log entry (gap)')
    await user.selectOptions(screen.getByLabelText('Plan step (optional)'), 'Keep a printed copy')
    await user.type(field, 'No printed copy of the plan{Enter}')
    await user.type(field, 'o: Status page checked after 20 minutes{Enter}')
    await waitFor(() => expect(screen.getAllByTestId('log-entry')).toHaveLength(3))

    const events = await listDrillEvents(drillId)
    expect(events.map((e) => [e.type, e.text, e.injectId])).toEqual([
      ['decision', 'Ana leads the response', 'cloud-ddos-1'],
      ['gap', 'No printed copy of the plan', 'cloud-ddos-1'],
      ['observation', 'Status page checked after 20 minutes', 'cloud-ddos-1'],
    ])
    const item = (await db.items.toArray()).find((i) => i.text === 'Keep a printed copy')
    expect(events[1]?.itemId).toBe(item?.id)
    expect(screen.getByText('Step: Keep a printed copy')).toBeInTheDocument()
  })

  it('corrects a log entry in place: words and type, Escape to drop, a clear refusal of empty text', async () => {
    const user = userEvent.setup()
    const { drillId } = await startDrill()
    const { addLogEntry } = await import('../../src/db/drill-log-repository')
    const id = await addLogEntry(drillId, { type: 'decision', text: 'Ana leads teh response' })
    renderApp(`/drills/${drillId}`)
    await user.click(await screen.findByRole('button', { name: 'Correct entry: Ana leads teh response' }))
    const text = screen.getByRole('textbox', { name: 'Entry text' })
    expect(text).toHaveFocus()
    await user.clear(text)
    await user.type(text, 'Ana leads the response')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Entry type' }), 'Observation')
    await user.type(text, '{Enter}')
    await waitFor(async () =>
      expect((await listDrillEvents(drillId)).find((e) => e.id === id)).toMatchObject({ text: 'Ana leads the response', type: 'observation' }),
    )
    // The focus returns to the entry.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Correct entry: Ana leads the response' })).toHaveFocus())

    // Escape drops a change; the log's type shortcuts leave the correction alone.
    await user.keyboard('{Enter}')
    await user.type(screen.getByRole('textbox', { name: 'Entry text' }), ' and more')
    await user.keyboard('{Alt>}3{/Alt}')
    expect(screen.getByRole('textbox', { name: 'Entry text' })).toHaveFocus()
    expect(screen.getByRole('radio', { name: /Decision/ })).toBeChecked()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('textbox', { name: 'Entry text' })).not.toBeInTheDocument()
    expect((await listDrillEvents(drillId)).find((e) => e.id === id)?.text).toBe('Ana leads the response')

    // Empty text is refused with a message, and nothing changes.
    await user.click(screen.getByRole('button', { name: 'Correct entry: Ana leads the response' }))
    await user.clear(screen.getByRole('textbox', { name: 'Entry text' }))
    await user.keyboard('{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('text: must not be empty')
    expect((await listDrillEvents(drillId)).find((e) => e.id === id)?.text).toBe('Ana leads the response')
    expect(screen.getByRole('textbox', { name: 'Entry text' })).toBeInTheDocument()
  })

  it('reads a type prefix only at the start', () => {
    expect(parseEntry('g: no deputy', 'decision')).toEqual({ type: 'gap', text: 'no deputy' })
    expect(parseEntry('D:Invoke the plan', 'gap')).toEqual({ type: 'decision', text: 'Invoke the plan' })
    expect(parseEntry('go to paper orders', 'decision')).toEqual({ type: 'decision', text: 'go to paper orders' })
  })

  it("the players' view shows released injects' words and the clock, nothing else", async () => {
    const { drillId } = await startDrill()
    renderApp(`/drills/${drillId}/players`)
    const view = await screen.findByTestId('players-view')
    expect(view).toHaveTextContent(/customer portal will not load/)
    expect(view).not.toHaveTextContent(/Staff report it in the chat/) // what happens, for the facilitator
    expect(view).not.toHaveTextContent(/Who is told first/) // questions
    expect(view).not.toHaveTextContent(/unexpected usage spike/) // the next inject
    expect(screen.getByRole('timer', { name: 'Drill clock' })).toBeInTheDocument()
    // A release in another tab (here: straight to the database) shows up live.
    const { releaseInject } = await import('../../src/db/drill-repository')
    await act(() => releaseInject(drillId, 'cloud-ddos-2').then(() => undefined))
    await waitFor(() => expect(screen.getByTestId('players-view')).toHaveTextContent(/unexpected usage spike/))
    expect(screen.getByRole('heading', { name: 'Update 2' })).toBeInTheDocument()
  })

  it('ends the drill into the hot wash, where a gap becomes a task in the plan', async () => {
    const user = userEvent.setup()
    const { planId, drillId } = await startDrill()
    renderApp(`/drills/${drillId}`)
    const field = await screen.findByRole('textbox', { name: /^Log entry/ })
    await user.type(field, 'g: Nobody had the supplier support number{Enter}')
    await waitFor(() => expect(screen.getAllByTestId('log-entry')).toHaveLength(1))
    await user.click(screen.getByRole('button', { name: 'End drill' }))
    await user.click(within(screen.getByRole('dialog', { name: 'End the drill?' })).getByRole('button', { name: 'End drill' }))
    expect(await screen.findByRole('heading', { name: 'Hot wash: Tuesday drill' })).toBeInTheDocument()

    await user.click(within(screen.getAllByTestId('objective')[0] as HTMLElement).getByRole('radio', { name: /Not met/ }))
    const finding = screen.getByTestId('finding')
    await user.type(within(finding).getByLabelText('Action'), 'Add supplier support numbers to the contact tree')
    await user.type(within(finding).getByLabelText('Owner'), 'Ana')
    await within(finding).findByRole('option', { name: 'Preparation' })
    await user.selectOptions(within(finding).getByLabelText('Section'), 'Preparation')
    await user.click(within(finding).getByRole('button', { name: 'Add action' }))
    expect(await within(finding).findByText('Add supplier support numbers to the contact tree')).toBeInTheDocument()

    const item = (await db.items.where('planId').equals(planId).toArray()).find((i) => i.text === 'Add supplier support numbers to the contact tree')
    const section = (await db.sections.where('planId').equals(planId).toArray()).find((s) => s.title === 'Preparation')
    expect(item).toMatchObject({ owner: 'Ana', sectionId: section?.id, source: { kind: 'drill-finding' } })
    expect((await getDrill(drillId))?.ratings[0]?.rating).toBe('not-met')
  })
})

describe('the drill programme and the way back from a plan task', () => {
  it('flags plans never exercised and dates those that were', async () => {
    const { drillId } = await startDrill()
    await createPlanFromTemplate(makeTemplate({ title: 'Never tested' }))
    const { endDrill } = await import('../../src/db/drill-repository')
    await endDrill(drillId)
    renderApp('/drills')
    const rows = await screen.findAllByTestId('exercised-row')
    const text = (title: string) => rows.find((r) => r.textContent?.includes(title))?.textContent ?? ''
    expect(text('Never tested')).toMatch(/Never exercised/)
    expect(text('Continuity')).not.toMatch(/Never exercised/)
    expect(screen.getByRole('link', { name: 'Tuesday drill' })).toHaveAttribute('href', `/drills/${drillId}/report`)
    expect(screen.getAllByRole('button', { name: /^Start drill: / }).length).toBeGreaterThanOrEqual(4)
  })

  it('a plan task made from a finding links to the drill report', async () => {
    const user = userEvent.setup()
    const { planId, drillId } = await startDrill()
    const { addLogEntry } = await import('../../src/db/drill-log-repository')
    const { createFindingAction } = await import('../../src/db/finding-repository')
    const gap = await addLogEntry(drillId, { type: 'gap', text: 'No deputy for the incident lead' })
    const section = await db.sections.where('planId').equals(planId).first()
    if (!section) throw new Error('no section')
    await createFindingAction(gap, { text: 'Name a deputy', owner: '', due: null, planId, sectionId: section.id })
    // A finding with an action stays a finding: it may change kind, not become a decision.
    const { updateLogEntry } = await import('../../src/db/drill-log-repository')
    await expect(updateLogEntry(gap, { type: 'decision' })).rejects.toThrow(
      'This entry has actions in a plan; it can become a gap or an observation, not a decision',
    )
    await updateLogEntry(gap, { type: 'observation' })
    expect((await listDrillEvents(drillId)).find((e) => e.id === gap)?.type).toBe('observation')
    const { location } = renderApp(`/plans/${planId}`)
    const link = await screen.findByRole('link', { name: /^Tuesday drill, \d{4}-\d{2}-\d{2}$/ })
    await user.click(link)
    // The link resolves the finding to its drill and opens the report at it (the browser test follows it there).
    await waitFor(() => expect(location.history?.at(-1)).toBe(`/drills/${drillId}/report#finding-${gap}`))
    renderApp(`/drills/${drillId}/report`)
    expect(await screen.findByRole('heading', { name: 'After-action report: Tuesday drill' })).toBeInTheDocument()
    expect(screen.getByTestId('report-action')).toHaveTextContent(/Name a deputy.*Continuity.*Open/)
  })

  it('moves a deleted drill to the trash, where it stops counting as an exercise until restored', async () => {
    const user = userEvent.setup()
    const { drillId } = await startDrill()
    const { addLogEntry } = await import('../../src/db/drill-log-repository')
    const { endDrill } = await import('../../src/db/drill-repository')
    await addLogEntry(drillId, { type: 'decision', text: 'Switch to the phone tree' })
    await endDrill(drillId)
    const view = renderApp('/drills')
    await user.click(await screen.findByRole('button', { name: 'Delete drill: Tuesday drill' }))
    await user.click(screen.getByRole('button', { name: 'Move to trash' }))
    expect(await screen.findByText('"Tuesday drill" moved to the trash.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('link', { name: 'Tuesday drill' })).not.toBeInTheDocument())
    // Its plan is back to never exercised; the drill and its log are still stored.
    const row = (await screen.findAllByTestId('exercised-row')).find((r) => r.textContent?.includes('Continuity'))
    expect(row).toHaveTextContent(/Never exercised/)
    expect((await getDrill(drillId))?.deletedAt).toEqual(expect.any(String))
    expect((await listDrillEvents(drillId)).length).toBeGreaterThan(0)
    view.unmount()

    renderApp('/trash')
    const trashed = await screen.findByTestId('trash-drill-row')
    expect(trashed).toHaveTextContent('Tuesday drill')
    await user.click(within(trashed).getByRole('button', { name: 'Restore Tuesday drill' }))
    await waitFor(() => expect(screen.queryByTestId('trash-drill-row')).not.toBeInTheDocument())
    expect((await getDrill(drillId))?.deletedAt).toBeNull()
  })

  it('removes a drill for good only from the trash', async () => {
    const { drillId } = await startDrill()
    const { purgeDrill, trashDrill } = await import('../../src/db/drill-repository')
    await expect(purgeDrill(drillId)).rejects.toThrow('Only a drill in the trash can be removed for good')
    await trashDrill(drillId)
    const user = userEvent.setup()
    renderApp('/trash')
    await user.click(within(await screen.findByTestId('trash-drill-row')).getByRole('button', { name: 'Remove for good Tuesday drill' }))
    await user.click(screen.getByRole('button', { name: 'Remove for good' }))
    await waitFor(async () => expect(await getDrill(drillId)).toBeUndefined())
    expect(await listDrillEvents(drillId)).toEqual([])
    expect(await screen.findByText(/The trash is empty/)).toBeInTheDocument()
  })
})
