// Pages loaded on demand. Each can also be loaded ahead (at start-up for a deep link, or when the
// browser is idle), so that opening it later shows it at once instead of a "Loading…" pause.
import { createElement, lazy, type ComponentType } from 'react'

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>) {
  let loaded: ComponentType<P> | undefined
  const Lazy = lazy(load)
  const preload = () => load().then((m) => { loaded = m.default })
  function Page(props: P) {
    return createElement(loaded ?? Lazy, props)
  }
  return { Page, preload }
}

export const planPage = lazyPage(() => import('../features/checklist/plan-page'))
export const settingsPage = lazyPage(() => import('../features/settings/settings-page'))
export const trashPage = lazyPage(() => import('../features/trash/trash-page'))
export const grabPackPage = lazyPage(() => import('../features/exchange/grab-pack-page'))
export const planExportMenu = lazyPage(() => import('../features/exchange/plan-export-menu'))
export const exportAllCard = lazyPage(() => import('../features/exchange/export-all-card'))

/** What a deep link needs before the first render. */
export function preloadFor(pathname: string): Promise<unknown> {
  if (pathname.startsWith('/plans/')) return Promise.all([planPage.preload(), planExportMenu.preload()])
  return Promise.resolve()
}

/** Everything else, once the browser has nothing better to do. */
export function preloadRest(): void {
  const all = [planPage, planExportMenu, settingsPage, trashPage, grabPackPage, exportAllCard]
  const run = () => void Promise.all(all.map((p) => p.preload())).catch(() => undefined)
  if ('requestIdleCallback' in window) requestIdleCallback(run, { timeout: 3000 })
  else setTimeout(run, 1000)
}
