// /drills/scenarios/<id>: a built-in scenario read-only (Duplicate to adapt it), or one written here
// in the editor. Either can start a drill.
import { useLiveQuery } from 'dexie-react-hooks'
import { useEffect, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { deleteScenario, duplicateScenario, getScenario } from '../../db/scenario-repository'
import type { Scenario } from '../../domain/drill-model'
import { findBuiltinScenario } from '../../templates/scenarios/index'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { attempt } from '../../ui/errors'
import { showToast } from '../../ui/toast-store'
import { ScenarioEditor } from './scenario-editor'
import { StartDrillDialog } from './start-drill-dialog'
import './drills.css'
import { href } from '../../ui/routes'

export default function ScenarioPage({ id }: { id: string }) {
  const builtIn = findBuiltinScenario(id)
  const stored = useLiveQuery(async () => (builtIn ? null : ((await getScenario(id)) ?? null)), [id, builtIn])
  const scenario: Scenario | null | undefined = builtIn ?? stored
  const [starting, setStarting] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const [, navigate] = useLocation()

  useEffect(() => {
    if (scenario) document.title = `${scenario.title} — Scenario — Continuity Kit`
  }, [scenario])

  if (scenario === undefined)
    return (
      <p className="muted" aria-busy="true">
        Loading scenario…
      </p>
    )
  if (scenario === null) {
    return (
      <div className="empty">
        <h1>Scenario not found</h1>
        <p>
          It may have been deleted. <Link href={href.drills()}>Back to drills</Link>.
        </p>
      </div>
    )
  }

  const duplicate = async () => {
    const copy = await attempt(() => duplicateScenario(scenario))
    if (copy) {
      showToast({ tone: 'info', text: 'A copy was made: adapt it to your organisation.' })
      navigate(href.scenario(copy))
    }
  }
  const remove = async () => {
    setDeleting(false)
    await attempt(() => deleteScenario(scenario.id))
    navigate(href.drills())
  }

  return (
    <div className="scenario-page">
      <p className="no-print">
        <Link href={href.drills()}>← Drills</Link>
      </p>
      <div className="page-head">
        <h1>{scenario.title}</h1>
        <span className="button-row no-print">
          <button type="button" className="primary" onClick={() => setStarting(true)}>
            Start drill
          </button>
          <button type="button" onClick={() => void duplicate()}>
            Duplicate
          </button>
          {!builtIn && (
            <button type="button" className="danger" onClick={() => setDeleting(true)}>
              Delete scenario
            </button>
          )}
        </span>
      </div>
      {builtIn && (
        <p className="notice">
          A built-in scenario, read-only. Press <strong>Duplicate</strong> to make a copy you can adapt.
        </p>
      )}
      <ScenarioEditor key={scenario.id} scenario={scenario} readOnly={Boolean(builtIn)} />
      {starting && <StartDrillDialog scenario={scenario} onClose={() => setStarting(false)} />}
      <ConfirmDialog
        open={deleting}
        title="Delete this scenario?"
        confirmLabel="Delete scenario"
        danger
        onConfirm={() => void remove()}
        onCancel={() => setDeleting(false)}
      >
        <p>Drills already run from it keep their own copy of the scenario.</p>
      </ConfirmDialog>
    </div>
  )
}
