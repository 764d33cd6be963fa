import { act, render, screen, waitFor } from '@testing-library/react'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DashboardSlot } from '../../src/app/dashboard-slot'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { makeTemplate } from '../support/factories'

// The app's own stylesheet, so that what it hides is hidden here too.
const styles = readFileSync(path.join(__dirname, '../../src/app/styles.css'), 'utf8')
let sheet: HTMLStyleElement
beforeEach(() => {
  sheet = document.createElement('style')
  sheet.textContent = styles
  document.head.append(sheet)
})
afterEach(() => sheet.remove())

/** The home page's order: the dashboard's slot, then the plan list. */
function Home({ dashboard }: { dashboard: boolean }) {
  return (
    <section>
      <DashboardSlot>{dashboard && <section aria-label="Readiness">figures</section>}</DashboardSlot>
      <ul aria-label="Plan list">
        <li>A plan</li>
      </ul>
    </section>
  )
}

describe('the room for the readiness dashboard', () => {
  it('keeps the plan list unseen until the dashboard is above it, so the list never moves down under the reader', async () => {
    await createPlanFromTemplate(makeTemplate({ title: 'Main BCP' }))
    const { rerender } = render(<Home dashboard={false} />)
    const list = screen.getByRole('list', { hidden: true })
    // The plans are read and the dashboard's code or figures are still on their way.
    await act(() => new Promise((resolve) => setTimeout(resolve, 100)))
    expect(list).not.toBeVisible()
    rerender(<Home dashboard />)
    await waitFor(() => expect(list).toBeVisible())
    expect(screen.getByRole('region', { name: 'Readiness' })).toBeVisible()
  })

  it('shows the list at once when there are no plans, hence no dashboard to wait for', async () => {
    render(<Home dashboard={false} />)
    await waitFor(() => expect(screen.getByRole('list', { hidden: true })).toBeVisible())
  })

  it('shows the list anyway when the dashboard is slow to come', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true })
    await createPlanFromTemplate(makeTemplate({ title: 'Main BCP' }))
    render(<Home dashboard={false} />)
    const list = screen.getByRole('list', { hidden: true })
    await act(() => vi.advanceTimersByTimeAsync(2500))
    expect(list).not.toBeVisible()
    await act(() => vi.advanceTimersByTimeAsync(600))
    expect(list).toBeVisible()
  })
})
