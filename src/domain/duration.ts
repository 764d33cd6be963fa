// Durations (RTO, RPO, MTPD…) are stored as whole minutes and written as "4h", "2d 4h", "30m".

const UNIT_MINUTES: Record<string, number> = { w: 7 * 24 * 60, d: 24 * 60, h: 60, m: 1 }

/**
 * Parses "90m", "4h", "1d 12h", "2w" or a bare number of hours into minutes.
 * Returns null when the text is not a duration.
 */
export function parseDuration(text: string): number | null {
  const s = text.trim().toLowerCase()
  if (s === '') return null
  if (/^\d+(\.\d+)?$/.test(s)) return Math.round(Number(s) * 60)
  const parts = s.split(/\s+/)
  let total = 0
  for (const part of parts) {
    const m = /^(\d+(?:\.\d+)?)([wdhm])$/.exec(part)
    if (!m) return null
    total += Number(m[1]) * (UNIT_MINUTES[m[2] as string] as number)
  }
  return Math.round(total)
}

/** Writes minutes back in the largest whole units: 1500 -> "1d 1h". */
export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '0m'
  const out: string[] = []
  let rest = minutes
  for (const [unit, size] of Object.entries(UNIT_MINUTES)) {
    if (unit === 'w') continue // weeks read worse than days in a BIA table
    const n = Math.floor(rest / size)
    if (n > 0) {
      out.push(`${n}${unit}`)
      rest -= n * size
    }
  }
  return out.join(' ')
}
