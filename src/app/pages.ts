// Pages loaded on demand. Each can also be loaded ahead (at start-up for a deep link, or when the
// browser is idle), so that opening it later shows it at once instead of a "Loading…" pause.
import { createElement, lazy, type ComponentType } from 'react'
import { orNewVersionNotice } from './stale-version'
import { isUnder, patterns } from '../ui/routes'

function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined
  const Lazy = lazy(orNewVersionNotice(load))
  const preload = () =>
    load().then((m) => {
      loaded = m.default
    })
  function Page(props: P) {
    return createElement(loaded ?? Lazy, props)
  }
  return { Page, preload }
}

export const planPage = lazyPage(() => import('../features/plan-editor/plan-page'))
export const settingsPage = lazyPage(() => import('../features/settings/settings-page'))
export const trashPage = lazyPage(() => import('../features/trash/trash-page'))
export const grabPackPage = lazyPage(() => import('../features/grab-pack/grab-pack-page'))
export const quickCardPage = lazyPage(() => import('../features/grab-pack/quick-card-page'))
export const planExportMenu = lazyPage(() => import('../features/import-export/plan-export-menu'))
export const exportAllCard = lazyPage(() => import('../features/import-export/export-all-card'))
// Drills: the programme and scenarios, a scenario, a running drill (then its hot wash), the
// players' view, the after-action report, and the way back from a plan task to its finding.
export const drillsPage = lazyPage(() => import('../features/drills/drills-page'))
export const scenarioPage = lazyPage(() => import('../features/drills/scenario-page'))
export const drillPage = lazyPage(() => import('../features/drills/drill-page'))
export const drillPlayersPage = lazyPage(() => import('../features/drills/players-page'))
export const drillReportPage = lazyPage(() => import('../features/drills/report-page'))
export const findingRedirect = lazyPage(() => import('../features/drills/finding-redirect'))
// Incidents: the incident screen (then its review), its report, the status board, and the banner
// every page shows while one is open (loaded after the first paint, so it costs the first load nothing).
export const incidentPage = lazyPage(() => import('../features/incidents/incident-page'))
export const incidentReportPage = lazyPage(() => import('../features/incidents/incident-report'))
export const incidentBoardPage = lazyPage(() => import('../features/incidents/status-board'))
export const incidentBanner = lazyPage(() => import('../features/incidents/incident-banner'))
export const incidentSummary = lazyPage(() => import('../features/incidents/incident-summary'))
export const severitySettings = lazyPage(() => import('../features/incidents/severity-settings'))
// Dependencies and the supplier register; the readiness dashboard on the home page; saved templates.
export const dependenciesPage = lazyPage(() => import('../features/suppliers/dependencies-page'))
export const suppliersPage = lazyPage(() => import('../features/suppliers/suppliers-page'))
export const readinessDashboard = lazyPage(() => import('../features/readiness/readiness-dashboard'))
export const saveTemplateButton = lazyPage(() => import('../features/templates/save-template-button'))
export const templatesCard = lazyPage(() => import('../features/templates/templates-card'))
// Sharing with the team: the header's indicator (itself loaded only when sharing is set up) and its settings.
export const sharingSlot = lazyPage(() => import('../features/sync/sharing-slot'))
export const sharingCard = lazyPage(() => import('../features/sync/sharing-card'))
export const templateExportButton = lazyPage(() => import('../features/import-export/template-export-button'))

/** What a deep link needs before the first render. */
export function preloadFor(pathname: string): Promise<unknown> {
  if (isUnder(pathname, '/plans')) return Promise.all([planPage.preload(), planExportMenu.preload(), saveTemplateButton.preload()])
  // Not the home page's dashboard: the page's head paints first and its code follows (the plan list
  // waits for it in DashboardSlot). Awaiting it held the first paint (and 8 KB) back.
  if (pathname === patterns.home) return Promise.resolve()
  if (isUnder(pathname, '/drills/scenarios')) return scenarioPage.preload()
  if (/^\/drills\/[^/]+\/players$/.test(pathname)) return drillPlayersPage.preload()
  if (/^\/drills\/[^/]+\/report$/.test(pathname)) return drillReportPage.preload()
  if (isUnder(pathname, '/drills/findings')) return findingRedirect.preload()
  if (/^\/drills\/[^/]+$/.test(pathname)) return drillPage.preload()
  if (isUnder(pathname, patterns.drills)) return drillsPage.preload()
  if (isUnder(pathname, '/incidents')) return Promise.all([incidentPage.preload(), incidentReportPage.preload(), incidentBoardPage.preload()])
  if (isUnder(pathname, '/grab-pack/cards')) return quickCardPage.preload()
  if (isUnder(pathname, patterns.dependencies)) return dependenciesPage.preload()
  if (isUnder(pathname, patterns.suppliers)) return suppliersPage.preload()
  if (isUnder(pathname, patterns.settings))
    return Promise.all([settingsPage.preload(), severitySettings.preload(), exportAllCard.preload(), templatesCard.preload(), templateExportButton.preload()])
  return Promise.resolve()
}

/** Everything else, once the browser has nothing better to do. */
export function preloadRest(): void {
  const all = [
    planPage,
    planExportMenu,
    saveTemplateButton,
    readinessDashboard,
    settingsPage,
    trashPage,
    grabPackPage,
    quickCardPage,
    exportAllCard,
    templatesCard,
    templateExportButton,
    drillsPage,
    scenarioPage,
    drillPage,
    drillPlayersPage,
    drillReportPage,
    findingRedirect,
    incidentPage,
    incidentReportPage,
    incidentBoardPage,
    incidentBanner,
    incidentSummary,
    severitySettings,
    dependenciesPage,
    suppliersPage,
  ]
  // One page per idle moment, each after the last has loaded: loading them all at once was one task
  // of 100-500 ms on a slow phone, long enough to hold up a tap.
  const idle = (then: () => void) => ('requestIdleCallback' in window ? requestIdleCallback(then, { timeout: 3000 }) : setTimeout(then, 50))
  const next = (i: number) => {
    const page = all[i]
    if (!page) return
    idle(
      () =>
        void page.preload().then(
          () => next(i + 1),
          () => next(i + 1),
        ),
    )
  }
  // Not before someone uses the page: compiling every page (25 of them, seconds of script on a slow
  // phone) while the first page reads its data and draws held back the first page itself. The first
  // tap, key or scroll starts it, one page per idle moment after it; a page left alone gets them
  // after PRELOAD_ANYWAY_MS. A page opened before it is loaded loads on demand, as it always could.
  const events = ['pointerdown', 'keydown', 'scroll'] as const
  let timer = 0
  const start = () => {
    for (const e of events) removeEventListener(e, start, true)
    clearTimeout(timer)
    next(0)
  }
  for (const e of events) addEventListener(e, start, { capture: true, passive: true })
  timer = window.setTimeout(start, PRELOAD_ANYWAY_MS)
}

/** When pages are loaded ahead on a page nobody has touched yet (ms after the first render). */
const PRELOAD_ANYWAY_MS = 15_000
