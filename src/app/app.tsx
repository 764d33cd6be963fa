// The app shell: navigation, routes (pages past the home page load on demand), messages. It is
// also where features meet: it hands one feature's controls to another's page.
import { Suspense, type ReactNode } from 'react'
import { Link, Route, Switch, useRoute } from 'wouter'
import { ImportButton, ImportFlow } from '../features/import-export/import-flow'
import { PlansPage } from '../features/home/plans-page'
import StartIncidentButton from '../features/incidents/start-incident-button'
import { href, patterns, routeId } from '../ui/routes'
import { Toasts } from '../ui/toasts'
import { DashboardSlot } from './dashboard-slot'
import * as pages from './pages'

const PlanPage = pages.planPage.Page
const SettingsPage = pages.settingsPage.Page
const TrashPage = pages.trashPage.Page
const GrabPackPage = pages.grabPackPage.Page
const QuickCardPage = pages.quickCardPage.Page
const PlanExportMenu = pages.planExportMenu.Page
const ExportAllCard = pages.exportAllCard.Page
const DrillsPage = pages.drillsPage.Page
const ScenarioPage = pages.scenarioPage.Page
const DrillPage = pages.drillPage.Page
const DrillPlayersPage = pages.drillPlayersPage.Page
const DrillReportPage = pages.drillReportPage.Page
const FindingRedirect = pages.findingRedirect.Page
const IncidentPage = pages.incidentPage.Page
const IncidentReportPage = pages.incidentReportPage.Page
const IncidentBoardPage = pages.incidentBoardPage.Page
const IncidentBanner = pages.incidentBanner.Page
const IncidentSummary = pages.incidentSummary.Page
const SeveritySettings = pages.severitySettings.Page
const DependenciesPage = pages.dependenciesPage.Page
const SuppliersPage = pages.suppliersPage.Page
const ReadinessDashboard = pages.readinessDashboard.Page
const SaveTemplateButton = pages.saveTemplateButton.Page
const TemplatesCard = pages.templatesCard.Page
const TemplateExportButton = pages.templateExportButton.Page
const SharingSlot = pages.sharingSlot.Page
const SharingCard = pages.sharingCard.Page

function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const [active] = useRoute(href === '/' ? '/' : `${href}/*?`)
  return (
    <Link href={href} aria-current={active ? 'page' : undefined}>
      {children}
    </Link>
  )
}

export function App({ updatePrompt }: { updatePrompt?: ReactNode }) {
  return (
    <>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="app-bar no-print">
        <Link href={href.home()} className="brand">
          Continuity Kit
        </Link>
        <nav aria-label="Main">
          <NavLink href={href.home()}>Plans</NavLink>
          <NavLink href={href.drills()}>Drills</NavLink>
          <NavLink href={href.dependencies()}>Dependencies</NavLink>
          <NavLink href={href.grabPack()}>Grab pack</NavLink>
          <NavLink href={href.trash()}>Trash</NavLink>
          <NavLink href={href.settings()}>Settings</NavLink>
        </nav>
        <Suspense fallback={null}>
          <SharingSlot />
        </Suspense>
      </header>
      {updatePrompt}
      <Suspense fallback={null}>
        <IncidentBanner />
      </Suspense>
      <main id="main">
        <Suspense
          fallback={
            <p className="muted" aria-busy="true">
              Loading…
            </p>
          }
        >
          <Switch>
            <Route path={patterns.home}>
              <ImportFlow>
                <PlansPage
                  actions={
                    <>
                      <ImportButton />
                      <StartIncidentButton />
                    </>
                  }
                  dashboard={
                    <>
                      <DashboardSlot>
                        <Suspense fallback={null}>
                          <ReadinessDashboard />
                        </Suspense>
                      </DashboardSlot>
                      <Suspense fallback={null}>
                        <IncidentSummary />
                      </Suspense>
                    </>
                  }
                />
              </ImportFlow>
            </Route>
            <Route path={patterns.plan}>
              {(params) => (
                <PlanPage
                  id={routeId(params.id)}
                  actions={(plan) => (
                    <>
                      <Suspense fallback={null}>
                        <PlanExportMenu planId={plan.id} planTitle={plan.title} />
                      </Suspense>
                      <Suspense fallback={null}>
                        <SaveTemplateButton planId={plan.id} planTitle={plan.title} />
                      </Suspense>
                    </>
                  )}
                />
              )}
            </Route>
            <Route path={patterns.drills}>
              <DrillsPage />
            </Route>
            <Route path={patterns.scenario}>{(params) => <ScenarioPage key={params.id} id={routeId(params.id)} />}</Route>
            <Route path={patterns.finding}>{(params) => <FindingRedirect eventId={routeId(params.id)} />}</Route>
            <Route path={patterns.drillPlayers}>{(params) => <DrillPlayersPage id={routeId(params.id)} />}</Route>
            <Route path={patterns.drillReport}>{(params) => <DrillReportPage id={routeId(params.id)} />}</Route>
            <Route path={patterns.drill}>{(params) => <DrillPage key={params.id} id={routeId(params.id)} />}</Route>
            <Route path={patterns.incidentReport}>{(params) => <IncidentReportPage id={routeId(params.id)} />}</Route>
            <Route path={patterns.incidentBoard}>{(params) => <IncidentBoardPage id={routeId(params.id)} />}</Route>
            <Route path={patterns.incident}>{(params) => <IncidentPage key={params.id} id={routeId(params.id)} />}</Route>
            <Route path={patterns.dependencies}>
              <DependenciesPage />
            </Route>
            <Route path={patterns.suppliers}>
              <SuppliersPage />
            </Route>
            <Route path={patterns.settings}>
              <SettingsPage>
                <Suspense fallback={null}>
                  <SharingCard />
                </Suspense>
                <Suspense fallback={null}>
                  <SeveritySettings />
                </Suspense>
                <ExportAllCard />
                <TemplatesCard
                  actions={(t) => (
                    <Suspense fallback={null}>
                      <TemplateExportButton template={t} />
                    </Suspense>
                  )}
                />
              </SettingsPage>
            </Route>
            <Route path={patterns.trash}>
              <TrashPage />
            </Route>
            <Route path={patterns.grabPack}>
              <GrabPackPage />
            </Route>
            <Route path={patterns.quickCard}>{(params) => <QuickCardPage key={params.id} scenarioId={routeId(params.id)} />}</Route>
            <Route>
              <div className="empty">
                <h1>Page not found</h1>
                <p>
                  <Link href={href.home()}>Back to your plans</Link>
                </p>
              </div>
            </Route>
          </Switch>
        </Suspense>
      </main>
      <Toasts />
    </>
  )
}
