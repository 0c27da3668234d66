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
    projects: [
      // The unit files share one module graph per fork (no isolation): collecting each file in a
      // fresh context cost more than running its tests (26 s of 45 s on two cores). A unit test
      // therefore leaves no global state behind (process.env, cwd, timers, mocks).
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: E2E, isolate: false } },
      // The end-to-end files too: each imported the whole pipeline again (collection was a third
      // of their time on two cores, 60 s of 170 s for the CLI, layout and site files); they run
      // the CLI in-process (test/support/run-cli.ts), so the same rule holds for them.
      // maxConcurrency: the faults battery runs its nine targets side by side (describe.concurrent),
      // each mostly waiting on sockets and deadlines; vitest's default would hold four of them back.
      { extends: true, test: { name: 'e2e', include: E2E, isolate: false, maxConcurrency: 10 } },
    ],
  },
});
