// Every zustand store made during a test is put back to its first state after the test (the
// pattern zustand's own testing guide describes), so no test sees another's filters or toasts.
// tests/setup.ts runs the resets after every test: a test file that shares its modules with the
// files before it (isolate: false) loads this module once, so a hook registered here would run
// for the first file only.
import { vi } from 'vitest'
import type * as Zustand from 'zustand'

const { create: actualCreate } = await vi.importActual<typeof Zustand>('zustand')

const resets = ((globalThis as { __storeResets?: Set<() => void> }).__storeResets ??= new Set<() => void>())

function createAndRemember<T>(initializer: Zustand.StateCreator<T>): Zustand.UseBoundStore<Zustand.StoreApi<T>> {
  const store = actualCreate(initializer)
  const first = store.getInitialState()
  resets.add(() => store.setState(first, true))
  return store
}

export const create = (<T>(initializer?: Zustand.StateCreator<T>) =>
  initializer === undefined ? createAndRemember : createAndRemember(initializer)) as typeof Zustand.create
