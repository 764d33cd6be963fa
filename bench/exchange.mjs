// Export and import of a 10,000-item document in headless Chromium: the app's own code paths next
// to a bare Dexie bulkAdd / toArray + JSON.stringify of the same rows. Prints figures; never fails
// on them. Usage: node bench/exchange.mjs [--items 10000] [--runs 5]
import { build } from 'vite'
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launch, ROOT } from '../tests/e2e/browser.mjs'

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const ITEMS = arg('items', 10_000)
const RUNS = arg('runs', 5)
const out = mkdtempSync(path.join(tmpdir(), 'ck-exchange-bench-'))
await build({ root: path.join(ROOT, 'bench/exchange'), logLevel: 'silent', configFile: false, base: './', build: { outDir: out, emptyOutDir: true, target: 'es2022' } })

const types = { '.html': 'text/html', '.js': 'text/javascript' }
const server = createServer((req, res) => {
  const file = path.join(out, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/$/, '/index.html'))
  if (!file.startsWith(out) || !existsSync(file)) {
    res.writeHead(404).end()
    return
  }
  res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file))
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const browser = await launch()
try {
  const page = await browser.newPage()
  await page.goto(url)
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded')
  const result = await page.evaluate(([items, runs]) => window.bench.run(items, runs), [ITEMS, RUNS])
  const m = Object.fromEntries(Object.entries(result).filter(([, v]) => Array.isArray(v)).map(([k, v]) => [k, median(v)]))
  const row = (what, app, bare, target) => ({ what, 'app (ms)': Math.round(app), 'bare Dexie (ms)': Math.round(bare), ratio: Math.round((app / bare) * 100) / 100, target })
  console.log(`\nExport and import of one plan with ${ITEMS} items (${(result.bytes / 1e6).toFixed(1)} MB of JSON), median of ${RUNS} runs in headless Chromium`)
  console.table([
    row('import (check + one transaction)', m.appImport, m.bareImport, '<= 2x bare bulkAdd'),
    row('export (read + serialise)', m.appExport, m.bareExport, '<= 1.5x bare toArray + JSON.stringify'),
  ])
  console.log(`of which checking the import file: ${Math.round(m.check)} ms`)
  console.log(`import: ${(m.appImport / m.bareImport).toFixed(2)}x bare (target <= 2x); export: ${(m.appExport / m.bareExport).toFixed(2)}x bare (target <= 1.5x)`)
} finally {
  await browser.close()
  server.close()
}
