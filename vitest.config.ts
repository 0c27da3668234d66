import { defineConfig } from 'vitest/config';

// Tests run with a pinned timezone so that nothing depends on the machine's zone.
process.env.TZ = 'UTC';

/**
 * End-to-end files: they start processes (the `brief` executable, npx, node), Chromium, loopback
 * servers or ESLint, or render many briefs. Everything else is the unit project, the fast loop
 * (`npm run test:unit`, under 30 s on two cores).
 */
const E2E = [
  'test/bench/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/deploy/**/*.test.ts',
  'test/integrity/**/*.test.ts',
  'test/layout/**/*.test.ts',
  'test/lint/**/*.test.ts',
  'test/package/**/*.test.ts',
  'test/preview/**/*.test.ts',
  'test/reliability/**/*.test.ts',
  'test/render/**/*.test.ts',
  'test/scenarios/**/*.test.ts',
  'test/site/**/*.test.ts',
  'test/golden/**/*.test.ts',
  'test/sources/faults.test.ts',
  'test/sources/fetch-e2e.test.ts',
  'test/sources/http.test.ts',
  'test/fetch/keep-richer.test.ts',
  'test/fs/lock.test.ts',
  'test/narrative/part-day.test.ts',
  'test/check/corpus.test.ts',
  'test/check/variation.test.ts',
  'test/charts/render.test.ts',
  'test/charts/shape-cache.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Two files at a time on two cores: most end-to-end files wait on processes, Chromium and
    // sockets, so a second fork keeps the cores busy (vitest's default here would be one).
    maxWorkers: 2,
    // No isolation: a fork runs file after file with the modules it already loaded (the pipeline,
    // vega, Handlebars), instead of a fresh process importing them again for every file. Set
    // here, not per project: vitest 3.2 ignores a project's `isolate` for the forks pool (every
    // file got its own process). A test therefore leaves no global state behind (process.env,
    // cwd, timers, mocks, listeners).
    isolate: false,
    // …and test/support/no-leaks.ts fails a file that does leave some behind.
    setupFiles: ['test/support/no-leaks.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E } },
      // maxConcurrency: the faults battery runs its nine targets side by side (describe.concurrent),
      // each mostly waiting on sockets and deadlines; vitest's default would hold four of them back.
      // The end-to-end files run the CLI in-process (test/support/run-cli.ts), so they share the
      // fork's modules like the unit files.
      { extends: true, test: { name: 'e2e', include: E2E, maxConcurrency: 10 } },
    ],
  },
});
