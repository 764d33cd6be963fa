// Trouble with the database itself, shown in words: a whole screen when it cannot be used at all,
// a banner when another tab's upgrade needs this tab to reload or this tab waits on another.
import { useEffect, useState, type ReactNode } from 'react'
import { watchDatabase, type DatabaseTrouble } from '../db/database-health'
import { RescueActions } from './rescue-actions'

function useDatabaseTrouble(): DatabaseTrouble | null {
  const [trouble, setTrouble] = useState<DatabaseTrouble | null>(null)
  useEffect(() => watchDatabase(setTrouble), [])
  return trouble
}

/** The screen shown instead of the app when the database cannot be opened. */
function DatabaseTroubleScreen({ trouble }: { trouble: DatabaseTrouble }) {
  const detail = 'detail' in trouble ? trouble.detail : ''
  return (
    <main className="trouble" role="alert">
      {trouble.kind === 'newer' ? (
        <>
          <h1>Your data was saved by a newer version of Continuity Kit</h1>
          <p>This copy of the app is older and cannot read it without risk. Reload to get the newer version (online, or once it has been installed here). Nothing has been changed.</p>
        </>
      ) : (
        <>
          <h1>Your data could not be opened</h1>
          <p>The browser's storage refused to open. This can happen in a private window, when the disk is full, or when the browser blocks storage for this site. Nothing has been changed.</p>
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

/** The app, or a screen saying why it cannot run when the database cannot be opened. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const trouble = useDatabaseTrouble()
  if (trouble?.kind === 'newer' || trouble?.kind === 'unavailable') return <DatabaseTroubleScreen trouble={trouble} />
  return (
    <>
      <DatabaseTroubleBanner />
      {children}
    </>
  )
}

/** A banner for trouble that leaves the page usable until the user acts. */
function DatabaseTroubleBanner() {
  const trouble = useDatabaseTrouble()
  let message: ReactNode = null
  if (trouble?.kind === 'upgraded-elsewhere') message = 'A newer version of Continuity Kit was opened in another tab. Reload this tab to go on working; what you typed here is kept.'
  if (trouble?.kind === 'blocked') message = 'Continuity Kit is open in another tab with an older version. Close or reload that tab so this one can finish updating.'
  if (!message) return null
  return (
    <div className="trouble-banner" role="alert">
      <p>{message}</p>
      {trouble?.kind === 'upgraded-elsewhere' && <button type="button" className="primary" onClick={() => location.reload()}>Reload</button>}
    </div>
  )
}
