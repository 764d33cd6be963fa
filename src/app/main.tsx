// Entry point: render the app and ask the browser to keep its data.
import { lazy, startTransition, StrictMode, Suspense } from 'react'
import { createRoot } from 'react-dom/client'
import { openDatabase } from '../db/database-health'
import { formatDate } from '../domain/dates'
import { App } from './app'
import { DatabaseGate } from './database-trouble'
import { ErrorBoundary } from './error-boundary'
import { preloadFor, preloadRest } from './pages'
import './styles.css'

// The service worker's registration and its update prompt wait until after the first render: nothing
// of them shows before a new version is ready, and their code (with the registration helper) is not
// part of the first load.
const UpdatePrompt = lazy(() => import('./update-prompt').then((m) => ({ default: m.UpdatePrompt })))

const root = document.getElementById('root')
if (!root) throw new Error('The page has no #root element')
// The database opens while the first page's code loads; a failure shows a screen that says so.
const opened = openDatabase()
// The browser sets up its collation and date formats the first time a page uses them, tens of ms
// on a phone (pages sort names and show dates): done now, while the first page's code is fetched,
// rather than in the task that shows its first rows. One task each: together they made one long task.
setTimeout(() => 'a'.localeCompare('b'), 0)
setTimeout(() => formatDate('2000-01-01'), 0)
// A deep link's page is fetched before the first render, so it opens without a loading pause; a
// slow network on a first visit waits at most two seconds, then the page loads as it comes.
await Promise.race([preloadFor(location.pathname).catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2000))])
// What has loaded by now is what the first page needed: the bench and the build test count it.
performance.mark('first-render')
// What a reload, a closed tab or a crash kept in the draft journal is written now; what cannot be
// written is reported, never dropped. Its code (every repository) is not part of the first load.
// Only into a database this version can use: never into one a newer version wrote.
void opened
  .then(async (trouble) => {
    if (trouble === null) await (await import('../ui/draft-recovery')).replayDrafts()
  })
  .catch(() => undefined)
// Rendered as a transition, so that React yields to the browser every few milliseconds while it builds
// the first page (a tap or a key is never held for the whole of it).
const reactRoot = createRoot(root)
startTransition(() =>
  reactRoot.render(
    <StrictMode>
      <ErrorBoundary>
        <DatabaseGate>
          <App
            updatePrompt={
              <Suspense fallback={null}>
                <UpdatePrompt />
              </Suspense>
            }
          />
        </DatabaseGate>
      </ErrorBoundary>
    </StrictMode>,
  ),
)
preloadRest()
// Asking to keep the data and taking files the installed app is opened with wait until the page
// is up: neither is needed to show it.
void import('../features/settings/storage-status').then((m) => m.requestPersistence()).catch(() => undefined)
void import('../features/import-export/file-launch').then((m) => m.listenForLaunchedFiles()).catch(() => undefined)
