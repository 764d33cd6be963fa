// The incident screen: declared from the home page, a supplier marked down shows the functions that
// stop with their RTO countdown, steps ticked with time and who, the incident log's own types, the
// update reminder, the banner on every page, closing into the review whose actions land in a plan.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '../../src/db/database'
import { listDrillEvents } from '../../src/db/drill-log-repository'
import { getDrill } from '../../src/db/drill-repository'
import { closeIncident, declareIncident, saveSeverities, setStatusLine, setSupplierDown } from '../../src/db/incident-repository'
import { listItems, setItemValue } from '../../src/db/checklist-repository'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { IMPACT_ANALYSIS_FIELDS, SUPPLIER_REGISTER_FIELDS } from '../../src/domain/section-roles'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

const MIN = 60_000

/** A plan with two response steps, a supplier register (one supplier on Azure) and an impact analysis. */
async function seed() {
  const planId = await createPlanFromTemplate(
    makeTemplate({
      title: 'Continuity',
      kind: 'continuity',
      sections: [
        {
          title: 'Response',
          guidance: '',
          items: [
            { text: 'Call the hosting provider', guidance: '', kind: 'step', phase: 'first-hour', role: 'Technical lead' },
            { text: 'Agree the holding statement', guidance: '', kind: 'step', phase: 'invoke', role: 'Communications lead' },
            { text: 'Buy a generator', guidance: '' },
          ],
        },
        {
          title: 'Suppliers',
          guidance: '',
          role: 'supplier-register',
          fields: [...SUPPLIER_REGISTER_FIELDS],
          items: [
            {
              text: 'CloudCo hosting',
              guidance: '',
              values: { platform: 'Microsoft Azure', supportLine: '+44 20 7946 0000', statusPage: 'https://status.example' },
            },
            { text: 'Mail service', guidance: '' },
          ],
        },
        {
          title: 'Impact analysis',
          guidance: '',
          role: 'impact-analysis',
          fields: [...IMPACT_ANALYSIS_FIELDS],
          items: [
            { text: 'Take customer orders', guidance: '', values: { rto: 120, workaround: 'Phone orders on paper' } },
            { text: 'Pay staff', guidance: '', values: { rto: 2880 } },
          ],
        },
        { title: 'Lessons learned', guidance: '', items: [{ text: 'Hold a review', guidance: '' }] },
      ],
    }),
  )
  const items = await listItems(planId)
  const id = (text: string) => items.find((i) => i.text === text)?.id ?? ''
  await setItemValue(id('Take customer orders'), 'suppliers', [id('CloudCo hosting')])
  await setItemValue(id('Pay staff'), 'suppliers', [id('Mail service')])
  return { planId, id }
}

afterEach(() => {
  vi.useRealTimers()
})

describe('the incident screen', () => {
  it('is declared from the home page in two clicks, with the plans that apply ticked, and shows on every page', async () => {
    const user = userEvent.setup()
    await seed()
    const app = renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Start incident' }))
    const dialog = await screen.findByRole('dialog', { name: 'Start incident' })
    expect(await within(dialog).findByRole('checkbox', { name: /Continuity/ })).toBeChecked()
    expect(await within(dialog).findByRole('radio', { name: /1 Critical/ })).toBeChecked()
    await user.type(within(dialog).getByLabelText('Title'), 'Hosting down')
    await user.click(within(dialog).getByRole('radio', { name: /2 Major/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Declare incident' }))

    expect(await screen.findByRole('heading', { name: 'Hosting down', level: 1 })).toBeInTheDocument()
    expect(app.location.history?.at(-1)).toMatch(/^\/incidents\//)
    const incident = (await db.drills.toArray())[0]
    expect(incident).toMatchObject({ mode: 'incident', status: 'running', scenario: null, incident: { severityLabel: '2 Major', updateEveryMinutes: 60 } })
    expect(within(screen.getByRole('timer', { name: 'Incident clock' })).getByTestId('elapsed')).toHaveTextContent(/^00:0\d$/)

    // The banner follows to every page.
    await user.click(screen.getByRole('link', { name: 'Drills' }))
    const banner = await screen.findByTestId('incident-banner')
    expect(banner).toHaveTextContent(/Incident open: Hosting down/)
    expect(banner).toHaveTextContent(/Next update due in (1 h|59 min)/)
  })

  it('declares with two clicks on a phone: no title needed, the time names it', async () => {
    const user = userEvent.setup()
    renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Start incident' }))
    const dialog = await screen.findByRole('dialog', { name: 'Start incident' })
    await within(dialog).findByRole('radio', { name: /1 Critical/ })
    await user.click(within(dialog).getByRole('button', { name: 'Declare incident' }))
    expect(await screen.findByRole('heading', { name: /^Incident declared /, level: 1 })).toBeInTheDocument()
    expect((await db.drills.toArray())[0]?.incident?.severityLabel).toBe('1 Critical')
  })

  it('shows what stops when a supplier or provider is down, each function counting down to its RTO', async () => {
    const user = userEvent.setup()
    const { planId } = await seed()
    const incidentId = await declareIncident({ title: 'Azure down', description: '', severity: 'sev-1', planIds: [planId], lead: 'Ana', logKeeper: 'Sam' })
    renderApp(`/incidents/${incidentId}`)
    expect(await screen.findByText(/Mark below what is down/)).toBeInTheDocument()

    await user.click(screen.getByRole('checkbox', { name: 'Microsoft Azure' }))
    const stopped = await screen.findAllByTestId('stopped-function')
    expect(stopped).toHaveLength(1)
    expect(stopped[0]).toHaveTextContent(/Take customer orders/)
    expect(stopped[0]).toHaveTextContent(/RTO reached in (1 h 59 min|2 h)/)
    expect(stopped[0]).toHaveTextContent(/Workaround: Phone orders on paper/)
    // The supplier on Azure is down with it, with its support line and status page.
    expect(screen.getByText(/Down: runs on|Support:/)).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '+44 20 7946 0000' })).toHaveAttribute('href', 'tel:+442079460000')
    expect((await getDrill(incidentId))?.incident?.affectedProviders).toEqual(['Microsoft Azure'])

    await user.click(screen.getByRole('checkbox', { name: 'Mail service' }))
    await waitFor(() => expect(screen.getAllByTestId('stopped-function')).toHaveLength(2))
  })

  it('flags a function past its RTO and reminds when an update is due', async () => {
    const { planId, id } = await seed()
    const incidentId = await declareIncident({ title: 'Azure down', description: '', severity: 'sev-1', planIds: [planId], lead: 'Ana', logKeeper: 'Sam' })
    await setSupplierDown(incidentId, id('CloudCo hosting'), true)
    // Declared 2 h 5 min ago: past the 2 h RTO and the 30 min update.
    const started = new Date(Date.now() - 125 * MIN).toISOString()
    await db.drills.update(incidentId, { startedAt: started, runningSince: started })
    renderApp(`/incidents/${incidentId}`)
    const fn = await screen.findByTestId('stopped-function')
    expect(fn).toHaveTextContent(/RTO passed 5 min ago/)
    expect(screen.getByRole('alert')).toHaveTextContent(/Update overdue by 1 h 35 min: send a status update now/)
    expect(document.title).toBe('⏰ Update due — Incident: Azure down — Continuity Kit')

    // Logging an update sent resets the cadence.
    const user = userEvent.setup()
    await user.click(screen.getByRole('button', { name: 'Log as sent' }))
    await waitFor(() => expect(screen.getAllByTestId('update-due')[0]).toHaveTextContent(/Next update due in 30 min/))
    const events = await listDrillEvents(incidentId)
    expect(events.map((e) => [e.type, e.text])).toEqual([['communication', 'Holding statement sent: Service disruption: Azure down']])
  })

  it('ticks response steps by phase with the time and who, and logs with the incident types', async () => {
    const user = userEvent.setup()
    const { planId } = await seed()
    const incidentId = await declareIncident({ title: 'Azure down', description: '', severity: 'sev-1', planIds: [planId], lead: 'Ana', logKeeper: 'Sam' })
    renderApp(`/incidents/${incidentId}`)
    const steps = await screen.findByRole('region', { name: /Response steps/ })
    await within(steps).findByRole('heading', { name: 'First hour' })
    expect(
      within(steps)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['Deciding to invoke', 'First hour'])
    expect(within(steps).queryByText('Buy a generator')).toBeNull()
    await user.click(within(steps).getByRole('checkbox', { name: 'Call the hosting provider' }))
    await waitFor(() => expect(within(steps).getByText(/Done at 00:0\d by Sam/)).toBeInTheDocument())
    expect(within(steps).getByText('Technical lead')).toBeInTheDocument()

    const field = screen.getByRole('textbox', { name: /^Log entry/ })
    await user.keyboard('{Alt>}4{/Alt}')
    expect(field).toHaveAccessibleName('Log entry (update sent)')
    await user.type(field, 'a: Failover started{Enter}')
    await waitFor(async () => expect((await listDrillEvents(incidentId)).map((e) => [e.type, e.text])).toContainEqual(['action', 'Failover started']))
    expect((await getDrill(incidentId))?.stepsUsed).toHaveLength(1)
  })

  it('closes into the review: actions become plan items pointing back at the incident', async () => {
    const user = userEvent.setup()
    const { planId } = await seed()
    const incidentId = await declareIncident({ title: 'Azure down', description: '', severity: 'sev-1', planIds: [planId], lead: 'Ana', logKeeper: 'Sam' })
    renderApp(`/incidents/${incidentId}`)
    await user.click(await screen.findByRole('button', { name: 'Close incident' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Close the incident?' })).getByRole('button', { name: 'Close incident' }))
    expect(await screen.findByRole('heading', { name: 'Post-incident review: Azure down' })).toBeInTheDocument()
    expect(screen.queryByTestId('incident-banner')).toBeNull()

    await user.type(screen.getByLabelText('What went well'), 'Phones worked')
    await user.tab()
    await waitFor(async () => expect((await getDrill(incidentId))?.incident?.review.wentWell).toBe('Phones worked'))
    const form = screen.getByRole('form', { name: 'New action' })
    await user.type(within(form).getByLabelText('Action'), 'Add a second hosting region')
    await user.type(within(form).getByLabelText('Owner'), 'Ana')
    await waitFor(() => expect(within(form).getByLabelText('Section')).toHaveDisplayValue('Lessons learned'))
    await user.click(within(form).getByRole('button', { name: 'Add action' }))
    await waitFor(async () => expect((await listItems(planId)).some((i) => i.text === 'Add a second hosting region')).toBe(true))
    const item = (await listItems(planId)).find((i) => i.text === 'Add a second hosting region')
    expect(item).toMatchObject({ owner: 'Ana', source: { kind: 'incident-action' } })
    expect(await screen.findByRole('link', { name: 'Add a second hosting region' })).toBeInTheDocument()

    // Moved to the trash: gone from the app, listed in the trash, its plan task kept.
    await user.click(screen.getByRole('button', { name: 'Move to trash' }))
    await user.click(within(screen.getByRole('dialog', { name: 'Move this incident to the trash?' })).getByRole('button', { name: 'Move to trash' }))
    await waitFor(async () => expect((await getDrill(incidentId))?.deletedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/))
    await user.click(screen.getByRole('link', { name: 'Trash' }))
    expect(await screen.findByTestId('trash-drill-row')).toHaveTextContent(/Incident.*Azure down.*Declared/)
    expect((await listItems(planId)).some((i) => i.text === 'Add a second hosting region')).toBe(true)
  })

  it('shows the status board and the report from the stored incident', async () => {
    const { planId, id } = await seed()
    const incidentId = await declareIncident({
      title: 'Azure down',
      description: 'Shop down',
      severity: 'sev-1',
      planIds: [planId],
      lead: 'Ana',
      logKeeper: 'Sam',
    })
    await setSupplierDown(incidentId, id('CloudCo hosting'), true)
    await setStatusLine(incidentId, 'Orders by phone')
    const board = renderApp(`/incidents/${incidentId}/board`)
    const view = await screen.findByTestId('status-board')
    await waitFor(() => expect(view).toHaveTextContent(/Take customer orders — RTO reached in (1 h 59 min|2 h)/))
    expect(view).toHaveTextContent(/Severity 1 Critical/)
    expect(view).toHaveTextContent(/Orders by phone/)
    expect(view).toHaveTextContent(/Next update due in (29|30) min/)
    board.unmount()

    await closeIncident(incidentId)
    renderApp(`/incidents/${incidentId}/report`)
    expect(await screen.findByRole('heading', { name: 'Incident report: Azure down' })).toBeInTheDocument()
    const fn = await screen.findByTestId('report-function')
    expect(fn).toHaveTextContent(/Take customer orders.*2h.*Within RTO, (1 h 59 min|2 h) to spare.*Phone orders on paper/)
    expect(await screen.findByText('Deciding to invoke')).toBeInTheDocument()
    expect(screen.queryByText(/still open/)).toBeNull()
  })

  it('edits the severity levels in Settings, refusing a level without a name with a clear message', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    const levels = await screen.findAllByTestId('severity-level')
    expect(levels).toHaveLength(3)
    const second = within(levels[1] as HTMLElement)
    await user.clear(second.getByLabelText('Update every (minutes)'))
    await user.type(second.getByLabelText('Update every (minutes)'), '45')
    await user.clear(second.getByLabelText('Name'))
    await user.click(screen.getByRole('button', { name: 'Save levels' }))
    expect(await screen.findByText(/Severity levels level 2: needs a name/)).toBeInTheDocument()
    expect(await db.settings.get('incidentSeverities')).toBeUndefined()
    await user.type(second.getByLabelText('Name'), 'Serious')
    await user.click(screen.getByRole('button', { name: 'Save levels' }))
    await waitFor(async () =>
      expect(JSON.parse((await db.settings.get('incidentSeverities'))?.value ?? '[]')[1]).toMatchObject({ name: 'Serious', updateEveryMinutes: 45 }),
    )
  })

  it('refuses severity levels that break the rules, and offers the saved ones at the next declaration', async () => {
    await expect(saveSeverities([{ id: 'a', name: '', definition: '', updateEveryMinutes: 1 }])).rejects.toThrow(/level 1: needs a name/)
    await saveSeverities([{ id: 'red', name: 'Red', definition: 'All hands', updateEveryMinutes: 15 }])
    const user = userEvent.setup()
    renderApp('/')
    await user.click(await screen.findByRole('button', { name: 'Start incident' }))
    expect(await screen.findByRole('radio', { name: /1 Red — updates every 15 min/ })).toBeChecked()
    await act(async () => undefined)
  })
})
