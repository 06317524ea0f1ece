import path from 'node:path';
import { loadSchemaTables } from './load.js';
import { renderSchemaDoc } from './render.js';

export const SCHEMA_DOC = 'docs/schema.md';

/** What docs/schema.md must contain for the schema under `root`. */
export async function expectedSchemaDoc(root: string): Promise<string> {
  return renderSchemaDoc(await loadSchemaTables(root), path.join(root, SCHEMA_DOC));
}
