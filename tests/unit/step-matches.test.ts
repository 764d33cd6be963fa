// Expected steps are matched to plan items once, when a drill starts, and then followed by id.
import { describe, expect, it } from 'vitest'
import type { Inject } from '../../src/domain/drill-model'
import { expectedSteps, matchExpectedSteps } from '../../src/domain/step-matches'
import { cloudDdosScenario } from '../../src/templates/scenarios/cloud-ddos'

const inject = (id: string, expectedSteps: string[]): Inject => ({
  id,
  offsetMinutes: 0,
  title: id,
  happens: '',
  playersTold: '',
  questions: [],
  expectedSteps,
})
const orders = inject('orders', ['Prepare paper forms for critical processes', 'Take customer orders', 'Phone the insurer'])
const items = [
  { id: 'i-forms', text: 'Prepare paper forms for critical processes' },
  { id: 'i-orders', text: 'Take customer orders' },
  { id: 'i-other', text: 'Back up the laptops' },
]

describe('matching expected steps to plan items', () => {
  it('stores one entry per item matched and one with no item for a step that matches nothing', () => {
    expect(matchExpectedSteps([orders], items)).toEqual([
      { injectId: 'orders', step: 0, itemId: 'i-forms' },
      { injectId: 'orders', step: 1, itemId: 'i-orders' },
      { injectId: 'orders', step: 2, itemId: null },
    ])
  })

  it('follows a matched item by id after it is renamed, under its new name', () => {
    const matches = matchExpectedSteps([orders], items)
    const renamed = items.map((i) => (i.id === 'i-orders' ? { ...i, text: 'Webshop orders' } : i))
    const [, step, missing] = expectedSteps(matches, orders, renamed)
    expect(step).toEqual({ kind: 'items', words: 'Take customer orders', items: [{ id: 'i-orders', text: 'Webshop orders' }] })
    expect(missing).toEqual({ kind: 'not-found', words: 'Phone the insurer', removed: false })
  })

  it('says a step is not found once its item has left the plans', () => {
    const matches = matchExpectedSteps([orders], items)
    const [forms] = expectedSteps(
      matches,
      orders,
      items.filter((i) => i.id !== 'i-forms'),
    )
    expect(forms).toEqual({ kind: 'not-found', words: 'Prepare paper forms for critical processes', removed: true })
  })

  it('matches by words, as before, for a drill started before matches were stored', () => {
    const [forms, , missing] = expectedSteps([], orders, items)
    expect(forms).toEqual({ kind: 'by-words', words: 'Prepare paper forms for critical processes', items: [items[0]] })
    expect(missing).toEqual({ kind: 'by-words', words: 'Phone the insurer', items: [] })
  })

  it('keeps within the stored limit for the largest scenario, best match per step', () => {
    const big = Array.from({ length: 50 }, (_, n) =>
      inject(
        `i${n}`,
        Array.from({ length: 20 }, () => 'Take customer orders'),
      ),
    )
    const many = [1, 2, 3].map((n) => ({ id: `o${n}`, text: 'Take customer orders' }))
    const matches = matchExpectedSteps(big, many)
    expect(matches).toHaveLength(1_000)
    expect(new Set(matches.map((m) => `${m.injectId}/${m.step}`)).size).toBe(1_000)
  })

  it('matches every expected step of the built-in DDoS drill that names an item of the plan', () => {
    const matches = matchExpectedSteps(cloudDdosScenario.injects, items)
    expect(matches.filter((m) => m.itemId !== null).map((m) => m.itemId)).toEqual(['i-forms', 'i-orders'])
  })
})
