// Tells the user a new version is ready; it takes over only when they say so.
import { useRegisterSW } from 'virtual:pwa-register/react'

export function UpdatePrompt() {
  const {
    offlineReady: [offlineReady, setOfflineReady],
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new version every hour while the app stays open.
      if (registration) setInterval(() => void registration.update(), 60 * 60 * 1000)
    },
  })
  if (!offlineReady && !needRefresh) return null
  return (
    <div className="update-prompt no-print" role="status">
      {needRefresh ? (
        <>
          <span>Update available. Your work is saved; reload when you are ready.</span>
          <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>Reload</button>
          <button type="button" onClick={() => setNeedRefresh(false)}>Later</button>
        </>
      ) : (
        <>
          <span>Ready to work offline.</span>
          <button type="button" onClick={() => setOfflineReady(false)}>OK</button>
        </>
      )}
    </div>
  )
}
