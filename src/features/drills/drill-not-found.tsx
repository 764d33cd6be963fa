// What a drill route shows when the drill is not on this device.
import { Link } from 'wouter'

export function DrillNotFound() {
  return (
    <div className="empty">
      <h1>Drill not found</h1>
      <p>This drill is not on this device. It may have been deleted, or run on another device. <Link href="/drills">Back to drills</Link>.</p>
    </div>
  )
}
