import database from 'database/eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

// `database/eslint`: no Drizzle or driver imports outside the database package, no database/testing outside tests.
export default defineConfig(tseslint.configs.recommended, database);
