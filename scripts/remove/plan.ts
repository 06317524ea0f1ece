import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { kebabCase, invalidName } from '../scaffold/names.js';
import { findTables, type TableInfo } from '../structure/rules.js';
import { listFiles, resolveImport } from '../structure/source-files.js';
import { API_DOC } from '../api/doc.js';
import { SCHEMA_DOC } from '../erd/schema-doc.js';
import { ACCESS_DOC, withoutTablesInAccessTable } from './access-doc.js';
import { withoutExamplesOf } from './doc-examples.js';
import { withoutPgtapTables } from './pgtap.js';
import { unwire, type ImportTarget } from './unwire.js';

// `pnpm db:remove <domain> [<table>]`, planned: every file to delete or edit, worked out from the code before
// anything is written. A kept module of the package that still uses a removed name is a dependent: the plan refuses.
// A kept test (or bench case) that still uses one is deleted with it: it exercised something through the removed
// table, and the plan lists it so it can be rewritten on a table that stays.

export class RemoveError extends Error {
  override name = 'RemoveError';
}

/** One file the removal deletes (`after` null) or edits. Paths are relative to the package root. */
export interface RemovalChange {
  file: string;
  before: string;
  after: string | null;
}

export interface RemovalPlan {
  domain: string;
  /** SQL names of the removed tables. */
  tables: string[];
  /** Whether the whole domain goes (else some of its tables). */
  wholeDomain: boolean;
  changes: RemovalChange[];
  /** Tests outside the domain's folders deleted because they used what is removed. */
  usersDeleted: string[];
  /** Examples of README.md and docs/ dropped because they needed it: `README.md:32 (uses TodoQueries)`. */
  examplesDropped: string[];
}

/** The package's own code: a dependent here refuses the removal. Elsewhere (tests, bench) the file goes. */
const PACKAGE_CODE = ['src/', 'scripts/'];
/** Tests are deleted or kept whole, never edited: a test with its assertions edited away would still pass. */
const TESTS = 'test/';
/**
 * Test helpers: a registry of cases there (`updateMethods = [{ name: 'TodoQueries', ... }]`) loses the entries that
 * name what is removed, as the bench's case lists do; the tests that run the rest stay. A helper still using a
 * removed name after that goes whole, with the tests that import it (the type check finds them).
 */
const TEST_REGISTRIES = 'test/support/';
const SCANNED = ['src', 'scripts', 'test', 'bench'];
const LAYERS = ['src/schema/tables', 'src/dto', 'src/queries', 'src/testing/factories'];

/** The domain a file belongs to, from its layer folder. */
const DOMAIN_OF = /^src\/(?:schema\/tables|dto|queries|testing\/factories)\/([a-z0-9-]+)\//;

const rel = (root: string, file: string) => path.relative(root, file).split(path.sep).join('/');

/** Every name a module declares as exported (values and types), plus what its named re-exports list. */
function declaredExports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const names: string[] = [];
  for (const statement of source.statements) {
    const exported =
      ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      names.push(...statement.exportClause.elements.map((element) => element.name.text));
    } else if (exported && ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (
      exported &&
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text);
    }
  }
  return names;
}

/**
 * `// needs-domain: features notifications` or `// needs-table: waitlist` in a test or bench file: it is about those
 * domains or tables by name (a string), so it goes with them.
 */
function markedFor(root: string, kind: 'domain' | 'table', names: string[]): string[] {
  const marker = new RegExp(`^// needs-${kind}: (.+)$`, 'm');
  return ['test', 'bench'].flatMap((dir) =>
    listFiles(path.join(root, dir), '.ts').filter((file) =>
      (marker.exec(fs.readFileSync(file, 'utf8'))?.[1] ?? '').split(/[\s,]+/).some((name) => names.includes(name)),
    ),
  );
}

/** The files of the domain (or of one table file in it) in every layer, its seed steps and its tests. */
function removedFilesOf(root: string, folder: string, tableFiles: string[] | null, tables: string[]): string[] {
  if (tableFiles === null) {
    return [
      ...LAYERS.flatMap((layer) => listFiles(path.join(root, layer, folder), '.ts')),
      ...listFiles(path.join(root, 'test', folder), '.ts'),
      ...markedFor(root, 'domain', [folder]),
      ...markedFor(root, 'table', tables),
      ...listFiles(path.join(root, 'src/seed', folder), '.ts'),
      path.join(root, 'src/seed', `${folder}.ts`),
    ].filter((file) => fs.existsSync(file));
  }
  const marked = markedFor(root, 'table', tables);
  return tableFiles.flatMap((tableFile) => {
    const base = path.basename(tableFile, '.ts');
    const tests = listFiles(path.join(root, 'test', folder), '.ts').filter((file) =>
      new RegExp(`^${base}(-[a-z0-9-]+)?\\.test\\.ts$`).test(path.basename(file)),
    );
    const seedStep = path.join(root, 'src/seed', folder, `${base}.ts`);
    return [
      ...LAYERS.map((layer) => path.join(root, layer, folder, `${base}.ts`)),
      seedStep,
      ...tests,
      ...marked,
    ].filter((file) => fs.existsSync(file));
  });
}

function selectTables(root: string, domain: string | undefined, table: string | undefined) {
  const problem = invalidName('domain', domain) ?? (table === undefined ? null : invalidName('table', table));
  if (problem) throw new RemoveError(problem);
  const folder = kebabCase(domain!);
  const all = findTables(root);
  const inDomain = all.filter((t) => t.domain === folder);
  if (inDomain.length === 0) {
    const domains = [...new Set(all.map((t) => t.domain))].sort().join(', ');
    throw new RemoveError(
      `no domain \`${domain}\` (src/schema/tables/${folder} has no table): the domains are ${domains}`,
    );
  }
  if (table === undefined) return { folder, all, removed: inDomain, tableFiles: null };
  const target = inDomain.find((t) => t.sqlName === table);
  if (!target) {
    throw new RemoveError(
      `domain \`${domain}\` has no table \`${table}\`: its tables are ${inDomain.map((t) => t.sqlName).join(', ')}`,
    );
  }
  // A table file may hold a helper table too (a counter a trigger keeps): both go.
  const removed = inDomain.filter((t) => t.file === target.file);
  const wholeDomain = removed.length === inDomain.length;
  return { folder, all, removed, tableFiles: wholeDomain ? null : [target.file] };
}

export function planRemoval(root: string, domain: string | undefined, table?: string): RemovalPlan {
  const { folder, all, removed, tableFiles } = selectTables(root, domain, table);
  const removedFiles = new Set(
    removedFilesOf(
      root,
      folder,
      tableFiles,
      removed.map((t) => t.sqlName),
    ),
  );
  // The domain's seed step (src/seed/<domain>.ts) and its tables' steps (src/seed/<domain>/<table>.ts): a call of
  // a removed one goes as a whole statement.
  const seedDir = path.join(root, 'src/seed');
  const isSeedStep = (resolved: string | null) =>
    resolved !== null && removedFiles.has(resolved) && resolved.startsWith(seedDir + path.sep);
  const removedNames = new Set(
    [...removedFiles].filter((file) => rel(root, file).startsWith('src/')).flatMap(declaredExports),
  );
  const kept = SCANNED.flatMap((dir) => listFiles(path.join(root, dir), '.ts'));
  const texts = new Map(kept.map((file) => [file, fs.readFileSync(file, 'utf8')]));

  // Names of kept modules that wrap a removed table (`xRelations = relations(removedTable, ...)`) go too.
  for (const file of kept.filter((f) => rel(root, f).startsWith('src/schema/tables/'))) {
    if (removedFiles.has(file)) continue;
    const before = texts.get(file)!;
    const after = unwire(before, {
      target: targetOf(root, file, removedFiles),
      removedNames,
      wiringEdits: 'all',
    }).text;
    for (const name of declaredExports(file)) {
      if (before.includes(`const ${name} =`) && !after.includes(`const ${name} =`)) removedNames.add(name);
    }
  }

  const usersDeleted: string[] = [];
  const edits = new Map<string, string>();
  let dependents: string[] = [];
  for (let changed = true; changed;) {
    changed = false;
    dependents = [];
    edits.clear();
    for (const file of kept) {
      if (removedFiles.has(file)) continue;
      const name = rel(root, file);
      const packageCode = PACKAGE_CODE.some((prefix) => name.startsWith(prefix));
      const before = texts.get(file)!;
      const result = unwire(before, {
        target: targetOf(root, file, removedFiles),
        removedNames,
        // Outside the package (bench) only registration lists are edited: a case gutted of its entries would still
        // compile, so one that uses a removed name goes whole.
        wiringEdits: packageCode
          ? 'all'
          : name.startsWith(TEST_REGISTRIES)
            ? 'entries'
            : name.startsWith(TESTS)
              ? 'none'
              : 'lists',
        isStepModule: (specifier) => isSeedStep(resolveImport(file, specifier)),
      });
      if (result.stillUsed.length > 0) {
        if (packageCode) dependents.push(`${name} uses ${result.stillUsed.join(', ')}`);
        else {
          removedFiles.add(file);
          usersDeleted.push(name);
          changed = true;
        }
      } else if (result.text !== before) edits.set(file, result.text);
    }
  }
  if (dependents.length > 0) {
    const owners = [...new Set(dependents.map((line) => DOMAIN_OF.exec(line)?.[1] ?? line.split(' ')[0]!))];
    // A domain seeded in one step refuses each of its tables; one step per table (src/seed/features/) does not.
    const wholeStep = `src/seed/${folder}.ts uses`;
    if (table && dependents.some((line) => line.startsWith(wholeStep))) {
      dependents.push(
        `(src/seed/${folder}.ts seeds every table of ${folder} in one step: give each table its own step in ` +
          `src/seed/${folder}/<table file>.ts, called from src/seed/${folder}.ts, as src/seed/features/ does)`,
      );
    }
    throw new RemoveError(
      `cannot remove ${table ? `table \`${table}\`` : `domain \`${domain}\``}: ${owners.join(', ')} still use it. ` +
        `Remove or rewrite these first (nothing was written):\n  ${dependents.join('\n  ')}`,
    );
  }

  const changes: RemovalChange[] = [];
  for (const file of [...removedFiles].sort()) {
    changes.push({ file: rel(root, file), before: fs.readFileSync(file, 'utf8'), after: null });
  }
  for (const [file, after] of edits) changes.push({ file: rel(root, file), before: texts.get(file)!, after });
  changes.push(...pgtapChanges(root, removed, all));
  const examplesDropped: string[] = [];
  for (const file of documentationFiles(root)) {
    const before = fs.readFileSync(path.join(root, file), 'utf8');
    const access =
      file === ACCESS_DOC ? withoutTablesInAccessTable(before, new Set(removed.map((t) => t.sqlName))) : before;
    const { text: after, dropped } = withoutExamplesOf(access, tableFiles === null ? folder : null, removedNames);
    examplesDropped.push(...dropped.map((example) => `${file}:${example.line} (${example.reason})`));
    if (after !== before) changes.push({ file, before, after });
  }
  return {
    domain: folder,
    tables: removed.map((t) => t.sqlName),
    wholeDomain: tableFiles === null,
    changes,
    usersDeleted: usersDeleted.sort(),
    examplesDropped,
  };
}

/** README.md and docs/*.md, but the pages db:remove regenerates. */
function documentationFiles(root: string): string[] {
  const docs = fs.existsSync(path.join(root, 'docs'))
    ? fs
        .readdirSync(path.join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .sort()
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs].filter(
    (file) => file !== SCHEMA_DOC && file !== API_DOC && fs.existsSync(path.join(root, file)),
  );
}

/** Classifies a specifier from `file`: removed module, our own kept module (relative or `database/...`), or other. */
function targetOf(root: string, file: string, removedFiles: ReadonlySet<string>) {
  return (specifier: string): ImportTarget => {
    if (specifier === 'database' || specifier.startsWith('database/')) return 'internal';
    if (!specifier.startsWith('.')) return 'external';
    const resolved = resolveImport(file, specifier);
    if (resolved === null) return 'external';
    if (removedFiles.has(resolved)) return 'removed';
    return resolved.startsWith(root) ? 'internal' : 'external';
  };
}

/** pgTAP files: one that tests only removed tables goes; one that also tests kept tables loses their assertions. */
function pgtapChanges(root: string, removed: TableInfo[], all: TableInfo[]): RemovalChange[] {
  const gone = new Set(removed.map((t) => t.sqlName));
  const keptTables = all.map((t) => t.sqlName).filter((name) => !gone.has(name));
  return listFiles(path.join(root, 'pgtap'), '.sql').flatMap((file) => {
    const before = fs.readFileSync(file, 'utf8');
    const after = withoutPgtapTables(before, gone, keptTables);
    return after === before ? [] : [{ file: rel(root, file), before, after }];
  });
}
