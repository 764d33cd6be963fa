// What a drill (or incident) route shows when it is not on this device, or is in the trash.
import { Link } from 'wouter'
import { href } from '../../ui/routes'

export function DrillNotFound({ inTrash = false, what = 'drill' }: { inTrash?: boolean; what?: 'drill' | 'incident' }) {
  const Name = what === 'drill' ? 'Drill' : 'Incident'
  if (inTrash) {
    return (
      <div className="empty">
        <h1>{Name} in the trash</h1>
        <p>
          This {what} is in the trash. <Link href={href.trash()}>Open the trash</Link> to restore it.
        </p>
      </div>
    )
  }
  return (
    <div className="empty">
      <h1>{Name} not found</h1>
      <p>
        This {what} is not on this device. It may have been deleted, or run on another device.{' '}
        {what === 'drill' ? <Link href={href.drills()}>Back to drills</Link> : <Link href={href.home()}>Back to your plans</Link>}.
      </p>
    </div>
  )
}
