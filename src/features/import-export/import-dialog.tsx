// The import dialog: a file's preview and the choice of what to do with what is already here, the
// reasons a file is refused, or the passphrase of a protected backup. Loaded when a file is opened.
import { useState } from 'react'
import type { ConflictMode, WriteProgress } from '../../db/exchange-repository'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { useModal } from '../../ui/use-modal'
import { loadRepository, Progress, type Stage } from './import-stage'

export default function ImportDialog({
  stage,
  onClose,
  onUnlock,
}: {
  stage: Stage
  onClose: () => void
  onUnlock: (file: File, passphrase: string) => Promise<void>
}) {
  const [mode, setMode] = useState<ConflictMode>('copy')
  const [busy, setBusy] = useState(false)
  const [written, setWritten] = useState<WriteProgress | null>(null)
  const [passphrase, setPassphrase] = useState('')
  const ref = useModal(stage.kind === 'rejected' || stage.kind === 'preview' || stage.kind === 'locked')

  const unlock = async () => {
    if (stage.kind !== 'locked' || busy) return
    setBusy(true)
    await onUnlock(stage.file, passphrase)
    setBusy(false)
  }

  const run = async () => {
    if (stage.kind !== 'preview' || busy) return
    setBusy(true)
    const result = await attempt(async () => (await loadRepository()).importDocument(stage.doc, mode, setWritten))
    setBusy(false)
    if (!result) return
    const parts = [
      result.added && `${result.added} added`,
      result.replaced && `${result.replaced} replaced`,
      result.copied && `${result.copied} added as copies`,
    ].filter(Boolean)
    showToast({
      tone: 'info',
      text: `Imported ${stage.preview.plans.length} plan${stage.preview.plans.length === 1 ? '' : 's'}${stage.preview.drills ? ` and ${stage.preview.drills} drill${stage.preview.drills === 1 ? '' : 's'}` : ''} (${parts.join(', ')}).`,
    })
    onClose()
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby="import-title"
      className="import-dialog"
      onCancel={(e) => {
        e.preventDefault()
        onClose()
      }}
    >
      {stage.kind === 'locked' && (
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void unlock()
          }}
        >
          <h2 id="import-title">{stage.name} is protected</h2>
          <p>It was exported with a passphrase. Type it to read the file; nothing is imported until you confirm.</p>
          <label className="field">
            <span className="field-label">Passphrase</span>
            <input
              type="password"
              autoComplete="current-password"
              value={passphrase}
              aria-invalid={stage.error !== null}
              aria-describedby={stage.error ? 'import-unlock-error' : undefined}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </label>
          {stage.error && (
            <p id="import-unlock-error" role="alert">
              {stage.error}
            </p>
          )}
          {busy && <p role="status">Opening…</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="submit" className="primary" disabled={busy || passphrase === ''}>
              Open
            </button>
          </div>
        </form>
      )}
      {stage.kind === 'rejected' && (
        <>
          <h2 id="import-title">Cannot import {stage.name}</h2>
          <p>Nothing was imported and nothing here has changed. The file has these problems:</p>
          <ul className="problems" data-testid="import-problems">
            {stage.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
          {stage.more > 0 && (
            <p>
              …and {stage.more} more problem{stage.more === 1 ? '' : 's'}.
            </p>
          )}
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
      {stage.kind === 'preview' && (
        <>
          <h2 id="import-title">Import {stage.name}?</h2>
          <p>
            It holds {stage.preview.plans.length} plan{stage.preview.plans.length === 1 ? '' : 's'} with {stage.preview.items} item
            {stage.preview.items === 1 ? '' : 's'}
            {stage.preview.drills > 0 && `, ${stage.preview.drills} drill${stage.preview.drills === 1 ? '' : 's'}`}
            {stage.preview.scenarios > 0 && `, ${stage.preview.scenarios} scenario${stage.preview.scenarios === 1 ? '' : 's'}`}
            {stage.preview.templates > 0 && `, ${stage.preview.templates} template${stage.preview.templates === 1 ? '' : 's'}`}
            {stage.doc.exportedAt && <>, exported {new Date(stage.doc.exportedAt).toLocaleString()}</>}.
          </p>
          <ul className="import-plans">
            {stage.preview.plans.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> — {p.sections} sections, {p.items} items
                {p.existing !== null && (
                  <span className="badge badge-overdue">
                    {' '}
                    already here{p.existing !== p.title ? ` as “${p.existing}”` : ''}
                    {p.newerHere ? ', changed here since this file was made' : ''}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {stage.preview.conflicts > 0 && (
            <fieldset>
              <legend>
                {stage.preview.conflicts} of these {stage.preview.conflicts === 1 ? 'is' : 'are'} already on this device
              </legend>
              <label className="check">
                <input type="radio" name="mode" checked={mode === 'copy'} onChange={() => setMode('copy')} /> Keep them, and add the imported ones as copies
              </label>
              <label className="check">
                <input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace them with the imported version
                (plans and drills replaced go to the trash, drills with their log)
              </label>
            </fieldset>
          )}
          {busy && <Progress label="Writing" progress={written} unit="rows" />}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={busy}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
              Import
            </button>
          </div>
        </>
      )}
    </dialog>
  )
}
