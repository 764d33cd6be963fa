// The drill's log, newest first: each entry stamped with the drill clock, its type in words, and the
// plan step it concerns.
import { deleteLogEntry, restoreLogEntry, type PlanSteps } from '../../db/drill-repository'
import { formatClock } from '../../domain/drill-clock'
import type { DrillEvent } from '../../domain/drill-model'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { TypeBadge } from './drill-badges'

export function stepTitles(steps: readonly PlanSteps[]): Map<string, string> {
  return new Map(steps.flatMap((p) => p.sections.flatMap((s) => s.items.map((i) => [i.id, i.text] as const))))
}

async function remove(id: string) {
  const removed = await attempt(() => deleteLogEntry(id))
  if (removed) {
    showToast({ tone: 'info', text: `Log entry deleted: "${removed.text.slice(0, 60)}"`, action: { label: 'Undo', run: () => void attempt(() => restoreLogEntry(removed)) } })
  }
}

export function DrillLog({ events, steps, editable }: { events: readonly DrillEvent[]; steps: readonly PlanSteps[]; editable: boolean }) {
  const titles = stepTitles(steps)
  if (events.length === 0) return <p className="muted">Nothing logged yet. Type a decision, observation or gap above and press Enter.</p>
  return (
    <ol className="drill-log" reversed aria-label="Drill log">
      {[...events].reverse().map((e) => (
        <li key={e.id} className={`log-entry log-entry-${e.type}`} data-testid="log-entry">
          <time className="log-at">{formatClock(e.at)}</time>
          <TypeBadge type={e.type} />
          <span className="log-text">{e.text}</span>
          {editable && (
            <button type="button" className="icon ghost no-print" aria-label={`Delete entry: ${e.text}`} onClick={() => void remove(e.id)}>×</button>
          )}
          {e.itemId && titles.has(e.itemId) && <span className="muted log-step">Step: {titles.get(e.itemId)}</span>}
        </li>
      ))}
    </ol>
  )
}
