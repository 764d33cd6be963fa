// Import: read the file, check everything, show what it will do, then write it all or nothing.
import { useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react'
import type { ConflictMode, ImportPreview, WriteProgress } from '../../db/exchange-repository'
import type { ExportDocument } from '../../domain/export-format'
import type { CheckProgress } from '../../domain/import-check'
import { MAX_IMPORT_BYTES } from '../../domain/format-version'
import { looksSealed } from '../../domain/sealed-file'
import { BackupReminder } from './backup-reminder'
import { checkFile } from './check-file'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { useImportQueue } from './import-store'
import { useModal } from '../../ui/use-modal'

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string; progress: CheckProgress | null }
  | { kind: 'locked'; name: string; file: File; error: string | null }
  | { kind: 'rejected'; name: string; problems: string[]; more: number }
  | { kind: 'preview'; name: string; doc: ExportDocument; preview: ImportPreview }

// The writer loads on first use, so the home screen stays light.
const loadRepository = () => import('../../db/exchange-repository')

async function readFile(file: File, onProgress: (progress: CheckProgress) => void): Promise<Stage> {
  const checked = await checkFile(file, onProgress)
  if (!checked.ok) return { kind: 'rejected', name: file.name, problems: checked.problems, more: checked.more }
  const { previewImport } = await loadRepository()
  return { kind: 'preview', name: file.name, doc: checked.doc, preview: await previewImport(checked.doc) }
}

/** A <progress> with the counts in words, for reading and for writing a big file. */
function Progress({ label, progress, unit }: { label: string; progress: { done: number; total: number } | null; unit: string }) {
  const count = new Intl.NumberFormat()
  return (
    <p role="status" className="import-progress">
      <label>
        {label}
        {progress && progress.total > 0 ? ` ${count.format(progress.done)} of ${count.format(progress.total)} ${unit}` : '…'}
        {' '}<progress max={progress?.total || undefined} value={progress && progress.total > 0 ? progress.done : undefined} />
      </label>
    </p>
  )
}

function ImportDialog({ stage, onClose, onUnlock }: { stage: Stage; onClose: () => void; onUnlock: (file: File, passphrase: string) => Promise<void> }) {
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
    const parts = [result.added && `${result.added} added`, result.replaced && `${result.replaced} replaced`, result.copied && `${result.copied} added as copies`].filter(Boolean)
    showToast({ tone: 'info', text: `Imported ${stage.preview.plans.length} plan${stage.preview.plans.length === 1 ? '' : 's'}${stage.preview.drills ? ` and ${stage.preview.drills} drill${stage.preview.drills === 1 ? '' : 's'}` : ''} (${parts.join(', ')}).` })
    onClose()
  }

  return (
    <dialog ref={ref} aria-labelledby="import-title" className="import-dialog" onCancel={(e) => { e.preventDefault(); onClose() }}>
      {stage.kind === 'locked' && (
        <form onSubmit={(e) => { e.preventDefault(); void unlock() }}>
          <h2 id="import-title">{stage.name} is protected</h2>
          <p>It was exported with a passphrase. Type it to read the file; nothing is imported until you confirm.</p>
          <label className="field"><span className="field-label">Passphrase</span>
            <input type="password" autoComplete="current-password" value={passphrase} aria-invalid={stage.error !== null} aria-describedby={stage.error ? 'import-unlock-error' : undefined} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          {stage.error && <p id="import-unlock-error" role="alert">{stage.error}</p>}
          {busy && <p role="status">Opening…</p>}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>Cancel</button>
            <button type="submit" className="primary" disabled={busy || passphrase === ''}>Open</button>
          </div>
        </form>
      )}
      {stage.kind === 'rejected' && (
        <>
          <h2 id="import-title">Cannot import {stage.name}</h2>
          <p>Nothing was imported and nothing here has changed. The file has these problems:</p>
          <ul className="problems" data-testid="import-problems">
            {stage.problems.map((p, i) => <li key={i}>{p}</li>)}
          </ul>
          {stage.more > 0 && <p>…and {stage.more} more problem{stage.more === 1 ? '' : 's'}.</p>}
          <div className="dialog-actions"><button type="button" className="primary" onClick={onClose}>Close</button></div>
        </>
      )}
      {stage.kind === 'preview' && (
        <>
          <h2 id="import-title">Import {stage.name}?</h2>
          <p>
            It holds {stage.preview.plans.length} plan{stage.preview.plans.length === 1 ? '' : 's'} with {stage.preview.items} item{stage.preview.items === 1 ? '' : 's'}
            {stage.preview.drills > 0 && `, ${stage.preview.drills} drill${stage.preview.drills === 1 ? '' : 's'}`}
            {stage.preview.scenarios > 0 && `, ${stage.preview.scenarios} scenario${stage.preview.scenarios === 1 ? '' : 's'}`}
            {stage.preview.templates > 0 && `, ${stage.preview.templates} template${stage.preview.templates === 1 ? '' : 's'}`}
            {stage.doc.exportedAt && <>, exported {new Date(stage.doc.exportedAt).toLocaleString()}</>}.
          </p>
          <ul className="import-plans">
            {stage.preview.plans.map((p) => (
              <li key={p.id}>
                <strong>{p.title}</strong> — {p.sections} sections, {p.items} items
                {p.existing !== null && <span className="badge badge-overdue"> already here{p.existing !== p.title ? ` as “${p.existing}”` : ''}{p.newerHere ? ', changed here since this file was made' : ''}</span>}
              </li>
            ))}
          </ul>
          {stage.preview.conflicts > 0 && (
            <fieldset>
              <legend>{stage.preview.conflicts} of these {stage.preview.conflicts === 1 ? 'is' : 'are'} already on this device</legend>
              <label className="check"><input type="radio" name="mode" checked={mode === 'copy'} onChange={() => setMode('copy')} /> Keep them, and add the imported ones as copies</label>
              <label className="check"><input type="radio" name="mode" checked={mode === 'replace'} onChange={() => setMode('replace')} /> Replace them with the imported version (plans and drills replaced go to the trash, drills with their log)</label>
            </fieldset>
          )}
          {busy && <Progress label="Writing" progress={written} unit="rows" />}
          <div className="dialog-actions">
            <button type="button" onClick={onClose} disabled={busy}>Cancel</button>
            <button type="button" className="primary" disabled={busy} onClick={() => void run()}>Import</button>
          </div>
        </>
      )}
    </dialog>
  )
}

/** The Import button: the chosen file goes through the same path as a dropped one. */
export function ImportButton() {
  const inputRef = useRef<HTMLInputElement>(null)
  const offer = useImportQueue((s) => s.offer)
  return (
    <>
      <button type="button" title="Import a .continuity.json file (or drop one on this page)" onClick={() => inputRef.current?.click()}>Import</button>
      <input
        ref={inputRef}
        type="file"
        accept=".json,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-label="Import file"
        onChange={(e) => {
          const file = e.target.files?.[0]
          e.target.value = ''
          if (file) offer(file)
        }}
      />
    </>
  )
}

/** A drop zone around `children`, and the dialog that follows a dropped, chosen or opened file. */
export function ImportFlow({ children }: { children: ReactNode }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' })
  const [dragging, setDragging] = useState(false)
  // Each file gets a dialog of its own, so every import starts from Copy whatever was chosen before.
  const [round, setRound] = useState(0)
  const queued = useImportQueue((s) => s.file)
  const clearQueue = useImportQueue((s) => s.clear)

  const check = useCallback(async (file: File) => {
    setStage({ kind: 'reading', name: file.name, progress: null })
    const next = await attempt(() => readFile(file, (progress) => setStage({ kind: 'reading', name: file.name, progress })))
    setStage(next ?? { kind: 'idle' })
  }, [])
  const take = useCallback(async (file: File) => {
    setRound((n) => n + 1)
    // A protected backup says so in its first bytes; it is opened before anything is checked.
    const head = await attempt(() => file.slice(0, 100).text())
    if (head === undefined) return
    if (looksSealed(head)) setStage({ kind: 'locked', name: file.name, file, error: null })
    else await check(file)
  }, [check])
  const unlock = async (file: File, passphrase: string) => {
    try {
      if (file.size > MAX_IMPORT_BYTES) throw new Error(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`)
      const { openBackup } = await import('../../domain/backup-envelope')
      const text = await openBackup(await file.text(), passphrase)
      await check(new File([text], file.name, { type: 'application/json' }))
    } catch (error) {
      // Whatever went wrong (a wrong passphrase, a changed file, a file that cannot be read), the
      // dialog says so and stays open for another try.
      setStage({ kind: 'locked', name: file.name, file, error: error instanceof Error ? error.message : String(error) })
    }
  }
  useEffect(() => {
    if (!queued) return
    clearQueue()
    void take(queued)
  }, [queued, clearQueue, take])

  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setDragging(false)
    const file = e.dataTransfer.files[0]
    if (file) void take(file)
  }

  return (
    <div
      className={dragging ? 'drop-zone dragging' : 'drop-zone'}
      onDragOver={(e) => { if (e.dataTransfer.types.includes('Files')) { e.preventDefault(); setDragging(true) } }}
      onDragLeave={(e) => { if (e.currentTarget === e.target) setDragging(false) }}
      onDrop={onDrop}
    >
      {stage.kind === 'reading' && <Progress label={`Checking ${stage.name}:`} progress={stage.progress} unit="items" />}
      <BackupReminder />
      {children}
      <ImportDialog key={round} stage={stage} onClose={() => setStage({ kind: 'idle' })} onUnlock={unlock} />
    </div>
  )
}
