// The app shell: navigation, routes (pages past the home page load on demand), messages.
import { lazy, Suspense, type ReactNode } from 'react'
import { Link, Route, Switch, useRoute } from 'wouter'
import { PlansPage } from '../features/plans/plans-page'
import { Toasts } from '../ui/toasts'

const PlanPage = lazy(() => import('../features/checklist/plan-page'))
const SettingsPage = lazy(() => import('../features/settings/settings-page'))
const TrashPage = lazy(() => import('../features/trash/trash-page'))

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
          <NavLink href="/trash">Trash</NavLink>
          <NavLink href="/settings">Settings</NavLink>
        </nav>
      </header>
      {updatePrompt}
      <main id="main">
        <Suspense fallback={<p className="muted" aria-busy="true">Loading…</p>}>
          <Switch>
            <Route path="/"><PlansPage /></Route>
            <Route path="/plans/:id">{(params) => <PlanPage id={params.id} />}</Route>
            <Route path="/settings"><SettingsPage /></Route>
            <Route path="/trash"><TrashPage /></Route>
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
