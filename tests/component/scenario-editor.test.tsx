import { act, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { duplicateScenario } from '../../src/db/scenario-repository'
import { BUILTIN_SCENARIOS } from '../../src/templates/scenarios/index'
import { draftJournal } from '../../src/ui/autosave'
import { renderApp } from '../support/render-app'

async function openCopy() {
  const builtIn = BUILTIN_SCENARIOS[0]
  if (!builtIn) throw new Error('no built-in scenario')
  const id = await duplicateScenario(builtIn)
  renderApp(`/drills/scenarios/${id}`)
  await screen.findByRole('form', { name: 'Edit scenario' })
  return id
}

describe('the scenario editor', () => {
  it('saves edits a moment after typing, without a save button', async () => {
    const user = userEvent.setup()
    const id = await openCopy()
    expect(screen.queryByRole('button', { name: /save/i })).not.toBeInTheDocument()
    const title = screen.getByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Our own outage drill')
    await waitFor(async () => expect((await db.scenarios.get(id))?.title).toBe('Our own outage drill'))
    expect(await screen.findByText('All changes saved')).toBeInTheDocument()
  })

  it('says why a draft cannot be saved yet, and keeps the stored version', async () => {
    const user = userEvent.setup()
    const id = await openCopy()
    const before = (await db.scenarios.get(id))?.title
    await user.clear(screen.getByLabelText('Title'))
    expect(await screen.findByText(/^Not saved yet — title: must not be empty/)).toBeInTheDocument()
    expect((await db.scenarios.get(id))?.title).toBe(before)
  })
})

describe('the scenario editor in two tabs', () => {
  it('writes only the fields it changed: a summary written elsewhere survives a title typed here', async () => {
    const user = userEvent.setup()
    const id = await openCopy()
    const title = screen.getByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Title from this tab')
    await act(() => db.scenarios.update(id, { summary: 'Summary from the other tab' }))
    await waitFor(async () => expect((await db.scenarios.get(id))?.title).toBe('Title from this tab'))
    expect((await db.scenarios.get(id))?.summary).toBe('Summary from the other tab')
    await waitFor(() => expect(screen.getByLabelText('Summary')).toHaveValue('Summary from the other tab'))
  })

  it('when the other tab writes the same field later, shows its value and says this edit was replaced', async () => {
    const user = userEvent.setup()
    const id = await openCopy()
    const title = screen.getByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Ours')
    await waitFor(async () => expect((await db.scenarios.get(id))?.title).toBe('Ours'))
    await act(() => db.scenarios.update(id, { title: 'Theirs, later', updatedAt: new Date().toISOString() }))
    await waitFor(() => expect(title).toHaveValue('Theirs, later'))
    expect(await screen.findByText('Changed in another tab, replacing your edit: Title.')).toBeInTheDocument()
  })

  it('keeps unsaved typing over a change from elsewhere, saves it (the later one wins) and says so', async () => {
    const user = userEvent.setup()
    const id = await openCopy()
    const title = screen.getByLabelText('Title')
    await user.clear(title)
    await user.type(title, 'Typed')
    await act(() => db.scenarios.update(id, { title: 'From elsewhere' }))
    await user.type(title, ' here')
    expect(title).toHaveValue('Typed here')
    await waitFor(async () => expect((await db.scenarios.get(id))?.title).toBe('Typed here'))
    expect(await screen.findByText('Your scenario edit was saved over a change made elsewhere to: Title.')).toBeInTheDocument()
  })

  it('keeps an edit that cannot be saved yet in the draft journal, so a reload does not lose it', async () => {
    const user = userEvent.setup()
    const id = await openCopy()
    await user.type(screen.getByLabelText('Objectives (one per line)'), '\nA new objective')
    await user.clear(screen.getByLabelText('Title'))
    expect(await screen.findByText(/^Not saved yet — title: must not be empty/)).toBeInTheDocument()
    const entry = draftJournal.get({ kind: 'scenario', id })
    expect(entry?.value).toMatchObject({ title: '', objectives: expect.stringContaining('A new objective') })
  })
})
