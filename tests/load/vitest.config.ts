import { defineConfig } from 'vitest/config';

/**
 * The load run (`pnpm test:load`), kept out of the default projects: it starts the built server as its
 * own process, sends 50 concurrent 5 MiB uploads and 20 oversize bodies, and writes reports/load.json.
 */
export default defineConfig({
  test: {
    name: 'load',
    root: new URL('../..', import.meta.url).pathname,
    include: ['tests/load/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // One file, run alone: the figures are about the server, not about competing test workers.
    fileParallelism: false,
  },
});
