// Trouble with the database itself, shown in words: a whole screen when it cannot be used at all,
// a banner when another tab's upgrade needs this tab to reload or this tab waits on another.
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react'
import { watchDatabase, type DatabaseTrouble } from '../db/database-health'

// Shown only when something is wrong: loaded then (it is in the service worker's cache offline).
const DatabaseTroubleScreen = lazy(() => import('./database-trouble-screen'))

function useDatabaseTrouble(): DatabaseTrouble | null {
  const [trouble, setTrouble] = useState<DatabaseTrouble | null>(null)
  useEffect(() => watchDatabase(setTrouble), [])
  return trouble
}

/** The app, or a screen saying why it cannot run when the database cannot be opened. */
export function DatabaseGate({ children }: { children: ReactNode }) {
  const trouble = useDatabaseTrouble()
  if (trouble?.kind === 'newer' || trouble?.kind === 'unavailable')
    return (
      <Suspense fallback={null}>
        <DatabaseTroubleScreen trouble={trouble} />
      </Suspense>
    )
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
  if (trouble?.kind === 'upgraded-elsewhere')
    message = 'A newer version of Continuity Kit was opened in another tab. Reload this tab to go on working; what you typed here is kept.'
  if (trouble?.kind === 'blocked')
    message = 'Continuity Kit is open in another tab with an older version. Close or reload that tab so this one can finish updating.'
  if (!message) return null
  return (
    <div className="trouble-banner" role="alert">
      <p>{message}</p>
      {trouble?.kind === 'upgraded-elsewhere' && (
        <button type="button" className="primary" onClick={() => location.reload()}>
          Reload
        </button>
      )}
    </div>
  )
}
