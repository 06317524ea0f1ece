import fs from 'node:fs';
import path from 'node:path';
import { assert, childEnv } from './context.js';
import { runCommand } from './run-command.js';

/** (k) apps/api lints clean with `database/eslint`, and a direct driver import fails with what to import instead. */
export async function lintWithGuardrail(app: string): Promise<string> {
  const run = () => runCommand('pnpm', ['exec', 'eslint', '.'], { cwd: app, env: childEnv() });
  await run();
  const forbidden = path.join(app, 'src', 'raw-driver.ts');
  fs.writeFileSync(forbidden, "import postgres from 'postgres';\n\nexport const sql = postgres();\n");
  try {
    const failure = await run().then(
      () => null,
      (error: Error) => error.message,
    );
    assert(failure !== null, 'eslint passed a direct `postgres` import in apps/api: is database/eslint in its config?');
    assert(
      failure.includes('no-restricted-imports') && failure.includes("from 'database'"),
      `eslint failed apps/api's direct driver import without saying what to import instead:\n${failure}`,
    );
  } finally {
    fs.rmSync(forbidden);
  }
  return 'apps/api lints clean with database/eslint; a direct `postgres` import fails, naming what to use instead';
}
