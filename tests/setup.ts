// Test setup: a real Dexie over fake-indexeddb, jest-dom matchers, a clean database per test.
import 'fake-indexeddb/auto'
import '@testing-library/jest-dom/vitest'
import { afterEach, beforeEach } from 'vitest'
import { cleanup } from '@testing-library/react'
import { db } from '../src/db/database'

beforeEach(async () => {
  await db.open()
  await Promise.all(db.tables.map((t) => t.clear()))
})
afterEach(() => cleanup())
