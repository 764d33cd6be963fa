// The sharing state as a React value, and the engine started the first time something shows it.
import { useEffect, useSyncExternalStore } from 'react'
import { sharingStatus, startSharing, subscribeSharing, type SharingStatus } from '../../db/sync/engine'

export function useSharing(): SharingStatus {
  useEffect(() => {
    void startSharing()
  }, [])
  return useSyncExternalStore(subscribeSharing, sharingStatus)
}

const changes = (n: number) => `${n} ${n === 1 ? 'change' : 'changes'} waiting`

/** The state in a few words, for the header: up to date / n changes waiting / offline / error. */
export function sharingSummary(s: SharingStatus): string {
  if (s.mode === 'off') return 'Not shared'
  if (s.mode === 'paused') return s.waiting ? `Sharing paused · ${changes(s.waiting)}` : 'Sharing paused'
  switch (s.state) {
    case 'starting':
      return 'Sharing: starting…'
    case 'other-tab':
      return 'Shared by another tab of this app'
    case 'syncing':
      return s.waiting ? `Syncing · ${changes(s.waiting)}` : 'Syncing…'
    case 'offline':
      return s.waiting ? `Offline · ${changes(s.waiting)}` : 'Offline'
    case 'error':
      return `Sharing error: ${s.message ?? 'unknown'}`
    case 'up-to-date':
      if (s.problems) return `${s.problems} ${s.problems === 1 ? 'change' : 'changes'} from others could not be read`
      return s.waiting ? changes(s.waiting) : 'Up to date'
  }
}
