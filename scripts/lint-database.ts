import { env } from '../src/config/env.js';
import { lintDatabase } from '../src/migrate/index.js';
import { runScript } from './_run.js';

// `pnpm db:lint`: the security lints of DIRECT_URL (falling back to DATABASE_URL; unset = embedded PGlite). Run it
// after `pnpm db:migrate` on a Supabase project: exit 1 when the Data API would expose something no policy allows.

await runScript(async () => {
  const config = env();
  const findings = await lintDatabase({
    url: config.DIRECT_URL ?? config.DATABASE_URL,
    connectTimeoutSeconds: config.DATABASE_CONNECT_TIMEOUT,
  });
  for (const finding of findings) console.error(`✗ [${finding.lint}] ${finding.object}: ${finding.detail}`);
  if (findings.length > 0) {
    console.error(`\n${findings.length} security finding(s).`);
    process.exitCode = 1;
  } else {
    console.log('✓ security lints: RLS on every exposed table, no secret readable, every function pinned.');
  }
});
