// The ways out offered when the app cannot go on: reload, and save a copy of everything the
// database holds (read raw, so it works even when the app cannot read it itself).
import { useState } from 'react'

export function RescueActions({ reloadLabel = 'Reload' }: { reloadLabel?: string }) {
  const [saving, setSaving] = useState<'idle' | 'saving' | 'saved' | string>('idle')
  const save = async () => {
    setSaving('saving')
    try {
      // Loaded when asked for: the first load of every page stays light.
      const [{ readRescueCopy }, { downloadText }] = await Promise.all([import('../db/rescue-copy'), import('../ui/download')])
      const copy = await readRescueCopy()
      downloadText(`continuity-kit-rescue-${copy.copiedAt.slice(0, 10)}.json`, JSON.stringify(copy), 'application/json')
      setSaving('saved')
    } catch (error) {
      setSaving(`The copy could not be read: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  return (
    <div className="rescue-actions">
      <button type="button" className="primary" onClick={() => location.reload()}>
        {reloadLabel}
      </button>
      <button type="button" onClick={() => void save()} disabled={saving === 'saving'}>
        Save a copy of all data
      </button>
      {saving === 'saved' && <p role="status">A copy of everything on this device was saved as a file. Keep it until the app works again.</p>}
      {saving !== 'idle' && saving !== 'saving' && saving !== 'saved' && <p role="alert">{saving}</p>}
    </div>
  )
}
