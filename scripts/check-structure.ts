import { packageRoot } from '../src/config/database-url.js';
import { runScript } from './_run.js';
import { checkStructure } from './structure/rules.js';
import { schemaSecurityViolations } from './structure/schema-security.js';

// `pnpm check:structure`: the rails that keep every domain folder as clean as the first (see scripts/structure/),
// and the security lints of the schema the migrations build.

await runScript(async () => {
  const violations = [...checkStructure(packageRoot), ...(await schemaSecurityViolations(packageRoot))];
  if (violations.length === 0) {
    console.log('✓ structure: every table is exported, companioned, RLS-enabled, and its rules are tested.');
    console.log('✓ security lints: the migrated schema exposes nothing to anon or authenticated without a policy.');
    return;
  }
  for (const v of violations) console.error(`✗ [${v.rule}] ${v.file}: ${v.message}`);
  console.error(`\n${violations.length} structure violation(s).`);
  process.exitCode = 1;
});
