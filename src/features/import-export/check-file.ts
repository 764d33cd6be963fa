// Checks an import file in a module worker (see import-worker.ts), or on this thread where workers
// are not available (tests in jsdom).
import type { CheckProgress, ImportCheck } from '../../domain/import-check'
import { MAX_IMPORT_BYTES } from '../../domain/format-version'
import type { WorkerMessage } from './import-worker'

export async function checkFile(file: File, onProgress: (progress: CheckProgress) => void): Promise<ImportCheck> {
  if (typeof Worker === 'undefined') {
    const { checkImport } = await import('../../domain/import-check')
    return checkImport(file.size > MAX_IMPORT_BYTES ? '' : await file.text(), file.size, onProgress)
  }
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' })
  try {
    return await new Promise<ImportCheck>((resolve, reject) => {
      worker.onmessage = ({ data }: MessageEvent<WorkerMessage>) => {
        if (data.kind === 'progress') onProgress(data.progress)
        else resolve(data.result)
      }
      worker.onerror = (event) => reject(new Error(event.message || 'The file could not be checked.'))
      worker.postMessage(file)
    })
  } finally {
    worker.terminate()
  }
}
