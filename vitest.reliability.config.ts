import { defineConfig } from 'vitest/config';
import { env } from './src/config/env.js';
import base from './vitest.config.js';

// `pnpm test:reliability`: fault, load and pooler tests against a real PostgreSQL server (never PGlite).
const LOCAL_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const serverUrl = env().TEST_DATABASE_URL ?? LOCAL_SERVER_URL;
// The reused global setup reads TEST_DATABASE_URL through its own instance of the env module (vitest loads it apart
// from this file), so the default is handed down the only way it can be: written, never read, here.
// eslint-disable-next-line no-restricted-properties
process.env.TEST_DATABASE_URL = serverUrl;

export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    globalSetup: base.test?.globalSetup,
    setupFiles: base.test?.setupFiles,
    isolate: false,
    pool: 'forks',
    // Load and fault tests measure the server; two files at once on a 2-core machine would measure each other.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
