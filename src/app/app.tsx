// The app shell: navigation, routes (pages past the home page load on demand), messages. It is
// also where features meet: it hands one feature's controls to another's page.
import { lazy, Suspense, type ReactNode } from 'react'
import { Link, Route, Switch, useRoute } from 'wouter'
import { ImportFlow } from '../features/exchange/import-flow'
import { PlansPage } from '../features/plans/plans-page'
import { Toasts } from '../ui/toasts'

const PlanPage = lazy(() => import('../features/checklist/plan-page'))
const SettingsPage = lazy(() => import('../features/settings/settings-page'))
const TrashPage = lazy(() => import('../features/trash/trash-page'))
const GrabPackPage = lazy(() => import('../features/exchange/grab-pack-page'))
const PlanExportMenu = lazy(() => import('../features/exchange/plan-export-menu'))
const ExportAllCard = lazy(() => import('../features/exchange/export-all-card'))

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(href === '/' ? '/' : `${href}/*?`)
  return <Link href={href} aria-current={active ? 'page' : undefined}>{children}</Link>
}

export function App({ updatePrompt }: { updatePrompt?: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">Skip to content</a>
      <header className="app-bar no-print">
        <Link href="/" className="brand">Continuity Kit</Link>
        <nav aria-label="Main">
          <NavLink href="/">Plans</NavLink>
          <NavLink href="/grab-pack">Grab pack</NavLink>
          <NavLink href="/trash">Trash</NavLink>
          <NavLink href="/settings">Settings</NavLink>
        </nav>
      </header>
      {updatePrompt}
      <main id="main">
        <Suspense fallback={<p className="muted" aria-busy="true">Loading…</p>}>
          <Switch>
            <Route path="/">
              <ImportFlow><PlansPage /></ImportFlow>
            </Route>
            <Route path="/plans/:id">
              {(params) => <PlanPage id={params.id} actions={(plan) => <Suspense fallback={null}><PlanExportMenu planId={plan.id} planTitle={plan.title} /></Suspense>} />}
            </Route>
            <Route path="/settings"><SettingsPage><ExportAllCard /></SettingsPage></Route>
            <Route path="/trash"><TrashPage /></Route>
            <Route path="/grab-pack"><GrabPackPage /></Route>
            <Route>
              <div className="empty"><h1>Page not found</h1><p><Link href="/">Back to your plans</Link></p></div>
            </Route>
          </Switch>
        </Suspense>
      </main>
      <Toasts />
    </>
  )
}
