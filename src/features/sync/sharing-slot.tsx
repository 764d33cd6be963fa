// The header's place for the sharing indicator. The indicator, and with it sharing itself, loads
// only on a device where sharing is set up; with it off, no sharing code runs and nothing is sent.
import { lazy, Suspense, useSyncExternalStore } from 'react'
import { isSharingSetUp, subscribeSharingSetUp } from '../../db/sync/sharing-flag'

const SharingStatus = lazy(() => import('./sharing-status'))

export default function SharingSlot() {
  const on = useSyncExternalStore(subscribeSharingSetUp, isSharingSetUp)
  return on ? (
    <Suspense fallback={null}>
      <SharingStatus />
    </Suspense>
  ) : null
}
