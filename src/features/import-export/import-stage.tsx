// What the import shows while it works: the stage it is at, and a progress bar with the counts.
// Shared by the drop zone (always loaded) and the dialog (loaded when a file is opened).
import type { ImportPreview } from '../../db/exchange-repository'
import type { ExportDocument } from '../../domain/export-format'
import type { CheckProgress } from '../../domain/import-check'

export type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; progress: CheckProgress | null }
  | { kind: 'locked'; name: string; file: File; error: string | null }
  | { kind: 'rejected'; name: string; problems: string[]; more: number }
  | { kind: 'preview'; name: string; doc: ExportDocument; preview: ImportPreview }

// The writer loads on first use, so the home screen stays light.
export const loadRepository = () => import('../../db/exchange-repository')

/** A <progress> with the counts in words, for reading and for writing a big file. */
export function Progress({ label, progress, unit }: { label: string; progress: { done: number; total: number } | null; unit: string }) {
  const count = new Intl.NumberFormat()
  return (
    <p role="status" className="import-progress">
      <label>
        {label}
        {progress && progress.total > 0 ? ` ${count.format(progress.done)} of ${count.format(progress.total)} ${unit}` : '…'}{' '}
        <progress max={progress?.total || undefined} value={progress && progress.total > 0 ? progress.done : undefined} />
      </label>
    </p>
  )
}
