import { defineConfig } from 'drizzle-kit';
import { parseDatabaseUrl } from './src/config/database-url.js';
import { env } from './src/config/env.js';

// drizzle-kit generate needs no database; studio and check use DIRECT_URL (or the embedded default).
const target = parseDatabaseUrl(env().DIRECT_URL ?? env().DATABASE_URL);

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
  ...(target.kind === 'postgres'
    ? { dbCredentials: { url: target.url } }
    : { driver: 'pglite', dbCredentials: { url: target.dataDir ?? 'memory://' } }),
});
