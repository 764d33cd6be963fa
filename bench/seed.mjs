// A long plan for the benches: a blank plan made through the UI, with one item added through the UI
// as the pattern for the rows' shapes, then `n` items over `sections` sections written straight into
// IndexedDB in one transaction. Orders are fractional keys (strings) made by the library the app
// uses, or numbers where the pattern's order is one (data models before v5).
import { generateNKeysBetween } from 'fractional-indexing'
import { evaluateWithIdb } from './in-page.mjs'

/** On the app's home page (service worker in control): makes the plan; returns its URL, id and how the seed went. */
export async function seededPlan(page, n, sections = 10) {
  await page.getByRole('button', { name: 'New plan' }).click()
  await page.getByRole('radio', { name: /Blank plan/ }).check()
  await page.getByRole('button', { name: 'Create plan' }).click()
  await page.waitForURL(/\/plans\/[^/]+$/)
  const planUrl = page.url()
  const planId = decodeURIComponent(new URL(planUrl).pathname.split('/').pop())
  const addItem = page.getByPlaceholder(/^New item in /).first()
  await addItem.fill('Pattern item')
  await addItem.press('Enter')
  await page.getByTestId('item').first().waitFor()
  // The last section's order, to put the other sections' keys after it.
  const first = await page.evaluate(async (planId) => {
    const db = await new Promise((resolve, reject) => {
      const r = indexedDB.open('continuity-kit')
      r.onsuccess = () => resolve(r.result)
      r.onerror = () => reject(r.error)
    })
    try {
      const all = await new Promise((resolve) => (db.transaction('sections').objectStore('sections').getAll().onsuccess = (e) => resolve(e.target.result)))
      return all
        .filter((s) => s.planId === planId)
        .map((s) => s.order)
        .sort()
        .at(-1)
    } finally {
      db.close()
    }
  }, planId)
  const keys =
    typeof first === 'string'
      ? { sections: generateNKeysBetween(first, null, sections - 1), items: generateNKeysBetween(null, null, Math.ceil(n / sections)) }
      : null
  const seed = await evaluateWithIdb(page, seedPlan, { planId, n, sections, keys })
  return { planUrl, planId, seed }
}

/**
 * Runs in the page: takes the plan the UI made (one section, one item added through the UI) as the
 * pattern for the row shapes, and writes `n` items over `sections` sections straight into IndexedDB,
 * in one transaction (the UI-made item is replaced by them).
 */
export async function seedPlan({ planId, n, sections, keys = null }) {
  const t0 = performance.now()
  const req = globalThis.ckRequest
  const db = await req(indexedDB.open('continuity-kit'))
  try {
    const tx = db.transaction(['plans', 'sections', 'items'], 'readwrite')
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve
      tx.onerror = () => reject(tx.error)
      tx.onabort = () => reject(tx.error ?? new Error('seed transaction aborted'))
    })
    const plans = tx.objectStore('plans')
    const sectionStore = tx.objectStore('sections')
    const itemStore = tx.objectStore('items')
    const plan = await req(plans.get(planId))
    if (!plan) throw new Error(`plan ${planId} is not in IndexedDB`)
    const existingSections = (await req(sectionStore.getAll()))
      .filter((s) => s.planId === planId)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    const existingItems = (await req(itemStore.getAll())).filter((i) => i.planId === planId)
    const sectionPattern = existingSections[0]
    const itemPattern = existingItems[0]
    if (!sectionPattern || !itemPattern) throw new Error('expected one section and one item made through the UI')
    const now = new Date().toISOString()
    const step = keys ? 0 : (existingSections[1]?.order ?? sectionPattern.order * 2) - sectionPattern.order || 1024
    const sectionRows = [...existingSections]
    for (let s = existingSections.length; s < sections; s++) {
      const row = {
        ...structuredClone(sectionPattern),
        id: crypto.randomUUID(),
        order: keys ? keys.sections[s - existingSections.length] : sectionPattern.order + s * step,
        title: `Section ${s + 1}: recovery of service ${s + 1}`,
        updatedAt: now,
      }
      sectionStore.put(row)
      sectionRows.push(row)
    }
    for (const item of existingItems) itemStore.delete(item.id)
    const owners = ['Alex Morgan', 'Sam Patel', 'Jo Schmidt', 'Chris Okafor', 'Robin Larsen', 'Kim Tanaka', 'Lee Dubois', 'Pat Novak']
    const perSection = Math.ceil(n / sectionRows.length)
    for (let i = 0; i < n; i++) {
      const s = Math.floor(i / perSection)
      const k = i % perSection
      const due = i % 9 === 0 ? `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}` : null
      itemStore.put({
        ...structuredClone(itemPattern),
        id: crypto.randomUUID(),
        planId,
        sectionId: sectionRows[s].id,
        order: keys ? keys.items[k] : (k + 1) * 1024,
        text: `Step ${i + 1}: confirm the fallback for service ${s + 1} works with the network down (${k + 1})`,
        status: 'open',
        owner: i % 5 === 0 ? owners[i % owners.length] : '',
        due,
        updatedAt: now,
        doneAt: null,
      })
    }
    await done
    return { ms: performance.now() - t0, sections: sectionRows.length, itemKeys: Object.keys(itemPattern), sectionKeys: Object.keys(sectionPattern) }
  } finally {
    db.close()
  }
}
