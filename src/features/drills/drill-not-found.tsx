// What a drill route shows when the drill is not on this device, or is in the trash.
import { Link } from 'wouter'
import { href } from '../../ui/routes'

export function DrillNotFound({ inTrash = false }: { inTrash?: boolean }) {
  if (inTrash) {
    return (
      <div className="empty">
        <h1>Drill in the trash</h1>
        <p>
          This drill is in the trash. <Link href={href.trash()}>Open the trash</Link> to restore it.
        </p>
      </div>
    )
  }
  return (
    <div className="empty">
      <h1>Drill not found</h1>
      <p>
        This drill is not on this device. It may have been deleted, or run on another device. <Link href={href.drills()}>Back to drills</Link>.
      </p>
    </div>
  )
}
