// Whether sharing is set up on this device, known without opening a database: the first page
// reads it to decide whether to load the sharing code at all (with sharing off, none is loaded
// and no request leaves the device).
const FLAG = 'continuity-kit:sharing'

const listeners = new Set<() => void>()

export function isSharingSetUp(): boolean {
  try {
    return localStorage.getItem(FLAG) === 'on'
  } catch {
    return false
  }
}

export function setSharingSetUp(on: boolean): void {
  try {
    if (on) localStorage.setItem(FLAG, 'on')
    else localStorage.removeItem(FLAG)
  } catch {
    // Storage refused (private mode): sharing still runs in this tab.
  }
  for (const listener of listeners) listener()
}

export function subscribeSharingSetUp(listener: () => void): () => void {
  listeners.add(listener)
  const onStorage = (e: StorageEvent) => {
    if (e.key === FLAG) listener()
  }
  addEventListener('storage', onStorage)
  return () => {
    listeners.delete(listener)
    removeEventListener('storage', onStorage)
  }
}
