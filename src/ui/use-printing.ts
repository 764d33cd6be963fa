// Whether the page is being printed: the browser's print dialog, or print media being emulated.
import { useEffect, useState } from 'react'

export function usePrinting(): boolean {
  const [printing, setPrinting] = useState(() => typeof matchMedia === 'function' && matchMedia('print').matches)
  useEffect(() => {
    const media = typeof matchMedia === 'function' ? matchMedia('print') : null
    const onMedia = () => setPrinting(media?.matches ?? false)
    const on = () => setPrinting(true)
    const off = () => setPrinting(media?.matches ?? false)
    media?.addEventListener('change', onMedia)
    window.addEventListener('beforeprint', on)
    window.addEventListener('afterprint', off)
    return () => {
      media?.removeEventListener('change', onMedia)
      window.removeEventListener('beforeprint', on)
      window.removeEventListener('afterprint', off)
    }
  }, [])
  return printing
}
