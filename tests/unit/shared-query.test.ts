// One live read however many screens show it: the plan list and the dashboard share it.
import { describe, expect, it } from 'vitest'
import { createPlanFromTemplate, trashPlan } from '../../src/db/plan-repository'
import { listPlanSummaries } from '../../src/db/plan-queries'
import { sharedLiveQuery } from '../../src/db/shared-query'
import { makeTemplate } from '../support/factories'

const until = (check: () => boolean) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now()
    const poll = () => (check() ? resolve() : Date.now() - started > 3000 ? reject(new Error('timed out')) : setTimeout(poll, 10))
    poll()
  })

describe('a shared live query', () => {
  it('reads once per change for two subscribers, and both see each result', async () => {
    await createPlanFromTemplate(makeTemplate({ title: 'First' }))
    let reads = 0
    const query = sharedLiveQuery(() => {
      reads++
      return listPlanSummaries()
    })
    const seen: number[][] = [[], []]
    const stop = [0, 1].map((n) => query.subscribe(() => seen[n]?.push(query.current()?.length ?? -1)))
    await until(() => query.current()?.length === 1)
    const id = await createPlanFromTemplate(makeTemplate({ title: 'Second' }))
    await until(() => query.current()?.length === 2)
    await trashPlan(id)
    await until(() => query.current()?.length === 1)
    expect(reads).toBe(3)
    expect(seen[0]).toEqual(seen[1])
    expect(seen[0]?.at(-1)).toBe(1)
    for (const s of stop) s()
  })

  it('stops watching when nobody shows it, and forgets its result', async () => {
    await createPlanFromTemplate(makeTemplate())
    const query = sharedLiveQuery(listPlanSummaries)
    const stop = query.subscribe(() => undefined)
    await until(() => query.current() !== undefined)
    stop()
    expect(query.current()).toBeUndefined()
  })
})
