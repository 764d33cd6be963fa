// A section's heading row: title, progress, collapse, move, delete, guidance and its fields.
import { useState } from 'react'
import { deleteSection, moveSection, restoreDeleted } from '../../db/checklist-repository'
import { LIMITS } from '../../domain/limits'
import type { Section } from '../../domain/model'
import type { Progress } from '../../domain/progress'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { DraftField } from '../../ui/draft-field'
import { attempt } from '../../ui/errors'
import { ProgressMeter } from '../../ui/progress-meter'
import { showToast } from '../../ui/toast-store'
import { useChecklistUi } from './checklist-store'
import { refocusMove } from './refocus-move'
import { SectionFieldsEditor } from './section-fields-editor'
import { MoveButtons } from '../../ui/move-buttons'

interface Props {
  section: Section
  /** null while the section's items are still being read (a long plan shows its first ones at once). */
  progress: Progress | null
  isFirst: boolean
  isLast: boolean
}

export function SectionHeader({ section, progress, isFirst, isLast }: Props) {
  const collapsed = useChecklistUi((s) => s.collapsed.has(section.id))
  const toggle = useChecklistUi((s) => s.toggleCollapsed)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [confirming, setConfirming] = useState(false)

  const move = async (delta: -1 | 1) => {
    await attempt(() => moveSection(section.id, delta))
    refocusMove(section.id, delta)
  }
  const remove = async () => {
    setConfirming(false)
    const removed = await attempt(() => deleteSection(section.id))
    if (removed) {
      showToast({
        tone: 'info',
        text: `Section "${removed.section.title}" deleted with ${removed.items.length} items.`,
        action: { label: 'Undo', run: () => void attempt(() => restoreDeleted(removed)) },
      })
    }
  }

  return (
    <div className="section-head" data-testid="section">
      <div className="section-bar">
        <button
          type="button"
          className="icon collapse no-print"
          aria-expanded={!collapsed}
          aria-label={`${collapsed ? 'Expand' : 'Collapse'} section ${section.title}`}
          onClick={() => toggle(section.id)}
        >
          {collapsed ? '▸' : '▾'}
        </button>
        <h2 className="section-title">
          <DraftField
            label="Section title"
            hideLabel
            value={section.title}
            maxLength={LIMITS.title}
            validate={(v) => (v.trim() ? null : 'Section title must not be empty')}
            target={{ kind: 'section', id: section.id, field: 'title' }}
          />
        </h2>
        {progress ? (
          <ProgressMeter progress={progress} label={`Progress of ${section.title}`} />
        ) : (
          <span className="progress muted" aria-busy="true">
            Reading…
          </span>
        )}
        <span className="section-tools no-print">
          <button
            type="button"
            className="icon"
            aria-expanded={settingsOpen}
            aria-label={`Guidance and fields of ${section.title}`}
            onClick={() => setSettingsOpen((o) => !o)}
          >
            ⚙
          </button>
          <MoveButtons id={section.id} what="section" name={section.title} isFirst={isFirst} isLast={isLast} move={move} />
          <button
            type="button"
            className="icon danger"
            aria-label={`Delete section ${section.title}`}
            onClick={() => (progress?.total === 0 ? void remove() : setConfirming(true))}
          >
            ✕
          </button>
        </span>
      </div>
      {section.guidance && !settingsOpen && !collapsed && <p className="guidance section-guidance">{section.guidance}</p>}
      {settingsOpen && (
        <div className="section-settings">
          <DraftField
            label="Section guidance"
            multiline
            value={section.guidance}
            maxLength={LIMITS.longText}
            target={{ kind: 'section', id: section.id, field: 'guidance' }}
          />
          <SectionFieldsEditor section={section} />
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={`Delete the section "${section.title}"?`}
        confirmLabel="Delete section"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setConfirming(false)}
      >
        <p>
          {progress ? `Its ${progress.total} item${progress.total === 1 ? '' : 's'} are` : 'Its items are'} deleted with it. You can undo this for a minute
          afterwards.
        </p>
      </ConfirmDialog>
    </div>
  )
}
