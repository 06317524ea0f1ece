import { packageRoot } from '../src/config/database-url.ts';
import { checkStructure } from './structure/rules.ts';

// `pnpm check:structure`: the rails that keep every domain folder as clean as the first (see scripts/structure/).

const violations = checkStructure(packageRoot);
if (violations.length === 0) {
  console.log('✓ structure: every table is exported, companioned, and its rules are tested.');
} else {
  for (const v of violations) console.error(`✗ [${v.rule}] ${v.file}: ${v.message}`);
  console.error(`\n${violations.length} structure violation(s).`);
  process.exitCode = 1;
}
