// Opens and closes a <dialog> as a modal to follow `open`, so the platform traps focus and Escape
// cancels.
import { useEffect, useRef } from 'react'

export function useModal(open: boolean) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const d = ref.current
    if (!d) return
    if (open && !d.open) d.showModal()
    if (!open && d.open) d.close()
  }, [open])
  return ref
}
