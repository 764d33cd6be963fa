// Export and import of a 10,000-item document in headless Chromium: the app's own code paths next
// to a bare Dexie bulkAdd / toArray + JSON.stringify of the same rows. Prints figures; never fails
// on them. Usage: node bench/exchange.mjs [--items 10000] [--runs 5]
import { build } from 'vite'
import { createServer } from 'node:http'
import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { launch, ROOT } from '../tests/e2e/browser.mjs'
import { fmtLoad, fmtSpread, load, spread } from './stats.mjs'

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? Number(process.argv[i + 1]) : dflt
}
const ITEMS = arg('items', 10_000)
const RUNS = arg('runs', 5)
const out = mkdtempSync(path.join(tmpdir(), 'ck-exchange-bench-'))
await build({
  root: path.join(ROOT, 'bench/exchange'),
  logLevel: 'silent',
  configFile: false,
  base: './',
  build: { outDir: out, emptyOutDir: true, target: 'es2022' },
})

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

const browser = await launch()
try {
  const page = await browser.newPage()
  await page.goto(url)
  await page.waitForFunction(() => document.getElementById('status')?.textContent === 'loaded')
  const result = await page.evaluate(([items, runs]) => window.bench.run(items, runs), [ITEMS, RUNS])
  const machine = load()
  const s = Object.fromEntries(
    Object.entries(result)
      .filter(([, v]) => Array.isArray(v))
      .map(([k, v]) => [k, spread(v)]),
  )
  const m = Object.fromEntries(Object.entries(s).map(([k, v]) => [k, v?.median]))
  const row = (what, app, bare, target) => ({
    what,
    'app ms (min-max)': `${Math.round(app.median)} (${Math.round(app.min)}-${Math.round(app.max)})`,
    'bare Dexie ms (min-max)': `${Math.round(bare.median)} (${Math.round(bare.min)}-${Math.round(bare.max)})`,
    ratio: Math.round((app.median / bare.median) * 100) / 100,
    target,
  })
  console.log(
    `\nExport and import of one plan with ${ITEMS} items (${(result.bytes / 1e6).toFixed(1)} MB of JSON), median of ${RUNS} runs in headless Chromium; ${fmtLoad(machine)}`,
  )
  console.table([
    row('import (check + one transaction)', s.appImport, s.bareImport, '<= 2x bare bulkAdd'),
    row('export (read + serialise)', s.appExport, s.bareExport, '<= 1.5x bare toArray + JSON.stringify'),
  ])
  console.log(
    `import: app ${fmtSpread(s.appImport)}, bare ${fmtSpread(s.bareImport)}; export: app ${fmtSpread(s.appExport)}, bare ${fmtSpread(s.bareExport)} [${fmtLoad(machine)}]`,
  )
  console.log(`of which checking the import file: ${fmtSpread(s.check)}`)
  console.log(
    `import: ${(m.appImport / m.bareImport).toFixed(2)}x bare (target <= 2x); export: ${(m.appExport / m.bareExport).toFixed(2)}x bare (target <= 1.5x)`,
  )
} finally {
  await browser.close()
  server.close()
}
