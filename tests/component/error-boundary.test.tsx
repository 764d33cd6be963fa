import { render, screen } from '@testing-library/react'
import { afterEach, expect, test, vi } from 'vitest'
import { ErrorBoundary } from '../../src/app/error-boundary'

afterEach(() => vi.restoreAllMocks())

function Broken(): never {
  throw new Error('The plan row had no section')
}

test('a screen that fails to draw says so and offers a reload and a copy of the data', () => {
  // React reports the caught error on the console; keep the test output readable.
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  render(
    <ErrorBoundary>
      <Broken />
    </ErrorBoundary>,
  )
  expect(screen.getByRole('heading', { name: 'This screen could not be shown' })).toBeInTheDocument()
  expect(screen.getByText('The plan row had no section')).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Reload' })).toBeInTheDocument()
  expect(screen.getByRole('button', { name: 'Save a copy of all data' })).toBeInTheDocument()
})

test('a screen that draws is shown as it is', () => {
  render(
    <ErrorBoundary>
      <p>All well</p>
    </ErrorBoundary>,
  )
  expect(screen.getByText('All well')).toBeInTheDocument()
  expect(screen.queryByRole('alert')).toBeNull()
})
