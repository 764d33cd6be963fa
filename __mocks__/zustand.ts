// Every zustand store made during a test is put back to its first state after the test (the
// pattern zustand's own testing guide describes), so no test sees another's filters or toasts.
import { act } from '@testing-library/react'
import { afterEach, vi } from 'vitest'
import type * as Zustand from 'zustand'

const { create: actualCreate } = await vi.importActual<typeof Zustand>('zustand')

const resets = new Set<() => void>()

function createAndRemember<T>(initializer: Zustand.StateCreator<T>): Zustand.UseBoundStore<Zustand.StoreApi<T>> {
  const store = actualCreate(initializer)
  const first = store.getInitialState()
  resets.add(() => store.setState(first, true))
  return store
}

export const create = (<T>(initializer?: Zustand.StateCreator<T>) =>
  initializer === undefined ? createAndRemember : createAndRemember(initializer)) as typeof Zustand.create

afterEach(() => {
  act(() => {
    for (const reset of resets) reset()
  })
})
