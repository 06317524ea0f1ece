import { describe, expect, it } from 'vitest';
import type { PackageFile } from '../../scripts/adopt/copy.js';
import { renamePackage } from '../../scripts/adopt/rename.js';

const file = (path: string, text: string): PackageFile => ({ path, content: Buffer.from(text) });
const manifest = file(
  'package.json',
  '{\n  "name": "database",\n  "exports": { ".": "./a.ts", "./dto": "./b.ts", "./testing/vitest-setup": "./c.ts" }\n}\n',
);

describe('renamePackage', () => {
  it('renames package.json, the imports and the exported subpaths, and leaves other strings alone', () => {
    const source = [
      "import { db } from 'database';",
      'import type { Todo } from "database/dto";',
      "const lazy = await import('database');",
      "export default { setupFiles: ['database/testing/vitest-setup'] };",
      "const cache = path.join('.cache', 'database');",
      "const other = 'database/not-an-export';",
      'pnpm --filter database db:migrate',
    ].join('\n');
    const { files, changed } = renamePackage(
      [manifest, file('src/a.ts', source), file('logo.png', "'database'")],
      'database',
      '@acme/db',
    );
    expect(changed).toEqual(['package.json', 'src/a.ts']);
    expect(JSON.parse(files[0]!.content.toString()).name).toBe('@acme/db');
    expect(files[1]!.content.toString()).toBe(
      [
        "import { db } from '@acme/db';",
        'import type { Todo } from "@acme/db/dto";',
        "const lazy = await import('@acme/db');",
        "export default { setupFiles: ['@acme/db/testing/vitest-setup'] };",
        "const cache = path.join('.cache', 'database');",
        "const other = 'database/not-an-export';",
        'pnpm --filter @acme/db db:migrate',
      ].join('\n'),
    );
    expect(files[2]!.content.toString()).toBe("'database'");
  });
});
