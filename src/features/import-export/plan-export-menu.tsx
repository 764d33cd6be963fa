// The plan page's export buttons: Export (JSON: lossless, re-importable), Markdown, CSV and .xlsx per register.
import { useLiveQuery } from 'dexie-react-hooks'
import { listSections } from '../../db/checklist-repository'
import { attempt } from '../../ui/errors'
import { downloadPlanJson, downloadPlanMarkdown, downloadSectionCsv, downloadSectionXlsx } from './export-actions'

export default function PlanExportMenu({ planId, planTitle }: { planId: string; planTitle: string }) {
  const registers = useLiveQuery(async () => (await listSections(planId)).filter((s) => s.fields.length > 0), [planId], [])
  return (
    <span className="button-row no-print">
      <button type="button" onClick={() => void attempt(() => downloadPlanJson(planId))}>
        Export
      </button>
      <details className="menu">
        <summary>Other formats</summary>
        <div className="menu-body">
          <button type="button" onClick={() => void attempt(() => downloadPlanMarkdown(planId))}>
            Markdown (.md)
          </button>
          {registers.map((s) => (
            <span key={s.id} className="menu-pair">
              <button type="button" onClick={() => void attempt(() => downloadSectionXlsx(planTitle, s))}>
                Excel (.xlsx): {s.title}
              </button>
              <button type="button" onClick={() => void attempt(() => downloadSectionCsv(planTitle, s))}>
                CSV: {s.title}
              </button>
            </span>
          ))}
        </div>
      </details>
    </span>
  )
}
