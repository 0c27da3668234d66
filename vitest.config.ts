import { defineConfig } from 'vitest/config';

// Tests run with a pinned timezone so that nothing depends on the machine's zone.
process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
