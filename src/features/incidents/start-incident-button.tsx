// Start incident: the home page's one prominent action for the day it happens. The shell puts it
// beside New plan, in the first page's code (a button arriving later moved the heading beside it);
// the dialog (and what it reads) loads when it is pressed.
import { lazy, Suspense, useState } from 'react'

const DeclareIncidentDialog = lazy(() => import('./declare-incident-dialog'))

export default function StartIncidentButton() {
  const [declaring, setDeclaring] = useState(false)
  return (
    <>
      <button type="button" className="danger start-incident" onClick={() => setDeclaring(true)}>
        <span aria-hidden="true">● </span>Start incident
      </button>
      {declaring && (
        <Suspense fallback={null}>
          <DeclareIncidentDialog onClose={() => setDeclaring(false)} />
        </Suspense>
      )}
    </>
  )
}
