// Reads and checks an import file off the main thread, so the page stays responsive while a big
// backup is parsed and every row is checked; tells how far it is as it goes.
import { checkImport, type CheckProgress, type ImportCheck } from '../../domain/import-check'
import { MAX_IMPORT_BYTES } from '../../domain/format-version'

export type WorkerMessage = { kind: 'progress'; progress: CheckProgress } | { kind: 'done'; result: ImportCheck }

interface WorkerScope {
  onmessage: ((event: MessageEvent<File>) => void) | null
  postMessage: (message: WorkerMessage) => void
}
const scope = self as unknown as WorkerScope

scope.onmessage = async ({ data: file }) => {
  // The size is checked before the file is read, so a huge file never fills memory.
  const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text()
  const result = checkImport(text, file.size, (progress) => scope.postMessage({ kind: 'progress', progress }))
  scope.postMessage({ kind: 'done', result })
}
