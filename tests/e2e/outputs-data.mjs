// Plans full of what people really write, for the tests of outputs (print, phone widths): every
// typed field filled with long values, notes and evidence on every item, links between a business
// function and a supplier in another plan, a section of more than ten steps, and an organisation name.
import { generateNKeysBetween } from 'fractional-indexing'
import { createPlan, eventually, navLink, storedRows } from './browser.mjs'

/** Writes rows straight into one IndexedDB store of the app (a reload then shows them). */
export function putRows(page, store, rows) {
  return page.evaluate(
    ({ store, rows }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('continuity-kit')
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const tx = open.result.transaction(store, 'readwrite')
          for (const row of rows) tx.objectStore(store).put(row)
          tx.oncomplete = () => {
            open.result.close()
            resolve()
          }
          tx.onerror = () => reject(tx.error)
        }
      }),
    { store, rows },
  )
}

// Quotes and a backslash: the name goes into a CSS string for the page margins, and must stay text.
export const ORGANISATION = 'Müller & Söhne "Bakeries" Ltd \\ Nord'
const LONG_URL = 'https://status.example-cloud-provider.com/incidents/2026/regional-outage-eu-west-2-storage-and-compute'

/** A value for a typed field, long enough to fill its column. */
function valueFor(field, item, n) {
  switch (field.type) {
    case 'text':
      return `${field.label} for ${item.text}: see ${LONG_URL} and the binder on shelf ${n}`
    case 'contact':
      return `+44 20 7946 ${String(1000 + n).slice(-4)} (out of hours +44 7700 900${String(100 + n).slice(-3)})`
    case 'date':
      return `2027-0${1 + (n % 9)}-1${n % 10}`
    case 'number':
      return 30 + n
    case 'duration':
      return 60 * (n + 1)
    case 'select':
      return field.options?.[field.options.length - 1] ?? null
    case 'url':
      return LONG_URL
    case 'phone':
      return `+44 20 7946 ${String(2000 + n).slice(-4)} (24/7 support line, option 2)`
    default:
      return null
  }
}

/**
 * Makes a supplier review and a business continuity plan (and an incident response procedure with
 * a section of 12 steps), fills them in, and reloads. Returns { plans: { suppliers, continuity,
 * incident }, items } where items are the stored rows after filling in.
 */
export async function seedOutputs(page) {
  const create = async (template, title) => {
    await navLink(page, 'Plans').click()
    await page.getByRole('heading', { name: 'Plans', exact: true }).waitFor()
    return createPlan(page, template, title)
  }
  const suppliers = await create('Supplier dependency review', 'Key suppliers')
  const continuity = await create('Business continuity plan', 'Head office continuity')
  const incident = await create('Incident response procedure', 'Cyber incident response')
  const sections = await storedRows(page, 'sections')
  const items = await storedRows(page, 'items')
  const fieldsOf = new Map(sections.map((s) => [s.id, s.fields]))
  const supplierRows = items.filter((i) => i.planId === suppliers && (fieldsOf.get(i.sectionId) ?? []).some((f) => f.id === 'criticality'))
  let n = 0
  const filled = items.map((item) => {
    n++
    const values = { ...item.values }
    for (const field of fieldsOf.get(item.sectionId) ?? []) {
      if (field.type === 'links') {
        // A supplier runs on nothing here: circles of suppliers are tested elsewhere.
        values[field.id] = field.linksTo === 'supplier' && field.id !== 'runsOn' ? supplierRows.slice(0, 2).map((s) => s.id) : []
      } else values[field.id] = valueFor(field, item, n)
    }
    return {
      ...item,
      owner: `Owner ${n} (deputy: Alexandra Konstantinidou)`,
      due: `2027-03-${String(1 + (n % 28)).padStart(2, '0')}`,
      notes: `Notes ${n} for ${item.text}: call the duty manager first, then follow the laminated card. Details at ${LONG_URL}\nSecond line of notes ${n}.`,
      evidence: `Evidence ${n}: signed-off-document-reference-CK-${1000 + n}-with-a-very-long-unbroken-identifier-${'x'.repeat(40)}`,
      values,
    }
  })
  // A function that needs another function of the same plan (named, never "a removed item").
  const functions = filled.filter((i) => i.planId === continuity && (fieldsOf.get(i.sectionId) ?? []).some((f) => f.id === 'dependsOn'))
  if (functions.length >= 2) functions[0].values.dependsOn = [functions[1].id]
  // Twelve steps in one section: list numbers 10 and up.
  const byKey = (a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0)
  const firstIr = sections.filter((s) => s.planId === incident && s.fields.length === 0).sort(byKey)[0]
  const own = filled.filter((i) => i.sectionId === firstIr.id).sort(byKey)
  const template = own[0]
  const count = Math.max(0, 12 - own.length)
  // Ordering keys after the section's last, as the app makes them.
  const keys = count ? generateNKeysBetween(own.at(-1)?.order ?? null, null, count) : []
  const extra = Array.from({ length: count }, (_, k) => ({
    ...template,
    id: crypto.randomUUID(),
    text: `Extra step ${k + 1} of the first hour`,
    order: keys[k],
    notes: `Notes of extra step ${k + 1}`,
    evidence: `Evidence of extra step ${k + 1}`,
  }))
  await putRows(page, 'items', [...filled, ...extra])
  // The organisation name, typed in Settings as a person would.
  await navLink(page, 'Settings').click()
  const org = page.getByLabel('Organisation name', { exact: true })
  await org.fill(ORGANISATION)
  await org.blur()
  await eventually(async () => {
    const saved = (await storedRows(page, 'settings')).find((r) => r.key === 'organisationName')
    if (saved?.value !== ORGANISATION) throw new Error(`organisation name not saved: ${JSON.stringify(saved)}`)
  })
  await page.reload({ waitUntil: 'load' })
  return { plans: { suppliers, continuity, incident }, items: [...filled, ...extra] }
}
