import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `pnpm test:properties`: the property tests at their full figures (test/properties/*), too slow for `pnpm test`.
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/properties/**/*.test.ts'],
    exclude: [],
    setupFiles: [...(base.test?.setupFiles as string[]), './test/support/fast-check-seed.ts'],
    provide: { tenantWallSequences: 100, fastCheckSeed: 20261122 },
  },
});
