import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import pkg from './package.json' with { type: 'json' }
import { exportJsonSchema } from './src/domain/export-format'
import { SCHEMA_PATH } from './src/domain/format-version'

/** Ships the export format's JSON Schema, generated from the zod schemas, at a stable URL. */
function exportSchema(): Plugin {
  const source = () => `${JSON.stringify(exportJsonSchema(), null, 2)}\n`
  return {
    name: 'continuity-kit-export-schema',
    configureServer(server) {
      server.middlewares.use(SCHEMA_PATH, (_req, res) => {
        res.setHeader('Content-Type', 'application/schema+json')
        res.end(source())
      })
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: SCHEMA_PATH.slice(1), source: source() })
    },
  }
}

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  plugins: [
    react(),
    exportSchema(),
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
  build: { target: 'es2022' },
})
