import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['database/testing/vitest-global-setup'],
    setupFiles: ['database/testing/vitest-setup'],
    isolate: false,
  },
});
