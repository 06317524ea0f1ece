import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Executor names Drizzle calls are made on, so the where-rules check them and leave `Map#delete` alone.
const drizzleObjectName = ['db', 'tx', 'executor', 'savepoint'];

export default defineConfig(
  // apps/api lints with its own config (database/eslint, which resolves only inside the example monorepo), in
  // pnpm check:workspace.
  {
    ignores: [
      'dist/',
      'node_modules/',
      'drizzle/',
      'bench/results/',
      'test/fixtures/**',
      'examples/workspace/apps/api/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    plugins: { drizzle, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } }),
      ],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      // eslint-plugin-drizzle's `recommended` preset is not a flat config: the two rules, set by hand.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'env',
          message: 'Read configuration through src/config/env.ts (the only reader of process.env).',
        },
      ],
    },
  },
  // The env module reads the environment; tests and benchmarks hand it to the child processes they spawn.
  { files: ['src/config/env.ts', 'test/**', 'bench/**'], rules: { 'no-restricted-properties': 'off' } },
);
