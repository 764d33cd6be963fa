// Test setup: a real Dexie over fake-indexeddb, jest-dom matchers, a clean database per test.
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { afterEach, beforeEach, vi } from 'vitest'
import { act, cleanup, configure } from '@testing-library/react'
import { db } from '../src/db/database'

configure({ asyncUtilTimeout: 5000 })

beforeEach(async () => {
  await db.open()
  await Promise.all(db.tables.map((t) => t.clear()))
  // A page's storage (the draft journal, hints) lives as long as the worker's page, across files.
  if (typeof localStorage !== 'undefined') localStorage.clear()
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
})
// UI state lives in zustand stores: each test starts from their first state (see __mocks__).
vi.mock('zustand')
afterEach(() => {
  const resets = (globalThis as { __storeResets?: Set<() => void> }).__storeResets
  if (resets)
    act(() => {
      for (const reset of resets) reset()
    })
})

// Globals a test may replace (jsdom has no object URLs), put back after every test, with spies
// and timers, so no test depends on what another left behind.
const objectUrls = { createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL }
afterEach(() => {
  cleanup()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  vi.useRealTimers()
  Object.assign(URL, objectUrls)
})

// jsdom has no modal dialogs; the platform's behaviour that matters here is open/close.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true
  }
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false
  }
}
