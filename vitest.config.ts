import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  plugins: [react()],
  define: { __APP_VERSION__: JSON.stringify('test') },
  test: {
    // Two cores shared with a browser: give slow machines room rather than flaky failures.
    testTimeout: 30_000,
    setupFiles: ['tests/setup.ts'],
    projects: [
      // Domain and database tests need no page: Node alone starts several times faster than jsdom.
      // A unit test that needs one says so in its first line (@vitest-environment jsdom).
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', isolate: false } },
      { extends: true, test: { name: 'component', include: ['tests/component/**/*.test.tsx'], environment: 'jsdom' } },
    ],
  },
})
