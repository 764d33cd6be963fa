// A field saved as you type keeps what the user typed when the save fails, says so and retries;
// and it tells the user when their typing and a change from elsewhere met.
import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { listItems } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { replayJournal } from '../../src/db/draft-replay'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { draftJournal, flushAll } from '../../src/ui/autosave'
import { reportSetAsideDrafts } from '../../src/ui/draft-recovery'
import { makeTemplate } from '../support/factories'
import { renderApp } from '../support/render-app'

async function openNotes() {
  const planId = await createPlanFromTemplate(makeTemplate({ title: 'Continuity' }))
  const item = (await listItems(planId)).find((i) => i.text === 'Name an incident lead')
  if (!item) throw new Error('no item')
  renderApp(`/plans/${planId}`)
  await userEvent.click(await screen.findByRole('button', { name: 'Name an incident lead' }))
  return { item, notes: screen.getByLabelText('Notes') }
}

beforeEach(() => localStorage.clear())

describe('a field saved as you type', () => {
  it('keeps the text when the save fails (a full disk), says it is not saved, and saves it on Retry', async () => {
    const user = userEvent.setup()
    const { item, notes } = await openNotes()
    const update = db.items.update.bind(db.items)
    const full = vi.spyOn(db.items, 'update').mockRejectedValue(new DOMException('The quota has been exceeded', 'QuotaExceededError'))
    await user.type(notes, 'Words that must not vanish')
    const alert = await screen.findByText(/Not saved — your text is kept here/)
    expect(alert).toHaveTextContent(/out of storage space/)
    // Leaving the field used to put the stored value back.
    await user.click(screen.getByLabelText('Evidence'))
    expect(notes).toHaveValue('Words that must not vanish')
    expect(draftJournal.get({ kind: 'item', id: item.id, field: 'notes' })?.value).toBe('Words that must not vanish')

    full.mockImplementation(update)
    // Leaving the field tried again (and failed again): the message is a new one.
    const again = await screen.findByText(/Not saved — your text is kept here/)
    await user.click(within(again).getByRole('button', { name: 'Retry' }))
    await waitFor(async () => expect((await db.items.get(item.id))?.notes).toBe('Words that must not vanish'))
    await waitFor(() => expect(screen.queryByText(/Not saved/)).not.toBeInTheDocument())
    expect(draftJournal.get({ kind: 'item', id: item.id, field: 'notes' })).toBeNull()
  })

  it('emptying a required field saves nothing: never the first letters typed on the way', async () => {
    const user = userEvent.setup()
    const { item } = await openNotes()
    const text = screen.getByLabelText('Item text')
    await user.clear(text)
    await user.type(text, 'Na')
    // Backspaced to nothing within the pause: "Na" was waiting to be saved.
    await user.clear(text)
    expect(await screen.findByText(/must not be empty/)).toBeInTheDocument()
    await act(() => flushAll())
    expect((await db.items.get(item.id))?.text).toBe('Name an incident lead')
    expect(text).toHaveValue('')
  })

  it('does not take its own saved words, stored trimmed, for a change made elsewhere', async () => {
    const user = userEvent.setup()
    renderApp('/settings')
    const name = await screen.findByLabelText('Organisation name')
    await user.type(name, 'Silva ')
    await waitFor(async () => expect(await db.settings.get('organisationName')).toMatchObject({ value: 'Silva' }))
    await user.type(name, 'Ltd')
    await waitFor(async () => expect(await db.settings.get('organisationName')).toMatchObject({ value: 'Silva Ltd' }))
    await act(() => flushAll())
    expect(screen.queryByText(/change made elsewhere|Changed elsewhere/)).not.toBeInTheDocument()
    expect(name).toHaveValue('Silva Ltd')
  })

  it('journals every keystroke before it is saved, and forgets it once written', async () => {
    const user = userEvent.setup()
    const { item, notes } = await openNotes()
    await user.type(notes, 'Hello')
    expect(draftJournal.get({ kind: 'item', id: item.id, field: 'notes' })).toMatchObject({ value: 'Hello', base: '', label: 'Notes' })
    await waitFor(async () => expect((await db.items.get(item.id))?.notes).toBe('Hello'))
    await waitFor(() => expect(draftJournal.get({ kind: 'item', id: item.id, field: 'notes' })).toBeNull())
  })

  it('keeps the typing over a change from elsewhere and, once saved, says what it replaced', async () => {
    const user = userEvent.setup()
    const { item, notes } = await openNotes()
    await user.type(notes, 'Mine')
    await act(() => db.items.update(item.id, { notes: 'From the other tab' }))
    await user.type(notes, ' too')
    expect(notes).toHaveValue('Mine too')
    await waitFor(async () => expect((await db.items.get(item.id))?.notes).toBe('Mine too'))
    expect(await screen.findByText('Saved over a change made elsewhere: “From the other tab”.')).toBeInTheDocument()
  })

  it('says so when a later change from elsewhere replaces what the user saved', async () => {
    const user = userEvent.setup()
    const { item, notes } = await openNotes()
    await user.type(notes, 'Mine')
    await user.click(screen.getByLabelText('Evidence'))
    await waitFor(async () => expect((await db.items.get(item.id))?.notes).toBe('Mine'))
    await act(() => db.items.update(item.id, { notes: 'Theirs, later' }))
    await waitFor(() => expect(notes).toHaveValue('Theirs, later'))
    expect(screen.getByText('Changed elsewhere; your text was “Mine”.')).toBeInTheDocument()
  })
})

describe('drafts that could not be written back', () => {
  it('are shown with their words at start-up, and go once copied', async () => {
    const user = userEvent.setup()
    draftJournal.record({
      target: { kind: 'item', id: 'deleted-item', field: 'notes' },
      value: 'Words for a deleted item',
      base: '',
      at: new Date().toISOString(),
      label: 'Notes',
    })
    await replayJournal(draftJournal)
    renderApp('/')
    act(() => reportSetAsideDrafts())
    expect(
      await screen.findByText(/Not saved: what you typed in Notes \(what it belonged to no longer exists\): “Words for a deleted item”/),
    ).toBeInTheDocument()
    const writeText = vi.fn(() => Promise.resolve())
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    await user.click(screen.getByRole('button', { name: 'Copy text and dismiss' }))
    expect(writeText).toHaveBeenCalledWith('Words for a deleted item')
    await waitFor(() => expect(draftJournal.aside()).toEqual([]))
  })
})
