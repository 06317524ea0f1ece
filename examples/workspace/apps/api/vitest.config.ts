import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['database/testing/vitest-global-setup'],
    setupFiles: ['database/testing/vitest-setup'],
    // One migrated database per worker, shared by its test files; each test is a rolled-back transaction.
    isolate: false,
  },
});
