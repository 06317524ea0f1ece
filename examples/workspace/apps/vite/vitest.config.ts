import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['database/testing/vitest-global-setup'],
    setupFiles: ['database/testing/vitest-setup'],
    isolate: false,
  },
});
