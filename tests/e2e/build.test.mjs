// The production build is an installable PWA: a manifest with real icons, and a service worker
// that precaches the app shell and every script, so the second visit needs no network at all.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { DIST, launch, shutdown, startPreview } from './browser.mjs'

const file = (p) => path.join(DIST, p)
const read = (p) => readFileSync(file(p), 'utf8')

/** Width and height from a PNG's IHDR chunk. */
function pngSize(p) {
  const buf = readFileSync(file(p))
  assert.equal(buf.subarray(1, 4).toString('latin1'), 'PNG', `${p} is not a PNG`)
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) }
}

/** The URLs in sw.js's precache manifest (generateSW writes them as {url:"…",revision:…}). */
function precachedUrls() {
  const urls = [...read('sw.js').matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => m[1])
  assert.ok(urls.length > 0, 'sw.js has no precache manifest')
  return new Set(urls)
}

test('the build has a service worker and a web app manifest', () => {
  for (const p of ['index.html', 'sw.js', 'manifest.webmanifest']) assert.ok(existsSync(file(p)), `dist/${p} is missing`)
  const html = read('index.html')
  assert.match(html, /<link rel="manifest" href="\/manifest\.webmanifest"/, 'index.html does not link the manifest')
})

test('the manifest makes the app installable', () => {
  const manifest = JSON.parse(read('manifest.webmanifest'))
  assert.equal(manifest.name, 'Continuity Kit')
  assert.ok(manifest.short_name, 'short_name is missing')
  assert.equal(manifest.start_url, '/')
  assert.equal(manifest.display, 'standalone')
  const png = manifest.icons.filter((i) => i.type === 'image/png')
  for (const size of [192, 512]) {
    const icon = png.find((i) => i.sizes.split(/\s+/).includes(`${size}x${size}`) && (i.purpose ?? 'any').split(/\s+/).includes('any'))
    assert.ok(icon, `no ${size}x${size} PNG icon for purpose "any"`)
    assert.ok(existsSync(file(icon.src)), `icon ${icon.src} is not in dist`)
    assert.deepEqual(pngSize(icon.src), { width: size, height: size }, `${icon.src} is not ${size}x${size}`)
  }
  for (const icon of manifest.icons) assert.ok(existsSync(file(icon.src)), `icon ${icon.src} is not in dist`)
})

test('the service worker precaches index.html and every script and style', () => {
  const urls = precachedUrls()
  assert.ok(urls.has('index.html'), 'index.html is not precached')
  assert.ok(urls.has('manifest.webmanifest'), 'manifest.webmanifest is not precached')
  const assets = readdirSync(file('assets')).filter((f) => /\.(js|css)$/.test(f))
  assert.ok(
    assets.some((f) => f.endsWith('.js')),
    'dist/assets has no JS',
  )
  for (const f of assets) assert.ok(urls.has(`assets/${f}`), `assets/${f} is not precached: that screen would not load offline`)
  // What index.html loads first must be there, and every precached URL must exist (or install fails).
  for (const [, src] of read('index.html').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) assert.ok(urls.has(src), `${src} (from index.html) is not precached`)
  for (const url of urls) assert.ok(existsSync(file(url)), `sw.js precaches ${url}, which is not in dist`)
})

test('the service worker answers deep links with the app shell', () => {
  assert.match(read('sw.js'), /createHandlerBoundToURL\("\/?index\.html"\)/, 'no navigation fallback to index.html: /plans/<id> would fail offline')
})

test('the home page loads under 120 KB of JS (gzip) before its first render', async (t) => {
  // Counted from the browser's own log: every script that had arrived when main.tsx began the first
  // render (its 'first-render' mark), so a chunk the entry awaits is counted as well as the entry.
  const server = await startPreview()
  let browser
  try {
    browser = await launch()
    const page = await (await browser.newContext()).newPage()
    await page.goto(`${server.url}/`, { waitUntil: 'load' })
    await page.waitForFunction(() => performance.getEntriesByName('first-render').length > 0, null, { timeout: 30_000 })
    const scripts = await page.evaluate(() => {
      const mark = performance.getEntriesByName('first-render')[0].startTime
      return performance
        .getEntriesByType('resource')
        .filter((e) => /\.m?js$/.test(new URL(e.name).pathname) && e.responseEnd <= mark)
        .map((e) => new URL(e.name).pathname)
    })
    assert.ok(
      scripts.some((p) => /^\/assets\/index-/.test(p)),
      `the entry is not among the scripts loaded before the first render: ${scripts.join(', ')}`,
    )
    const sizes = [...new Set(scripts)].map((p) => ({ p, gzip: gzipSync(readFileSync(file(p.slice(1))), { level: 9 }).length }))
    const total = sizes.reduce((a, s) => a + s.gzip, 0)
    t.diagnostic(`${total} bytes gzip before the first render, ${120_000 - total} under the budget`)
    assert.ok(
      total < 120_000,
      `${total} bytes gzip before the first render (budget 120,000): ${sizes
        .sort((a, b) => b.gzip - a.gzip)
        .map((s) => `${s.p} ${s.gzip}`)
        .join(', ')}`,
    )
  } finally {
    await shutdown({ browser, server })
  }
})
