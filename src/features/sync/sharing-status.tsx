// The header's sharing indicator: the state at a glance, linking to the sharing settings. Only
// loaded when sharing is set up on this device; loading it starts sharing.
import { Link } from 'wouter'
import { href } from '../../ui/routes'
import { sharingSummary, useSharing } from './use-sharing'
import './sync.css'

export default function SharingStatusIndicator() {
  const status = useSharing()
  if (status.mode === 'off') return null
  const tone =
    status.state === 'error' || (status.state === 'up-to-date' && status.problems)
      ? 'error'
      : status.state === 'offline' || status.mode === 'paused'
        ? 'waiting'
        : 'ok'
  return (
    <Link href={href.sharingSettings()} className={`sharing-status sharing-${tone}`} title={status.message ?? undefined} data-testid="sharing-status">
      <span role="status">{sharingSummary(status)}</span>
    </Link>
  )
}
