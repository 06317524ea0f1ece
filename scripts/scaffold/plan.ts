import fs from 'node:fs';
import path from 'node:path';
import { findTables } from '../structure/rules.js';
import { exportedNames } from '../structure/source-files.js';
import { addObjectProperty, ensureExportStar, ensureImport, ensureNamedExport, objectKeys } from './edit-source.js';
import {
  camelCase,
  dtoExportsOf,
  exportedNamesOf,
  invalidName,
  pascalCase,
  tableNames,
  type TableNames,
} from './names.js';
import { dtoModule } from './templates/dto.js';
import { factoryModule } from './templates/factory.js';
import { listInputType, queriesModule } from './templates/queries.js';
import { newRelationsModule, tableRelations, tenantsModuleFrom } from './templates/relations.js';
import type { TableAccess } from './templates/rules.js';
import { tableModule } from './templates/table.js';
import { testModule } from './templates/test.js';

/** One file the scaffold writes: `before` is null for a new file. Paths are relative to the package root. */
export interface FileChange {
  file: string;
  before: string | null;
  after: string;
}

export interface ScaffoldPlan {
  names: TableNames;
  changes: FileChange[];
}

export class ScaffoldError extends Error {
  override name = 'ScaffoldError';
}

const TENANT_RELATIONS = 'src/schema/tables/tenant/relations.ts';
const FACTORIES_INDEX = 'src/testing/factories/index.ts';
/** Entry points whose explicit export lists name the new table's exports. */
const ENTRIES = ['src/index.ts', 'src/schema/index.ts', 'src/dto/index.ts'];

/** Works out every file to create or edit, without writing anything; throws ScaffoldError when it must not run. */
export function planScaffold(
  root: string,
  domain: string | undefined,
  table: string | undefined,
  access: TableAccess = 'tenant',
): ScaffoldPlan {
  for (const problem of [invalidName('domain', domain), invalidName('table', table)]) {
    if (problem) throw new ScaffoldError(problem);
  }
  const n = tableNames(domain!, table!);
  const existing = findTables(root).find((t) => t.sqlName === n.sqlName || t.name === n.tableExport);
  if (existing) {
    throw new ScaffoldError(
      `table \`${n.sqlName}\` already exists (${path.relative(root, existing.file)}): nothing to do, nothing written`,
    );
  }
  const taken = new Set(ENTRIES.flatMap((entry) => [...exportedNames(path.join(root, entry))]));
  const clashes = exportedNamesOf(n).filter((name) => taken.has(name));
  if (clashes.length > 0) {
    throw new ScaffoldError(`\`${n.sqlName}\` would export names the package already exports: ${clashes.join(', ')}`);
  }

  const read = (file: string) => {
    const absolute = path.join(root, file);
    return fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : null;
  };
  const changes: FileChange[] = [];
  const create = (file: string, after: string) => {
    if (read(file) !== null) throw new ScaffoldError(`${file} already exists: refusing to overwrite it`);
    changes.push({ file, before: null, after });
  };
  const edit = (file: string, update: (text: string) => string, fallback?: string) => {
    const before = read(file);
    if (before === null && fallback === undefined) throw new ScaffoldError(`${file} is missing`);
    const pending = changes.find((change) => change.file === file);
    if (pending) pending.after = update(pending.after);
    else changes.push({ file, before, after: update(before ?? fallback!) });
  };

  const d = n.domainFolder;
  const tablesDir = `src/schema/tables/${d}`;
  create(`${tablesDir}/${n.fileName}.ts`, tableModule(n, access));
  if (read(`${tablesDir}/relations.ts`) === null) create(`${tablesDir}/relations.ts`, newRelationsModule(n));
  else {
    edit(
      `${tablesDir}/relations.ts`,
      (text) =>
        [
          (t: string) => ensureImport(t, 'relations', 'drizzle-orm'),
          (t: string) => ensureImport(t, 'tenants', tenantsModuleFrom(n)),
          (t: string) => ensureImport(t, n.tableExport, `./${n.fileName}.js`),
        ].reduce((acc, step) => step(acc), text) + `\n${tableRelations(n)}`,
    );
  }
  edit(
    `${tablesDir}/index.ts`,
    (text) =>
      ensureNamedExport(
        ensureNamedExport(text, [n.nameMaxConst, n.tableExport], `./${n.fileName}.js`),
        [n.relations],
        './relations.js',
      ),
    '',
  );
  edit('src/schema/tables/index.ts', (text) => ensureExportStar(text, `./${d}/index.js`));
  edit('src/schema/index.ts', (text) =>
    ensureNamedExport(text, [n.nameMaxConst, n.tableExport, n.relations], './tables/index.js'),
  );
  edit(TENANT_RELATIONS, (text) => addTenantsManySide(text, n));

  create(`src/dto/${d}/${n.fileName}.ts`, dtoModule(n));
  edit(`src/dto/${d}/index.ts`, (text) => ensureExportStar(text, `./${n.fileName}.js`), '');
  edit('src/dto/index.ts', (text) => ensureNamedExport(text, dtoExportsOf(n), `./${d}/index.js`));

  create(`src/queries/${d}/${n.fileName}.ts`, queriesModule(n));
  edit(
    `src/queries/${d}/index.ts`,
    (text) => ensureNamedExport(text, [n.queries, `type ${listInputType(n)}`], `./${n.fileName}.js`),
    '',
  );
  edit('src/index.ts', (text) =>
    ensureNamedExport(
      ensureNamedExport(text, [n.tableExport], './schema/index.js'),
      [n.queries, `type ${listInputType(n)}`],
      `./queries/${d}/index.js`,
    ),
  );

  create(`src/testing/factories/${d}/${n.fileName}.ts`, factoryModule(n));
  edit(FACTORIES_INDEX, (text) =>
    addObjectProperty(
      ensureImport(text, n.factory, `./${d}/${n.fileName}.js`),
      'factories',
      n.tableExport,
      `${n.factory}()`,
    ),
  );

  create(`test/${d}/${n.fileName}.test.ts`, testModule(n));
  return { names: n, changes: changes.filter((change) => change.after !== change.before) };
}

/**
 * Drizzle's types see one relations() per table, so the `many` side of `tenants` lives in `tenantsRelations`.
 * The key is the table's export name, or `<domain><Table>` when that key is taken.
 */
function addTenantsManySide(text: string, n: TableNames): string {
  const keys = objectKeys(text, 'tenantsRelations');
  if (!keys) throw new ScaffoldError(`${TENANT_RELATIONS} has no \`tenantsRelations = relations(tenants, ...)\``);
  const key = [n.tableExport, camelCase(n.domainFolder.replaceAll('-', '_')) + pascalCase(n.sqlName)].find(
    (candidate) => !keys.includes(candidate),
  );
  if (!key) throw new ScaffoldError(`tenantsRelations already has a \`${n.tableExport}\` relation`);
  const specifier = n.domainFolder === 'tenant' ? `./${n.fileName}.js` : `../${n.domainFolder}/${n.fileName}.js`;
  return addObjectProperty(
    ensureImport(text, n.tableExport, specifier),
    'tenantsRelations',
    key,
    `many(${n.tableExport})`,
  );
}
