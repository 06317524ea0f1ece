import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['./src/testing/vitest-global-setup.ts'],
    setupFiles: ['./src/testing/vitest-setup.ts'],
    // One migrated database per worker, reused by every file it runs; each test is a rolled-back transaction.
    isolate: false,
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
