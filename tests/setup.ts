// Test setup: a real Dexie over fake-indexeddb, jest-dom matchers, a clean database per test.
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { afterEach, beforeEach, vi } from 'vitest'
import { cleanup, configure } from '@testing-library/react'
import { db } from '../src/db/database'

configure({ asyncUtilTimeout: 5000 })

beforeEach(async () => {
  await db.open()
  await Promise.all(db.tables.map((t) => t.clear()))
})
// UI state lives in zustand stores: each test starts from their first state (see __mocks__).
vi.mock('zustand')

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
