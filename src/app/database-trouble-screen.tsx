// The screen shown instead of the app when the database cannot be used: data written by a newer
// version, or storage the browser will not open. It says so, changes nothing, and offers a way out.
import type { DatabaseTrouble } from '../db/database-health'
import { RescueActions } from './rescue-actions'

export default function DatabaseTroubleScreen({ trouble }: { trouble: DatabaseTrouble }) {
  const detail = 'detail' in trouble ? trouble.detail : ''
  return (
    <main className="trouble" role="alert">
      {trouble.kind === 'newer' ? (
        <>
          <h1>Your data was saved by a newer version of Continuity Kit</h1>
          <p>
            This copy of the app is older and cannot read it without risk. Reload to get the newer version (online, or once it has been installed here). Nothing
            has been changed.
          </p>
        </>
      ) : (
        <>
          <h1>Your data could not be opened</h1>
          <p>
            The browser's storage refused to open. This can happen in a private window, when the disk is full, or when the browser blocks storage for this site.
            Nothing has been changed.
          </p>
        </>
      )}
      {detail && (
        <details>
          <summary>Details</summary>
          <pre>{detail}</pre>
        </details>
      )}
      <RescueActions />
    </main>
  )
}
