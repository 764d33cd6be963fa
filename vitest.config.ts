import { readdirSync, readFileSync } from 'node:fs'
import { configDefaults, defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

// Test files share their modules with the files run before them in the same worker (isolate: false):
// loading React, Dexie and the app once per worker instead of once per file halved the suite. A file
// that replaces a module (vi.mock) is the exception, run with modules of its own: a module an earlier
// file loaded would keep its real code there, and the replacement would leak into later files.
// tests/setup.ts puts back what is shared after every test (database, DOM, stores, globals, timers).
function replacingModules(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.test\.tsx?$/.test(f) && /\bvi\.(do)?[mM]ock\(/.test(readFileSync(`${dir}/${f}`, 'utf8')))
    .map((f) => `${dir}/${f}`)
}
const own = [...replacingModules('tests/unit'), ...replacingModules('tests/component')]

export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    // Two cores shared with a browser: give slow machines room rather than flaky failures.
    testTimeout: 30_000,
    // Every core (Vitest leaves one to itself by default, which on two cores is one worker for the whole suite).
    maxWorkers: '100%',
    setupFiles: ['tests/setup.ts'],
    projects: [
      // Domain and database tests need no page: Node alone starts several times faster than jsdom.
      // A unit test that needs one says so in its first line (@vitest-environment jsdom).
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: [...configDefaults.exclude, ...own], environment: 'node', isolate: false },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...own],
          environment: 'jsdom',
          isolate: false,
        },
      },
      ...own.map((file) => ({
        extends: true as const,
        test: { name: file.replace(/^tests\/|\.test\.tsx?$/g, ''), include: [file], environment: file.endsWith('.tsx') ? 'jsdom' : 'node' },
      })),
    ],
  },
})
