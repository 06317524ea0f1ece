import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real-server fault and load tests run on their own: `pnpm test:reliability` (vitest.reliability.config.ts).
    exclude: [...configDefaults.exclude, 'test/reliability/**'],
    globalSetup: ['./src/testing/vitest-global-setup.ts'],
    setupFiles: ['./src/testing/vitest-setup.ts'],
    // One migrated database per worker, reused by every file it runs; each test is a rolled-back transaction.
    isolate: false,
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
