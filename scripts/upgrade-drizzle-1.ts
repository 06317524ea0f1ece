import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runScript } from './_run.js';
import { relationsV2Source } from './upgrade/relations-v2.js';

// `tsx scripts/upgrade-drizzle-1.ts [dir]`: moves a checkout of this template from Drizzle 0.45 to Drizzle 1.0 (the
// release candidate below). Run it on the 0.45 install (it reads the relations() at runtime), then `pnpm install`
// and `pnpm exec drizzle-kit up`. docs/upgrading-drizzle.md says what each step changes; test/slow/drizzle-1.test.ts
// runs all three in a copy of the repository and proves the result. Every edit names the text it expects, so a tree
// that drifted from the template fails here instead of being half-converted.

export const DRIZZLE_1_VERSION = '1.0.0-rc.5-ab785fc';

type Edit = [from: string | RegExp, to: string];

function edit(root: string, file: string, edits: Edit[]): void {
  const full = path.join(root, file);
  let text = fs.readFileSync(full, 'utf8');
  for (const [from, to] of edits) {
    const next = text.replace(from, to);
    if (next === text) throw new Error(`${file}: expected ${String(from)}; was it changed since the template?`);
    text = next;
  }
  fs.writeFileSync(full, text);
}

const files = (root: string, dir: string, match: RegExp): string[] =>
  (fs.readdirSync(path.join(root, dir), { recursive: true }) as string[])
    .filter((file) => match.test(file))
    .map((file) => path.join(dir, file));

/** Relational Queries v2: `where` is an object of column filters instead of an `eq()` expression. */
const V1_WHERE: Edit[] = [
  [/where: eq\([\w.]+\.(\w+), ([^()]+?)\)/g, 'where: { $1: $2 }'],
  [/where: \((\w+), \{ eq \}\) => eq\(\1\.(\w+), ([^()]+?)\)/g, 'where: { $2: $3 }'],
];

export async function upgradeToDrizzle1(root: string): Promise<string[]> {
  const done: string[] = [];

  // 1. One defineRelations() from the relations() the schema declares today (read at runtime, on 0.45).
  const schema = (await import(pathToFileURL(path.join(root, 'src/schema/index.ts')).href)) as Record<string, unknown>;
  fs.writeFileSync(path.join(root, 'src/schema/relations.ts'), relationsV2Source(schema, './tables/index.js'));
  done.push('src/schema/relations.ts: defineRelations() for every relation of src/schema/tables/*/relations.ts');

  // 2. The 0.x relations() stay importable (drizzle-orm/_relations) for the per-domain files and their exports.
  for (const file of files(root, 'src/schema/tables', /relations\.ts$/)) {
    edit(root, file, [
      ["import { relations } from 'drizzle-orm';", "import { relations } from 'drizzle-orm/_relations';"],
    ]);
  }
  done.push("src/schema/tables/*/relations.ts: relations() from 'drizzle-orm/_relations'");

  // 3. The clients load the new relations and compile their row mappers (`jit`: what src/queries/_lib/row-mapper.ts
  // does on 0.45); the Database type is 1.0's async database over them.
  for (const file of ['src/client/pglite.ts', 'src/client/postgres.ts']) {
    edit(root, file, [
      ["import * as schema from '../schema/index.js';", "import { relations } from '../schema/relations.js';"],
      [/drizzle\(\{ client: ([^,]+), schema \}\)/, 'drizzle({ client: $1, relations, jit: true })'],
    ]);
  }
  edit(root, 'src/client/types.ts', [
    ["import type { ExtractTablesWithRelations } from 'drizzle-orm';\n", ''],
    [
      "import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';",
      "import type { PgAsyncDatabase, PgAsyncTransaction, PgQueryResultHKT } from 'drizzle-orm/pg-core';",
    ],
    [
      "import type * as schema from '../schema/index.js';",
      "import type * as schema from '../schema/index.js';\nimport type { relations } from '../schema/relations.js';",
    ],
    ['PgDatabase<PgQueryResultHKT, Schema>', 'PgAsyncDatabase<PgQueryResultHKT, typeof relations>'],
    [
      'PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>',
      'PgAsyncTransaction<PgQueryResultHKT, typeof relations>',
    ],
  ]);
  done.push(
    'src/client: drizzle({ client, relations, jit: true }), Database = PgAsyncDatabase<PgQueryResultHKT, typeof relations>',
  );

  // 4. DTOs: drizzle-zod is part of drizzle-orm.
  edit(root, 'src/dto/_zod.ts', [["from 'drizzle-zod';", "from 'drizzle-orm/zod';"]]);
  done.push("src/dto/_zod.ts: createSchemaFactory from 'drizzle-orm/zod'");

  // 5. Relational queries in the tests: object filters.
  for (const file of files(root, 'test', /\.test\.ts$/)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    if (!/\.query\.\w+\.find(First|Many)\(/.test(text)) continue;
    const next = V1_WHERE.reduce((result, [from, to]) => result.replace(from, to), text);
    if (next !== text) {
      fs.writeFileSync(path.join(root, file), next);
      done.push(`${file}: relational query filters as objects`);
    }
  }

  // 6. The rest of 1.0's API: the generic row type, the config without `strict`, the bench's relational query.
  // A generic table's row type: 1.0 does not resolve `T['$inferSelect']` on a type parameter.
  for (const file of files(root, 'src/queries/_lib', /\.ts$/)) {
    const full = path.join(root, file);
    const text = fs.readFileSync(full, 'utf8');
    const next = text
      .replace(/\b(\w+)\['\$inferSelect'\]/g, 'InferSelectModel<$1>')
      .replace(/\b(\w+)\['\$inferInsert'\]/g, 'InferInsertModel<$1>');
    if (next === text) continue;
    const types = ['InferSelectModel', 'InferInsertModel'].filter((name) => next.includes(`${name}<`));
    const imported = next.replace(
      /^import \{ ([^}]*) \} from 'drizzle-orm';$/m,
      (_line, names: string) =>
        `import { ${names}, ${types.map((name) => `type ${name}`).join(', ')} } from 'drizzle-orm';`,
    );
    if (imported === next)
      throw new Error(`${file}: no \`import { … } from 'drizzle-orm'\` line to add ${types.join(', ')} to`);
    fs.writeFileSync(full, imported);
  }
  edit(root, 'drizzle.config.ts', [['  strict: true,\n', '']]);
  edit(root, 'bench/cases/relational.ts', [
    [/^/, "import { sql } from 'drizzle-orm';\n"],
    ["where: (t, { eq, sql }) => eq(t.id, sql.placeholder('id'))", "where: { id: sql.placeholder('id') }"],
  ]);
  done.push('src/queries/_lib: InferSelectModel<T>; drizzle.config.ts: no `strict`; bench: v2 relational filter');

  // 7. The packages.
  const manifestPath = path.join(root, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  manifest.dependencies['drizzle-orm'] = DRIZZLE_1_VERSION;
  manifest.devDependencies['drizzle-kit'] = DRIZZLE_1_VERSION;
  delete manifest.dependencies['drizzle-zod'];
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  done.push(`package.json: drizzle-orm and drizzle-kit ${DRIZZLE_1_VERSION}, drizzle-zod removed`);

  // 8. This codemod reads 0.x relations() and cannot compile against 1.0: it removes itself.
  fs.rmSync(path.join(root, 'scripts/upgrade'), { recursive: true });
  fs.rmSync(path.join(root, 'scripts/upgrade-drizzle-1.ts'));
  done.push('scripts/upgrade-drizzle-1.ts: removed (its work is done)');
  return done;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await runScript(async () => {
    const root = path.resolve(process.argv[2] ?? '.');
    for (const line of await upgradeToDrizzle1(root)) console.log(`✓ ${line}`);
    console.log('Next: pnpm install, then pnpm exec drizzle-kit up (drizzle/ becomes one folder per migration).');
  });
}
