// The current time, refreshed every second while `active`, and at once whenever `key` changes (a
// pause, a resume), so the clock is always computed from the stored state and never stored itself.
import { useEffect, useState } from 'react'

export function useNow(active: boolean, key: unknown, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    setNow(Date.now())
    if (!active) return
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [active, key, intervalMs])
  return now
}
