import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Kept out of the fast suite, each with its own script (and CI step): real-server fault and load tests
    // (`pnpm test:reliability`), property tests at full figures (`pnpm test:properties`), and the scaffolder's
    // end-to-end run in a copy of the repository (`pnpm test:slow`).
    exclude: [...configDefaults.exclude, 'test/reliability/**', 'test/properties/**', 'test/slow/**'],
    globalSetup: ['./src/testing/vitest-global-setup.ts'],
    setupFiles: ['./src/testing/vitest-setup.ts'],
    // One migrated database per worker, reused by every file it runs; each test is a rolled-back transaction.
    isolate: false,
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
