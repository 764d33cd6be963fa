// The plan page's live items: read once, then patched row by row as rows change, here or in
// another tab, always ending as stored and in order.
import { Dexie } from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { addItem, deleteItem, listItems, listSections, moveItem, updateItem } from '../../src/db/checklist-repository'
import { db } from '../../src/db/database'
import { watchPlanItems, type PlanItems } from '../../src/db/plan-items-watch'
import { createPlanFromTemplate } from '../../src/db/plan-repository'
import { makeTemplate, orderKey } from '../support/factories'

let stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops) stop()
  stops = []
})

/** Watches a plan; `next()` waits for the next delivery after now. */
function watch(planId: string) {
  const seen: PlanItems[] = []
  const errors: unknown[] = []
  let wake: (() => void) | null = null
  stops.push(
    watchPlanItems(
      planId,
      (items) => {
        seen.push(items)
        wake?.()
      },
      (e) => errors.push(e),
    ),
  )
  return {
    seen,
    errors,
    latest: () => seen.at(-1),
    next: (after = seen.length) =>
      new Promise<PlanItems>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no update within 2 s')), 2000)
        const check = () => {
          const got = seen[after]
          if (got) {
            clearTimeout(timer)
            wake = null
            resolve(seen.at(-1) ?? got)
          }
        }
        wake = check
        check()
      }),
  }
}

const list = (items: PlanItems, sectionId: string) => items.bySection.get(sectionId) ?? []
const texts = (items: PlanItems, sectionId: string) => list(items, sectionId).map((i) => i.text)
const nth = <T>(xs: readonly T[], i: number): T => {
  const x = xs[i]
  if (x === undefined) throw new Error(`no element ${i}`)
  return x
}
/** The plan's section ids, in order. */
async function sectionIds(planId: string): Promise<[string, string]> {
  const sections = await listSections(planId)
  return [nth(sections, 0).id, nth(sections, 1).id]
}

describe('watchPlanItems', () => {
  it("reads the plan's items by section, in order, and none of another plan", async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    await createPlanFromTemplate(makeTemplate({ title: 'Other' }))
    const [prep, bia] = await sectionIds(id)
    const w = watch(id)
    const items = await w.next(0)
    expect(items.total).toBe(4)
    expect(texts(items, prep)).toEqual(['Name an incident lead', 'Keep a printed copy', 'Agree severity levels'])
    expect(texts(items, bia)).toEqual(['Take orders'])
  })

  it("after a toggle only that item's section is new; the other sections keep their arrays", async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep, bia] = await sectionIds(id)
    const w = watch(id)
    const before = await w.next(0)
    const target = nth(list(before, prep), 1)
    const pending = w.next()
    await updateItem(target.id, { status: 'done' })
    const after = await pending
    expect(list(after, prep).map((i) => i.status)).toEqual(['open', 'done', 'open'])
    expect(after.bySection.get(prep)).not.toBe(before.bySection.get(prep))
    expect(after.bySection.get(bia)).toBe(before.bySection.get(bia))
    expect(after.total).toBe(4)
  })

  it('keeps the order through adds, moves and deletes, as stored', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep] = await sectionIds(id)
    const w = watch(id)
    const first = await w.next(0)
    const a = nth(list(first, prep), 0)
    const b = nth(list(first, prep), 1)
    let pending = w.next()
    await addItem(prep, 'Added last')
    expect(texts(await pending, prep)).toEqual(['Name an incident lead', 'Keep a printed copy', 'Agree severity levels', 'Added last'])
    pending = w.next()
    await moveItem(a.id, 1)
    expect(texts(await pending, prep)).toEqual(['Keep a printed copy', 'Name an incident lead', 'Agree severity levels', 'Added last'])
    pending = w.next()
    await deleteItem(b.id)
    const now = await pending
    expect(texts(now, prep)).toEqual(['Name an incident lead', 'Agree severity levels', 'Added last'])
    expect(now.total).toBe(4)
    const stored = (await listItems(id)).filter((i) => i.sectionId === prep).map((i) => i.text)
    expect(texts(now, prep)).toEqual(stored)
  })

  it('takes a change made through another connection to the database, as another tab has', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep] = await sectionIds(id)
    const w = watch(id)
    const first = await w.next(0)
    const target = nth(list(first, prep), 2)
    // Opened as the other tab's app opens it: its own connection, which announces what it wrote.
    const other = new Dexie(db.name)
    await other.open()
    try {
      const pending = w.next()
      await other.table('items').put({ ...target, status: 'blocked', text: 'Changed elsewhere' })
      const now = await pending
      expect(nth(list(now, prep), 2)).toMatchObject({ id: target.id, status: 'blocked', text: 'Changed elsewhere' })
    } finally {
      other.close()
    }
  })

  it('takes a change another tab made, announced on the channel Dexie uses between tabs', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep] = await sectionIds(id)
    const w = watch(id)
    const first = await w.next(0)
    const target = nth(list(first, prep), 1)
    // What a write through another connection announces, captured as it fires...
    const other = new Dexie(db.name)
    await other.open()
    let announced: unknown
    const capture = (parts: unknown) => (announced ??= structuredClone(parts))
    Dexie.on('storagemutated', capture)
    try {
      const pending = w.next()
      await other.table('items').put({ ...target, text: 'Changed elsewhere' })
      await pending
    } finally {
      Dexie.on.storagemutated.unsubscribe(capture)
      other.close()
    }
    // ...then the other tab's next write, straight to IndexedDB (this tab's Dexie sees nothing of it)
    // until the announcement arrives as a clone on the channel between tabs.
    const idb = db.backendDB()
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction('items', 'readwrite')
      tx.objectStore('items').put({ ...target, text: 'Changed again' })
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    const pending = w.next()
    const channel = new BroadcastChannel('x-storagemutated-1')
    channel.postMessage(announced)
    channel.close()
    expect(nth(list(await pending, prep), 1)).toMatchObject({ id: target.id, text: 'Changed again' })
  })

  it('delivers an item moved to another section once it is read in both, never in neither or in both', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep, bia] = await sectionIds(id)
    const w = watch(id)
    const first = await w.next(0)
    const moved = nth(list(first, prep), 0)
    const from = w.seen.length
    await db.items.update(moved.id, { sectionId: bia })
    const now = await w.next(from)
    expect(texts(now, bia)).toContain(moved.text)
    for (const items of w.seen.slice(from)) expect([...items.bySection.values()].flat().filter((i) => i.id === moved.id)).toHaveLength(1)
  })

  it('delivers a plan of no sections at once, empty and whole', async () => {
    const w = watch('no-such-plan')
    expect(await w.next(0)).toMatchObject({ complete: true, total: 0 })
  })

  it('reads everything again after a change to a range of rows', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const w = watch(id)
    await w.next(0)
    const pending = w.next()
    await db.items.clear()
    const now = await pending
    expect(now.total).toBe(0)
    expect([...now.bySection.values()].flat()).toEqual([])
  })

  it("shows the first sections of a long plan before the rest is read, with the plan's progress counted", async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep, bia] = await sectionIds(id)
    const pattern = nth(await listItems(id), 0)
    await db.items.bulkAdd(
      Array.from({ length: 250 }, (_, i) => ({
        ...pattern,
        id: `bulk-${i}`,
        sectionId: prep,
        order: orderKey(2_000 + i),
        status: i % 2 ? ('done' as const) : ('open' as const),
      })),
    )
    const w = watch(id)
    await w.next(1)
    const [partial, full] = w.seen
    expect(partial).toMatchObject({ complete: false, total: 254, counted: { total: 254, done: 125 } })
    expect(partial?.bySection.has(prep)).toBe(true)
    expect(partial?.bySection.has(bia)).toBe(false)
    expect(full).toMatchObject({ complete: true, total: 254 })
    expect(full && texts(full, bia)).toEqual(['Take orders'])
  })

  it('reads a section of thousands of items page by page, each item once, in order, also where orders repeat', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep, bia] = await sectionIds(id)
    const pattern = nth(await listItems(id), 0)
    // Orders repeat in threes, and 500 share one order across the 1,000-item page boundary.
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      ...pattern,
      id: `row-${String(i).padStart(4, '0')}`,
      sectionId: bia,
      order: orderKey(i >= 800 && i < 1300 ? 800 : Math.floor(i / 3) + 1000 * Number(i >= 1300)),
    }))
    await db.items.bulkAdd(rows)
    const w = watch(id)
    const full = await (async () => {
      for (;;) {
        const got = await w.next(w.seen.length)
        if (got.complete) return got
      }
    })().catch(async () => w.latest())
    const stored = (await listItems(id)).filter((i) => i.sectionId === bia)
    const shown = full ? list(full, bia) : []
    expect(shown).toHaveLength(2501)
    expect(new Set(shown.map((i) => i.id)).size).toBe(2501)
    expect(shown.map((i) => i.order)).toEqual(stored.map((i) => i.order))
    expect(full && texts(full, prep)).toHaveLength(3)
  })

  it('stops delivering once stopped', async () => {
    const id = await createPlanFromTemplate(makeTemplate())
    const [prep] = await sectionIds(id)
    const w = watch(id)
    await w.next(0)
    stops.pop()?.()
    const count = w.seen.length
    await addItem(prep, 'After stop')
    await new Promise((r) => setTimeout(r, 50))
    expect(w.seen.length).toBe(count)
    expect(w.errors).toEqual([])
  })
})
