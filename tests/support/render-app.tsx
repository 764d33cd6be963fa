// Renders the whole app (or one route) at a path, with an in-memory location.
import { render } from '@testing-library/react'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { App } from '../../src/app/app'

export function renderApp(path = '/') {
  const location = memoryLocation({ path, record: true })
  const result = render(
    <Router hook={location.hook} searchHook={location.searchHook}>
      <App />
    </Router>,
  )
  return { ...result, location }
}
