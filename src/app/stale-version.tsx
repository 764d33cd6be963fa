// What a tab still running an older version shows when the code of a page it has not opened yet is
// gone from the server (a newer version replaced it): a clear way forward instead of a blank page.
// Everything typed so far is in the draft journal: what the reload interrupts is written on the
// next load.
import type { ComponentType } from 'react'

function NewVersionNotice() {
  return (
    <div className="notice" role="alert">
      <h1>A new version is installed — reload to continue</h1>
      <p>This tab is still running the previous version, whose code for this page is no longer there. Your edits are kept; reloading opens the new version.</p>
      <p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          Reload
        </button>
      </p>
    </div>
  )
}

// How Chromium, Firefox and Safari word a module that could not be fetched.
const FETCH_FAILED = /dynamically imported module|Importing a module script failed|error loading dynamically imported module/i

/** A page's module, or, when its code cannot be fetched, the notice in its place. */
export function orNewVersionNotice<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  return (): Promise<{ default: ComponentType<P> }> =>
    load().catch((e: unknown) => {
      if (e instanceof Error && FETCH_FAILED.test(e.message)) return { default: NewVersionNotice }
      throw e
    })
}
