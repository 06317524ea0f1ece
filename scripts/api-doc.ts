import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { runScript } from './_run.js';
import { API_DOC, expectedApiDoc } from './api/doc.js';

// `pnpm docs:api`: writes docs/api.md, every name each package.json entry point exports (`pnpm db:check` fails when
// it is stale).

await runScript(async () => {
  const file = path.join(packageRoot, API_DOC);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await expectedApiDoc(packageRoot));
  console.log(`✓ wrote ${API_DOC}`);
});
