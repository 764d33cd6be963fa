// Settings card: back up everything as one JSON file, protected by a passphrase if asked, and
// say when that was last done.
import { useLiveQuery } from 'dexie-react-hooks'
import { useId, useState } from 'react'
import { exportPlans } from '../../db/exchange-repository'
import { getSetting, writeSetting } from '../../db/settings-repository'
import { sealBackup } from '../../domain/backup-envelope'
import { localDate } from '../../domain/dates'
import { serializeDocument } from '../../domain/export-format'
import { exportFileName } from '../../domain/file-names'
import { SCHEMA_PATH } from '../../domain/format-version'
import { ValidationError } from '../../domain/validation-error'
import { downloadText } from '../../ui/download'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'

async function exportAll(includeTrash: boolean, passphrase: string | null): Promise<number> {
  const doc = await exportPlans({ includeTrash }, __APP_VERSION__)
  const text = serializeDocument(doc)
  const file = passphrase === null ? text : await sealBackup(text, passphrase)
  downloadText(exportFileName(null, localDate(new Date())), file, 'application/json')
  await writeSetting('lastExportAll', new Date().toISOString())
  return doc.plans.length
}

export default function ExportAllCard() {
  const id = useId()
  const [includeTrash, setIncludeTrash] = useState(false)
  const [protect, setProtect] = useState(false)
  const [passphrase, setPassphrase] = useState('')
  const [repeat, setRepeat] = useState('')
  const [busy, setBusy] = useState(false)
  const last = useLiveQuery(() => getSetting('lastExportAll'), [])
  const mismatch = protect && repeat !== '' && repeat !== passphrase

  const run = async () => {
    setBusy(true)
    const count = await attempt(async () => {
      if (protect && (passphrase === '' || passphrase !== repeat)) throw new ValidationError(['Type the same passphrase twice.'])
      return exportAll(includeTrash, protect ? passphrase : null)
    })
    setBusy(false)
    if (count !== undefined)
      showToast({ tone: 'info', text: `Exported ${count} plan${count === 1 ? '' : 's'}${protect ? ', protected by your passphrase' : ''}.` })
  }
  return (
    <div className="card">
      <h2>Back up and move</h2>
      <p>
        Export every plan as one JSON file to keep a backup or move to another device; import it from the Plans page. The format is described by{' '}
        <a href={SCHEMA_PATH}>its JSON Schema</a>.
      </p>
      <p data-testid="last-export">
        {last
          ? `Everything was last exported on ${new Date(last).toLocaleString()}.`
          : last === ''
            ? 'Everything has never been exported from this device.'
            : null}
      </p>
      <p className="button-row">
        <label className="check">
          <input type="checkbox" checked={includeTrash} onChange={(e) => setIncludeTrash(e.target.checked)} /> Include plans and drills in the trash
        </label>
        <label className="check">
          <input type="checkbox" checked={protect} onChange={(e) => setProtect(e.target.checked)} /> Protect with a passphrase
        </label>
      </p>
      {protect && (
        <p className="button-row">
          <label className="field" htmlFor={`${id}-pass`}>
            <span className="field-label">Passphrase</span>
            <input id={`${id}-pass`} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <label className="field" htmlFor={`${id}-repeat`}>
            <span className="field-label">Passphrase again</span>
            <input
              id={`${id}-repeat`}
              type="password"
              autoComplete="new-password"
              value={repeat}
              aria-invalid={mismatch}
              onChange={(e) => setRepeat(e.target.value)}
            />
          </label>
          <span className="muted">Without it the file cannot be read, by anyone: keep it somewhere safe.</span>
        </p>
      )}
      {mismatch && <p role="alert">The two passphrases differ.</p>}
      <p className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
          Export all
        </button>
      </p>
    </div>
  )
}
