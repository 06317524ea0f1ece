import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/** One fixed seed, so CI replays the same inputs; `FAST_CHECK_SEED=<n> pnpm test:properties` explores others. */
// eslint-disable-next-line no-restricted-properties -- the config reads its one knob before any test code runs
const seed = process.env.FAST_CHECK_SEED;
if (seed !== undefined && !/^-?\d+$/.test(seed)) throw new Error('FAST_CHECK_SEED must be an integer');

// `pnpm test:properties`: the property tests at their full figures (test/properties/*), too slow for `pnpm test`.
export default defineConfig({
  test: {
    ...base.test,
    include: ['test/properties/**/*.test.ts'],
    exclude: [],
    setupFiles: [...(base.test?.setupFiles as string[]), './test/support/fast-check-seed.ts'],
    provide: { tenantWallSequences: 100, fastCheckSeed: seed === undefined ? 20261122 : Number(seed) },
  },
});
