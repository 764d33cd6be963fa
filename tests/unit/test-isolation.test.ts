// The test setup itself: what one test changes in UI stores and globals is gone in the next, so a
// test passes or fails on its own. The two tests of each pair run in order.
import { describe, expect, it } from 'vitest'
import { useChecklistUi } from '../../src/features/plan-editor/checklist-store'
import { useToasts } from '../../src/ui/toast-store'

describe('UI stores start from their first state in every test', () => {
  it('a test folds a section and leaves a message', () => {
    useChecklistUi.setState({ collapsed: new Set(['section-1']) })
    useToasts.getState().show({ text: 'Saved', tone: 'info' })
    expect(useChecklistUi.getState().collapsed.has('section-1')).toBe(true)
    expect(useToasts.getState().toasts).toHaveLength(1)
  })

  it('the next test sees neither', () => {
    expect(useChecklistUi.getState().collapsed.size).toBe(0)
    expect(useToasts.getState().toasts).toHaveLength(0)
  })
})

describe('globals a test replaces are put back', () => {
  const original = URL.createObjectURL
  it('a test replaces URL.createObjectURL', () => {
    Object.assign(URL, { createObjectURL: () => 'blob:test' })
    expect(URL.createObjectURL(new Blob())).toBe('blob:test')
  })

  it('the next test has the original', () => {
    expect(URL.createObjectURL).toBe(original)
  })
})
