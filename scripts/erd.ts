import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../src/config/database-url.js';
import { runScript } from './_run.js';
import { SCHEMA_DOC, expectedSchemaDoc } from './erd/schema-doc.js';

// `pnpm db:erd`: writes docs/schema.md (table list + one Mermaid ER diagram per domain) from the Drizzle tables.

await runScript(async () => {
  const file = path.join(packageRoot, SCHEMA_DOC);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, await expectedSchemaDoc(packageRoot));
  console.log(`✓ wrote ${SCHEMA_DOC}`);
});
