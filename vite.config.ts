import { defineConfig, runnerImport, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }

type FormatModules = { schema: typeof import('./src/domain/export-format'); version: typeof import('./src/domain/format-version') }

/**
 * The export format's JSON Schema, generated from the zod schemas. The app's modules are loaded
 * through Vite's module runner when needed, not imported by this config, so the config itself
 * stays plain and loads without warnings.
 */
async function loadFormat(): Promise<FormatModules> {
  const options = { configFile: false as const, logLevel: 'silent' as const }
  const [schema, version] = await Promise.all([
    runnerImport<FormatModules['schema']>('./src/domain/export-format.ts', options),
    runnerImport<FormatModules['version']>('./src/domain/format-version.ts', options),
  ])
  return { schema: schema.module, version: version.module }
}

/** Ships the export format's JSON Schema at a stable URL. */
function exportSchema(): Plugin {
  const source = async () => {
    const { schema, version } = await loadFormat()
    return { path: version.SCHEMA_PATH, text: `${JSON.stringify(schema.exportJsonSchema(), null, 2)}\n` }
  }
  return {
    name: 'continuity-kit-export-schema',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/schema/')) return next()
        void source().then(({ path, text }) => {
          if (req.url !== path) return next()
          res.setHeader('Content-Type', 'application/schema+json')
          res.end(text)
        }, next)
      })
    },
    async generateBundle() {
      const { path, text } = await source()
      this.emitFile({ type: 'asset', fileName: path.slice(1), source: text })
    },
  }
}

/**
 * The Content-Security-Policy: everything from this origin, nothing inline, no eval, no plugins,
 * no framing. The one exception is connecting to the team's sharing server, whose address the user
 * types: any https:// server, or one on this machine (development and tests). The built page carries it as a meta tag; the preview server also sends it as a
 * header, with what only a header can say (frame-ancestors).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' https: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ')

function contentSecurityPolicy(): Plugin {
  return {
    name: 'continuity-kit-csp',
    // The dev server injects inline scripts for hot reload: the policy is for the built app.
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  }
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    react(),
    exportSchema(),
    contentSecurityPolicy(),
    VitePWA({
      // The user decides when a new version takes over: never reload under someone's typing.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Continuity Kit',
        short_name: 'Continuity',
        description: 'Write, keep and rehearse your incident response, business continuity and supplier plans — offline.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f7f5',
        theme_color: '#1f4e79',
        // Opening a .continuity.json file with the installed app goes through Import.
        file_handlers: [{ action: '/', accept: { 'application/json': ['.json'] } }],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,json,txt}'],
        // Every deep link (/plans/<id>, /settings…) is answered by the cached app shell.
        navigateFallback: '/index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    modulePreload: {
      // A page loaded on demand brings its style sheets; its scripts' own imports are fetched by the
      // browser as it reads them (from the service worker's cache once installed). Preloading them
      // meant a <link> added per chunk (over 50 for a plan), tens of ms on the main thread at start.
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : deps.filter((dep) => dep.endsWith('.css'))),
    },
  },
  preview: {
    headers: {
      'Content-Security-Policy': `${CSP}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    },
  },
})
