// Settings: the user's name (for "reviewed by"), storage persistence and space used, the version.
import { useLiveQuery } from 'dexie-react-hooks'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { getSetting, SETTING_ORGANISATION, SETTING_USER_NAME } from '../../db/settings-repository'
import { LIMITS } from '../../domain/limits'
import { DraftField } from '../../ui/draft-field'
import { formatBytes, readStorageStatus, requestPersistence, type StorageStatus } from './storage-status'

/** `children` are cards the app adds (backup and export). */
export default function SettingsPage({ children }: { children?: ReactNode }) {
  const name = useLiveQuery(() => getSetting(SETTING_USER_NAME), [])
  const organisation = useLiveQuery(() => getSetting(SETTING_ORGANISATION), [])
  const [storage, setStorage] = useState<StorageStatus | null>(null)
  const refresh = useCallback(() => void readStorageStatus().then(setStorage), [])
  useEffect(refresh, [refresh])

  const ask = async () => {
    await requestPersistence()
    refresh()
  }

  return (
    <section aria-labelledby="settings-heading" className="settings">
      <h1 id="settings-heading">Settings</h1>
      <div className="card">
        <h2>You</h2>
        <p className="muted">Recorded as the reviewer when you mark a plan reviewed.</p>
        {name !== undefined && (
          <DraftField label="Your name" value={name} maxLength={LIMITS.name} placeholder="e.g. Ana Silva" target={{ kind: 'user-name' }} />
        )}
      </div>
      <div className="card">
        <h2>Your organisation</h2>
        <p className="muted">Printed at the top of every page of a plan, the grab pack and a drill report.</p>
        {organisation !== undefined && (
          <DraftField
            label="Organisation name"
            value={organisation}
            maxLength={LIMITS.name}
            placeholder="e.g. Silva & Daughters Ltd"
            target={{ kind: 'organisation-name' }}
          />
        )}
      </div>
      <div className="card">
        <h2>Storage on this device</h2>
        {storage === null ? (
          <p aria-busy="true">Checking storage…</p>
        ) : (
          <dl className="facts" data-testid="storage">
            <dt>Persistent storage</dt>
            <dd>
              {storage.persisted === true && 'Granted: the browser will not clear this data to free space.'}
              {storage.persisted === false && (
                <>
                  Not granted: the browser may clear this data when the device runs short of space. Export a backup regularly, or install the app.{' '}
                  <button type="button" onClick={() => void ask()}>
                    Ask again
                  </button>
                </>
              )}
              {storage.persisted === null && 'This browser cannot say.'}
            </dd>
            <dt>Space used</dt>
            <dd>{storage.usage === null ? 'Unknown' : `${formatBytes(storage.usage)}${storage.quota ? ` of ${formatBytes(storage.quota)} available` : ''}`}</dd>
          </dl>
        )}
        <p className="muted">Everything you write stays in this browser on this device. Nothing is sent anywhere.</p>
      </div>
      {children}
      <div className="card">
        <h2>About</h2>
        <p>Continuity Kit version {__APP_VERSION__}. Works offline after the first visit.</p>
      </div>
    </section>
  )
}
