// Import: read the file, check everything, show what it will do, then write it all or nothing.
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react'
import type { CheckProgress } from '../../domain/import-check'
import { BackupReminder } from './backup-reminder'
import { checkFile } from './check-file'
import { attempt } from '../../ui/errors'
import { useImportQueue } from './import-store'
import { loadRepository, Progress, type Stage } from './import-stage'

// The dialog (preview, refusal, passphrase) loads when a file is opened: the home page stays light.
const ImportDialog = lazy(() => import('./import-dialog'))

async function readFile(file: File, onProgress: (progress: CheckProgress) => void): Promise<Stage> {
  const checked = await checkFile(file, onProgress)
  if (!checked.ok) return { kind: 'rejected', name: file.name, problems: checked.problems, more: checked.more }
  const { previewImport } = await loadRepository()
  return { kind: 'preview', name: file.name, doc: checked.doc, preview: await previewImport(checked.doc) }
}

/** The Import button: the chosen file goes through the same path as a dropped one. */
export function ImportButton() {
  const inputRef = useRef<HTMLInputElement>(null)
  const offer = useImportQueue((s) => s.offer)
  return (
    <>
      <button type="button" title="Import a .continuity.json file (or drop one on this page)" onClick={() => inputRef.current?.click()}>
        Import
      </button>
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
  const take = useCallback(
    async (file: File) => {
      setRound((n) => n + 1)
      // A protected backup says so in its first bytes; it is opened before anything is checked.
      const head = await attempt(() => file.slice(0, 100).text())
      if (head === undefined) return
      const { looksSealed } = await import('../../domain/sealed-file')
      if (looksSealed(head)) setStage({ kind: 'locked', name: file.name, file, error: null })
      else await check(file)
    },
    [check],
  )
  const unlock = async (file: File, passphrase: string) => {
    try {
      const { MAX_IMPORT_BYTES } = await import('../../domain/format-version')
      if (file.size > MAX_IMPORT_BYTES)
        throw new Error(`The file is ${(file.size / 1024 / 1024).toFixed(1)} MB; imports are limited to ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`)
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
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault()
          setDragging(true)
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false)
      }}
      onDrop={onDrop}
    >
      {stage.kind === 'reading' && <Progress label={`Checking ${stage.name}:`} progress={stage.progress} unit="items" />}
      <BackupReminder />
      {children}
      {stage.kind !== 'idle' && stage.kind !== 'reading' && (
        <Suspense fallback={null}>
          <ImportDialog key={round} stage={stage} onClose={() => setStage({ kind: 'idle' })} onUnlock={unlock} />
        </Suspense>
      )}
    </div>
  )
}
