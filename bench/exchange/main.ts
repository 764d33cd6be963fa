// Bench harness page: the app's own export and import code next to a bare Dexie baseline, run in
// the browser on the same 10,000 items. Exposes window.bench for bench/exchange.mjs to call.
import { Dexie } from 'dexie'
import { db } from '../../src/db/database'
import { exportPlans, importDocument } from '../../src/db/exchange-repository'
import { serializeDocument, type ExportDocument } from '../../src/domain/export-format'
import { checkImport } from '../../src/domain/import-check'
import { FORMAT, FORMAT_VERSION } from '../../src/domain/format-version'
import { planFromTemplate } from '../../src/domain/plan-factory'
import type { PlanTemplate } from '../../src/domain/template-model'

function makeDocument(items: number, sections: number): string {
  const perSection = Math.ceil(items / sections)
  const template: PlanTemplate = {
    id: 'bench',
    version: 1,
    kind: 'continuity',
    title: 'Bench plan',
    summary: '',
    description: 'A plan for measuring.',
    reviewEveryDays: 365,
    sections: Array.from({ length: sections }, (_, s) => ({
      title: `Section ${s + 1}`,
      guidance: 'Guidance for the section.',
      fields:
        s === 0
          ? [
              { id: 'rto', label: 'RTO', type: 'duration' as const },
              { id: 'impact', label: 'Impact', type: 'select' as const, options: ['Low', 'High'] },
            ]
          : [],
      items: Array.from({ length: Math.min(perSection, items - s * perSection) }, (_, i) => ({
        text: `Item ${s + 1}.${i + 1}: check that the fallback works and write down who did it`,
        guidance: 'Done when the check is written down with a date.',
        values: s === 0 ? { rto: 240, impact: 'High' } : undefined,
      })),
    })),
  }
  const rows = planFromTemplate(template, { newId: () => crypto.randomUUID(), now: new Date().toISOString() })
  const doc: ExportDocument = {
    format: FORMAT,
    version: FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    app: { name: 'Continuity Kit', version: 'bench' },
    plans: [{ ...rows.plan, sections: rows.sections.map(({ planId: _p, ...s }) => s), items: rows.items.map(({ planId: _p, ...i }) => i) }],
    drills: [],
    scenarios: [],
    templates: [],
  }
  return serializeDocument(doc)
}

async function clearAll() {
  await Promise.all(db.tables.map((t) => t.clear()))
}

/** The bare floor: the same rows written with bulkAdd, and read back with toArray + JSON.stringify. */
const bare = new Dexie('exchange-bench-bare')
bare.version(1).stores({ plans: 'id', sections: 'id, planId', items: 'id, planId' })

async function run(items: number, runs: number) {
  const text = makeDocument(items, 20)
  const parsed = JSON.parse(text) as ExportDocument
  const plan = parsed.plans[0]
  if (!plan) throw new Error('no plan')
  const { sections, items: rows, ...planRow } = plan
  const sectionRows = sections.map((s) => ({ ...s, planId: plan.id }))
  const itemRows = rows.map((i) => ({ ...i, planId: plan.id }))
  const out: Record<string, number[]> = { appImport: [], appExport: [], bareImport: [], bareExport: [], check: [] }
  for (let r = 0; r < runs; r++) {
    await clearAll()
    await Promise.all(bare.tables.map((t) => t.clear()))

    let t = performance.now()
    await bare.transaction('rw', bare.tables, async () => {
      await bare.table('plans').add(planRow)
      await bare.table('sections').bulkAdd(sectionRows)
      await bare.table('items').bulkAdd(itemRows)
    })
    out.bareImport?.push(performance.now() - t)

    t = performance.now()
    const [p, s, i] = await Promise.all([bare.table('plans').toArray(), bare.table('sections').toArray(), bare.table('items').toArray()])
    const bareText = JSON.stringify({ p, s, i }, null, 2)
    out.bareExport?.push(performance.now() - t)

    // The app: every check of an import (parse, schema, references), then the one transaction.
    t = performance.now()
    const checked = checkImport(text)
    const checkedAt = performance.now()
    if (!checked.ok) throw new Error(checked.problems.join('\n'))
    await importDocument(checked.doc, 'replace')
    out.appImport?.push(performance.now() - t)
    out.check?.push(checkedAt - t)

    t = performance.now()
    const exported = serializeDocument(await exportPlans({ planIds: [plan.id] }, 'bench'))
    out.appExport?.push(performance.now() - t)
    if (exported.length < bareText.length / 2) throw new Error('export is unexpectedly short')
  }
  return { bytes: text.length, ...out }
}

declare global {
  interface Window {
    bench: { run: typeof run }
  }
}
window.bench = { run }
document.getElementById('status')?.replaceChildren('loaded')
