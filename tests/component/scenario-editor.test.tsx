import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { db } from '../../src/db/database'
import { duplicateScenario } from '../../src/db/scenario-repository'
import { BUILTIN_SCENARIOS } from '../../src/templates/scenarios/index'
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
