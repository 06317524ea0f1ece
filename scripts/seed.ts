import { env } from '../src/config/env.js';
import { runScript } from './_run.js';
import { seedConfiguredDatabase } from './_seed.js';

// `pnpm db:seed`: writes the demo data set (three tenants and everything around them) to DIRECT_URL, falling back
// to DATABASE_URL (unset = embedded PGlite). Safe to re-run: a seeded database is left alone.

await runScript(() => seedConfiguredDatabase(env()));
