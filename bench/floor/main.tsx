// The floor the app is measured against: the best simple page that shows what the plan page shows.
// React + Dexie + the same virtualiser (@tanstack/react-virtual, window scrolling, same overscan and
// row estimates), section headers and item rows with a checkbox, the text and the owner, only the
// rows on screen rendered; a service worker (vite-plugin-pwa, built by bench/run.mjs) so that it
// opens offline like the app. No routing, no validation, no filters.
// It opens its own database, seeds N rows shaped like the app's items over 10 sections if it holds a
// different number, reads them once through the planId index and groups them by section.
// ?n=<count> sets N (default 5000).
import { useWindowVirtualizer } from '@tanstack/react-virtual'
import { Dexie, type EntityTable } from 'dexie'
import { useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { create } from 'zustand'
import './floor.css'

interface Row {
  id: string
  planId: string
  sectionId: string
  order: number
  text: string
  guidance: string
  status: 'open' | 'done'
  owner: string
  due: string | null
  notes: string
  evidence: string
  values: Record<string, string | number | null>
  updatedAt: string
  doneAt: string | null
  source: null
}
interface SectionRow {
  id: string
  planId: string
  order: number
  title: string
}
type ListRow = { kind: 'section'; section: SectionRow } | { kind: 'item'; item: Row }

const N = Number(new URLSearchParams(location.search).get('n') ?? 5000)
const PLAN = 'floor-plan'
const SECTIONS = 10

const db = new Dexie('bench-floor') as Dexie & { items: EntityTable<Row, 'id'>; sections: EntityTable<SectionRow, 'id'> }
db.version(1).stores({ items: 'id, planId, [sectionId+order]', sections: 'id, [planId+order]' })

// zustand is part of the app's stack, so it is part of the floor's bundle too.
const useUi = create<{ title: string }>()(() => ({ title: `Floor plan (${N} items)` }))

async function seedIfNeeded(): Promise<boolean> {
  if ((await db.items.count()) === N) return false
  const now = new Date().toISOString()
  const sections = Array.from({ length: SECTIONS }, (_, s): SectionRow => ({
    id: `s${s}`,
    planId: PLAN,
    order: (s + 1) * 1024,
    title: `Section ${s + 1}: recovery of service ${s + 1}`,
  }))
  const per = Math.ceil(N / SECTIONS)
  const rows: Row[] = Array.from({ length: N }, (_, i) => ({
    id: crypto.randomUUID(),
    planId: PLAN,
    sectionId: `s${Math.floor(i / per)}`,
    order: ((i % per) + 1) * 1024,
    text: `Step ${i + 1}: confirm the fallback for service ${Math.floor(i / per) + 1} works with the network down (${(i % per) + 1})`,
    guidance: '',
    status: 'open',
    owner: i % 5 === 0 ? `Owner ${i % 8}` : '',
    due: null,
    notes: '',
    evidence: '',
    values: {},
    updatedAt: now,
    doneAt: null,
    source: null,
  }))
  await db.transaction('rw', db.items, db.sections, async () => {
    await db.items.clear()
    await db.sections.clear()
    await db.sections.bulkAdd(sections)
    await db.items.bulkAdd(rows)
  })
  return true
}

async function readPlan(): Promise<ListRow[]> {
  const [sections, items] = await Promise.all([
    db.sections.where('[planId+order]').between([PLAN, -Infinity], [PLAN, Infinity]).toArray(),
    db.items.where('planId').equals(PLAN).toArray(),
  ])
  const bySection = new Map<string, Row[]>()
  for (const item of items) {
    const list = bySection.get(item.sectionId)
    if (list) list.push(item)
    else bySection.set(item.sectionId, [item])
  }
  const rows: ListRow[] = []
  for (const section of sections) {
    rows.push({ kind: 'section', section })
    for (const item of (bySection.get(section.id) ?? []).sort((a, b) => a.order - b.order)) rows.push({ kind: 'item', item })
  }
  return rows
}

function Item({ item }: { item: Row }) {
  const [status, setStatus] = useState(item.status)
  return (
    <div className="item" data-testid="item" data-status={status}>
      <input
        type="checkbox"
        checked={status === 'done'}
        aria-labelledby={`t-${item.id}`}
        onChange={(e) => {
          const next = e.target.checked ? 'done' : 'open'
          setStatus(next)
          void db.items.update(item.id, { status: next })
        }}
      />
      <span id={`t-${item.id}`}>{item.text}</span>
      {item.owner && <span className="owner">Owner: {item.owner}</span>}
    </div>
  )
}

function List({ rows }: { rows: ListRow[] }) {
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize: (i) => (rows[i]?.kind === 'section' ? 64 : 52),
    overscan: 5,
    getItemKey: (i) => {
      const row = rows[i]
      return row ? (row.kind === 'section' ? row.section.id : row.item.id) : i
    },
    // As the app: the virtualiser places the rows and sizes the list in the DOM, with no render per scroll step.
    directDomUpdates: true,
  })
  return (
    <div ref={virtualizer.containerRef} style={{ position: 'relative' }}>
      {virtualizer.getVirtualItems().map((v) => {
        const row = rows[v.index]
        if (!row) return null
        return (
          <div key={v.key} data-index={v.index} ref={virtualizer.measureElement} style={{ position: 'absolute', top: 0, left: 0, width: '100%' }}>
            {row.kind === 'section' ? <h2>{row.section.title}</h2> : <Item item={row.item} />}
          </div>
        )
      })}
    </div>
  )
}

function App() {
  const title = useUi((s) => s.title)
  const [rows, setRows] = useState<ListRow[] | null>(null)
  useEffect(() => {
    void seedIfNeeded().then(readPlan).then(setRows)
  }, [])
  return (
    <main>
      <h1>{title}</h1>
      {rows ? <List rows={rows} /> : <p aria-busy="true">Loading…</p>}
    </main>
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('no #root')
createRoot(root).render(<App />)
