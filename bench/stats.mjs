// What every bench prints with a timing: its spread over the runs (min, median, max) and how busy
// the machine was (the load average). On 2 shared cores one median alone says little.
import { availableParallelism, loadavg } from 'node:os'

const finite = (xs) => xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b)

export function median(xs) {
  const s = finite(xs)
  if (!s.length) return null
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** { n, min, median, max } of the numbers in xs, or null when there are none. */
export function spread(xs) {
  const s = finite(xs)
  if (!s.length) return null
  return { n: s.length, min: s[0], median: median(s), max: s[s.length - 1] }
}

export const r1 = (x) => (x == null ? null : Math.round(x * 10) / 10)

/** "123.4 ms (min 100.1, max 150.0, n 5)". */
export function fmtSpread(s, unit = 'ms') {
  if (!s) return 'n/a'
  const u = unit ? ` ${unit}` : ''
  return s.n === 1 ? `${r1(s.median)}${u} (one run)` : `${r1(s.median)}${u} (min ${r1(s.min)}, max ${r1(s.max)}, n ${s.n})`
}

/** The 1-minute load average now, and the cores it is shared by. */
export function load() {
  return { load1: r1(loadavg()[0]), cores: availableParallelism() }
}

export const fmtLoad = ({ load1, cores } = load()) => `load ${load1} on ${cores} cores`
