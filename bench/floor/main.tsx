// The floor the app is measured against: the least a React + Dexie page can do to show a plan of
// N items. It opens its own database, seeds N rows shaped like the app's items if it is empty, reads
// them with useLiveQuery and renders every row at once (no virtualisation, no routing, no styles).
// Built and served by bench/run.mjs; ?n=<count> sets N (default 5000).
import { Dexie, type EntityTable } from 'dexie'
import { useLiveQuery } from 'dexie-react-hooks'
import { createRoot } from 'react-dom/client'
import { create } from 'zustand'

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

const N = Number(new URLSearchParams(location.search).get('n') ?? 5000)
const PLAN = 'floor-plan'

const db = new Dexie('bench-floor') as Dexie & { items: EntityTable<Row, 'id'> }
db.version(1).stores({ items: 'id, planId, [sectionId+order]' })

// zustand is part of the app's stack, so it is part of the floor's bundle too.
const useUi = create<{ title: string }>()(() => ({ title: `Floor plan (${N} items)` }))

async function seedIfEmpty(): Promise<void> {
  if ((await db.items.count()) >= N) return
  const now = new Date().toISOString()
  const rows: Row[] = Array.from({ length: N }, (_, i) => ({
    id: crypto.randomUUID(), planId: PLAN, sectionId: `s${i % 10}`, order: (i + 1) * 1024,
    text: `Item ${i + 1}: confirm the fallback for this step works without the network`, guidance: '', status: 'open',
    owner: i % 5 === 0 ? `Owner ${i % 8}` : '', due: null, notes: '', evidence: '', values: {}, updatedAt: now, doneAt: null, source: null,
  }))
  await db.items.clear()
  await db.items.bulkAdd(rows)
}

function App() {
  const title = useUi((s) => s.title)
  const items = useLiveQuery(async () => (await db.items.where('planId').equals(PLAN).toArray()).sort((a, b) => a.order - b.order))
  if (!items) return <p>Loading…</p>
  return (
    <main>
      <h1>{title}</h1>
      {items.map((item) => (
        <div key={item.id} data-testid="item" data-status={item.status}>
          <label>
            <input type="checkbox" checked={item.status === 'done'} onChange={(e) => void db.items.update(item.id, { status: e.target.checked ? 'done' : 'open' })} />
            {' '}{item.text}
          </label>
        </div>
      ))}
    </main>
  )
}

const root = document.getElementById('root')
if (!root) throw new Error('no #root')
createRoot(root).render(<App />)
void seedIfEmpty()
