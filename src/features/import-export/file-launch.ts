// When the installed app is opened with a .continuity.json file (manifest file_handlers), the file
// goes through the same import path as the Import button.
import { useImportQueue } from './import-store'

interface LaunchParams {
  files: readonly FileSystemFileHandle[]
}
interface LaunchQueue {
  setConsumer: (consumer: (params: LaunchParams) => void) => void
}

export function listenForLaunchedFiles(): void {
  const queue = (window as Window & { launchQueue?: LaunchQueue }).launchQueue
  queue?.setConsumer(async ({ files }) => {
    const handle = files[0]
    if (handle) useImportQueue.getState().offer(await handle.getFile())
  })
}
