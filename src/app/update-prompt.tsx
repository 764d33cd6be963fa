// Tells the user a new version is ready; it takes over only when they say so. When another tab
// switches to the new version, this tab is not reloaded under the user's typing either: it says
// so and waits.
import { useRef, useState } from 'react'
import { useRegisterSW } from 'virtual:pwa-register/react'

export function UpdatePrompt() {
  // Set when this tab asked for the new version, so the switch reloads this tab and no other.
  const requested = useRef(false)
  const [activeElsewhere, setActiveElsewhere] = useState(false)
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new version every hour while the app stays open.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000)
    },
    onNeedReload() {
      if (requested.current) window.location.reload()
      else setActiveElsewhere(true)
    },
  })
  const reload = () => {
    requested.current = true
    void updateServiceWorker(true)
  }
  if (activeElsewhere) {
    return (
      <div className="update-prompt no-print" role="status">
        <span>A new version was started in another tab. Reload this one when you are ready; your saved work stays.</span>
        <button type="button" className="primary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    )
  }
  if (!offlineReady && !needRefresh) return null
  return (
    <div className="update-prompt no-print" role="status">
      {needRefresh ? (
        <>
          <span>Update available. Your work is saved; reload when you are ready.</span>
          <button type="button" className="primary" onClick={reload}>
            Reload
          </button>
          <button type="button" onClick={() => setNeedRefresh(false)}>
            Later
          </button>
        </>
      ) : (
        <>
          <span>Ready to work offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>
            OK
          </button>
        </>
      )}
    </div>
  )
}
