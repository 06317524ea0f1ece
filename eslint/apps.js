// The guardrail for the apps of a monorepo that uses this package: Drizzle and the drivers are imported only inside
// `database`, and `database/testing` only from tests. Add it after your own TypeScript setup:
//   import database from 'database/eslint';
//   export default defineConfig(...yourConfig, database);
// Plain JavaScript on purpose: ESLint loads it with Node, which does not strip types under node_modules.

const driverImports = {
  paths: [
    { name: 'drizzle-orm', message: "Import operators and `sql` from 'database', tables from 'database/schema'." },
    { name: 'postgres', message: "The driver lives inside 'database': use its query objects or `db` from 'database'." },
    {
      name: '@electric-sql/pglite',
      message: "The embedded database lives inside 'database': use its query objects or `db` from 'database'.",
    },
    { name: 'drizzle-zod', message: "Import DTO schemas from 'database/dto'." },
  ],
  patterns: [
    {
      group: ['drizzle-orm/*', 'postgres/*', '@electric-sql/pglite/*'],
      message:
        "Drizzle and the drivers are imported only inside 'database': use 'database', 'database/schema' or 'database/dto'.",
    },
  ],
};

const testingImport = {
  name: 'database/testing',
  message: "'database/testing' (factories, rolled-back test transactions) belongs in test files only.",
};

/** Files that may use `database/testing`: tests and the test runner's own config. */
export const testFiles = [
  '**/*.test.*',
  '**/*.spec.*',
  '**/test/**',
  '**/tests/**',
  '**/__tests__/**',
  '**/vitest.config.*',
  '**/vitest.*.config.*',
];

/** @type {import('eslint').Linter.Config[]} */
export default [
  {
    name: 'database/apps: no driver imports outside database',
    files: ['**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}'],
    ignores: testFiles,
    rules: {
      'no-restricted-imports': ['error', { ...driverImports, paths: [...driverImports.paths, testingImport] }],
    },
  },
  {
    name: 'database/apps: tests may use database/testing',
    files: testFiles,
    rules: { 'no-restricted-imports': ['error', driverImports] },
  },
];
