// A minimal static server for browser tests that need to change what is served while a page is
// open (a new version replacing an old one): `setRoot(dir)` switches folders, and every request is
// read from disk when it arrives. Unknown paths without an extension get index.html (the app's
// routes); a missing asset is a 404, as on a real server after an update.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
}

export async function startStaticServer(root) {
  let current = root
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const file = path.join(current, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''))
    const candidates = path.extname(pathname) ? [file] : [path.join(file, 'index.html'), path.join(current, 'index.html')]
    for (const f of candidates) {
      try {
        const body = await readFile(f)
        res.writeHead(200, { 'content-type': TYPES[path.extname(f)] ?? 'application/octet-stream', 'cache-control': 'no-cache' })
        res.end(body)
        return
      } catch {
        // try the next candidate
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found')
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    url: `http://127.0.0.1:${port}`,
    setRoot: (dir) => {
      current = dir
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
