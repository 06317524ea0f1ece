import { defineConfig } from 'drizzle-kit';
import { parseDatabaseUrl } from './src/config/database-url.js';
import { env } from './src/config/env.js';

// drizzle-kit generate needs no database; studio, push and pull use DIRECT_URL (or the embedded default), dialed as the
// runtime dials it: without our `pgbouncer=true` marker, which PostgreSQL would reject as a startup parameter (42704).
const target = parseDatabaseUrl(env().DIRECT_URL ?? env().DATABASE_URL);

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
  strict: true,
  verbose: true,
  ...(target.kind === 'postgres'
    ? { dbCredentials: { url: target.connectionUrl } }
    : { driver: 'pglite', dbCredentials: { url: target.dataDir ?? 'memory://' } }),
});
