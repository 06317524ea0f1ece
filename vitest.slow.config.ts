import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `pnpm test:slow`: end-to-end runs that copy the repository and spawn tsc, eslint and vitest (test/slow/*).
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/slow/**/*.test.ts'],
    exclude: [],
    testTimeout: 300_000,
  },
});
