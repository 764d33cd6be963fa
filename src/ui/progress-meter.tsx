// Progress as words and a bar: the words carry the meaning, the bar is a glance.
import { percent, type Progress } from '../domain/progress'

export function ProgressMeter({ progress, label }: { progress: Progress; label: string }) {
  const pct = percent(progress)
  return (
    <span className="progress">
      <progress max={100} value={pct} aria-label={`${label}: ${pct}%`} />
      <span className="progress-text">
        {progress.done}/{progress.applicable} done
        {progress.blocked > 0 && <span className="badge badge-blocked"> · {progress.blocked} blocked</span>}
      </span>
    </span>
  )
}
