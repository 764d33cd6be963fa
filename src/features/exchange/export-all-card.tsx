// Settings card: back up everything as one JSON file.
import { useState } from 'react'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { downloadAllJson } from './export-actions'
import { SCHEMA_PATH } from '../../domain/format-version'

export default function ExportAllCard() {
  const [includeTrash, setIncludeTrash] = useState(false)
  const run = async () => {
    const count = await attempt(() => downloadAllJson(includeTrash))
    if (count !== undefined) showToast({ tone: 'info', text: `Exported ${count} plan${count === 1 ? '' : 's'}.` })
  }
  return (
    <div className="card">
      <h2>Back up and move</h2>
      <p>Export every plan as one JSON file to keep a backup or move to another device; import it from the Plans page. The format is described by <a href={SCHEMA_PATH}>its JSON Schema</a>.</p>
      <p className="button-row">
        <label className="check"><input type="checkbox" checked={includeTrash} onChange={(e) => setIncludeTrash(e.target.checked)} /> Include plans and drills in the trash</label>
        <button type="button" className="primary" onClick={() => void run()}>Export all</button>
      </p>
    </div>
  )
}
