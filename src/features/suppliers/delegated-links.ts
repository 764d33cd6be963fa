// Long tables hold hundreds of links to plans. Plain <a href> elements cost nothing per link; one
// click handler on their container turns a plain left click into in-app navigation.
import { useCallback, type MouseEvent } from 'react'
import { useLocation } from 'wouter'

export function useDelegatedLinks(): (e: MouseEvent<HTMLElement>) => void {
  const [, navigate] = useLocation()
  return useCallback(
    (e: MouseEvent<HTMLElement>) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return
      const a = (e.target as Element).closest?.('a[data-app-link]')
      const href = a?.getAttribute('href')
      if (!href?.startsWith('/')) return
      e.preventDefault()
      navigate(href)
    },
    [navigate],
  )
}
