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
  let result: ImportCheck
  try {
    // The size is checked before the file is read, so a huge file never fills memory.
    const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text()
    result = checkImport(text, file.size, (progress) => scope.postMessage({ kind: 'progress', progress }))
  } catch (e) {
    // A failure in an async handler does not reach the page as an error event: answer in words.
    result = { ok: false, problems: [`The file could not be checked: ${e instanceof Error ? e.message : String(e)}`], more: 0 }
  }
  scope.postMessage({ kind: 'done', result })
}
