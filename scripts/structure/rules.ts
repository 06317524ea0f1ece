import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { assertJournalOrder } from '../../src/migrate/migration-files.js';
import { tableNames } from '../scaffold/names.js';
import { dtoNameViolations } from './dto-names.js';
import {
  constCalls,
  exportedNames,
  importSpecifiers,
  lineOf,
  listFiles,
  parse,
  resolveImport,
} from './source-files.js';
import type { Violation } from './violation.js';

export type { Violation } from './violation.js';

export interface TableInfo {
  name: string;
  sqlName: string;
  domain: string;
  file: string;
  internal: boolean;
  hasUpdatedAt: boolean;
  /** The declaration's source, `pgTable(...)` and what is chained on it. */
  text: string;
}

type Rule = (root: string) => Violation[];

const rel = (root: string, file: string) => path.relative(root, file);

/** Files of the table layer: `src/schema/tables/<domain>/<table>.ts` (barrels and relations excluded). */
function tableFiles(root: string): string[] {
  return listFiles(path.join(root, 'src/schema/tables'), '.ts').filter(
    (file) => !['index.ts', 'relations.ts'].includes(path.basename(file)),
  );
}

export function findTables(root: string): TableInfo[] {
  return tableFiles(root).flatMap((file) =>
    constCalls(file)
      .filter((call) => call.callee === 'pgTable')
      .map((call) => {
        const sqlName = /^pgTable\(\s*['"]([^'"]+)['"]/.exec(call.text)?.[1] ?? call.name;
        return {
          name: call.name,
          sqlName,
          domain: path.basename(path.dirname(file)),
          file,
          internal: /@internal-table\s+\S/.test(call.doc),
          hasUpdatedAt: /updatedAt\(\)|\.\.\.timestamps\(\)|'updated_at'/.test(call.text),
          text: call.text,
        };
      }),
  );
}

export const tablesReachFromIndex: Rule = (root) => {
  const exported = exportedNames(path.join(root, 'src/index.ts'));
  return findTables(root)
    .filter((table) => !exported.has(table.name))
    .map((table) => ({
      rule: 'barrel-chain',
      file: rel(root, table.file),
      message: `table \`${table.name}\` is not exported through the barrel chain to src/index.ts (check src/schema/tables/${table.domain}/index.ts and the barrels above it)`,
    }));
};

/** Files under `dir` whose text mentions `identifier` as a word. */
function filesMentioning(files: string[], identifier: string): string[] {
  const word = new RegExp(`\\b${identifier}\\b`);
  return files.filter((file) => word.test(fs.readFileSync(file, 'utf8')));
}

export const everyTableHasCompanions: Rule = (root) => {
  const dtoFiles = listFiles(path.join(root, 'src/dto'), '.ts');
  const queryFiles = listFiles(path.join(root, 'src/queries'), '.ts').filter(
    (f) => !f.includes(`${path.sep}_lib${path.sep}`),
  );
  const factoryFiles = listFiles(path.join(root, 'src/testing/factories'), '.ts');
  const testFiles = listFiles(path.join(root, 'test'), '.test.ts');
  const violations: Violation[] = [];
  for (const table of findTables(root)) {
    if (table.internal) continue;
    const missing = (what: string, hint: string) =>
      violations.push({
        rule: 'companions',
        file: rel(root, table.file),
        message: `table \`${table.name}\` has no ${what} (${hint})`,
      });
    const dto = dtoFiles.filter((f) =>
      new RegExp(`createSelectSchema\\(\\s*${table.name}\\b`).test(fs.readFileSync(f, 'utf8')),
    );
    if (dto.length === 0) missing('DTO module', `createSelectSchema(${table.name}) under src/dto/${table.domain}/`);
    const queries = filesMentioning(queryFiles, table.name).filter((f) =>
      /export const \w+Queries\b/.test(fs.readFileSync(f, 'utf8')),
    );
    if (queries.length === 0)
      missing('query object', `an exported \`…Queries\` using it under src/queries/${table.domain}/`);
    if (filesMentioning(factoryFiles, table.name).length === 0) missing('factory', 'src/testing/factories/');
    const queryModules = queries.map((f) => path.basename(f, '.ts'));
    const tested = testFiles.some((f) => {
      const text = fs.readFileSync(f, 'utf8');
      return queryModules.some((m) => new RegExp(`/queries/${table.domain}/${m}(\\.[jt]s)?['"]`).test(text));
    });
    if (!tested) missing('test file', `a test under test/ importing src/queries/${table.domain}/<module>.ts`);
  }
  return violations;
};

/** `pgTable(...).enableRLS()` is still a direct declaration: the call inside the `.enableRLS()`. */
function withoutEnableRls(node: ts.Expression): ts.Expression {
  return ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'enableRLS' &&
    node.arguments.length === 0
    ? node.expression.expression
    : node;
}

export const pgTableNotAliased: Rule = (root) => {
  const violations: Violation[] = [];
  for (const file of tableFiles(root)) {
    const source = parse(file);
    const directCallees = new Set<ts.Node>();
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const exported = (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      for (const d of statement.declarationList.declarations) {
        const call = d.initializer && withoutEnableRls(d.initializer);
        if (exported && call && ts.isCallExpression(call) && ts.isIdentifier(call.expression)) {
          directCallees.add(call.expression);
        }
      }
    }
    const visit = (node: ts.Node) => {
      if (
        ts.isImportSpecifier(node) &&
        (node.propertyName?.text ?? node.name.text) === 'pgTable' &&
        node.name.text !== 'pgTable'
      ) {
        violations.push({
          rule: 'pgtable-aliased',
          file: rel(root, file),
          message: `pgTable is imported as \`${node.name.text}\`: import it as pgTable`,
        });
      } else if (ts.isIdentifier(node) && (node.text === 'pgTable' || node.text === 'pgTableCreator')) {
        const inImport = ts.isImportSpecifier(node.parent);
        if (!inImport && !directCallees.has(node)) {
          violations.push({
            rule: 'pgtable-wrapped',
            file: rel(root, file),
            message: `line ${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: \`${node.text}\` used other than as \`export const x = pgTable(...)\` (tables must be declared as exported constants)`,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return violations;
};

/**
 * Every table enables row-level security: a tenant table through its policy (drizzle-kit then enables RLS), a
 * server-only one with `.enableRLS()` and no policy. Without it, a platform that grants client roles on new tables
 * (Supabase's old default privileges) exposes every row through its Data API.
 */
export const tablesHaveRowSecurity: Rule = (root) =>
  findTables(root)
    .filter((table) => !/\.enableRLS\(\)\s*$/.test(table.text) && !/Policy\(/.test(table.text))
    .map((table) => ({
      rule: 'table-without-rls',
      file: rel(root, table.file),
      message: `\`${table.sqlName}\` enables no row-level security: give it a policy (tenantRowsPolicy) or end it with .enableRLS() (server-only)`,
    }));

/**
 * One entity, one name: a table's file is its singular entity name (`todos` -> `todo.ts`), and its DTO, query
 * object, factory and test files carry the same name in their layers.
 */
export const entityFilesShareName: Rule = (root) => {
  const violations: Violation[] = [];
  for (const table of findTables(root).filter((t) => !t.internal)) {
    const name = path.basename(table.file, '.ts');
    const expected = tableNames(table.domain, table.sqlName).fileName;
    if (name !== expected) {
      violations.push({
        rule: 'entity-file-name',
        file: rel(root, table.file),
        message: `table \`${table.sqlName}\` lives in ${name}.ts: name its file after the singular entity, ${expected}.ts`,
      });
    }
    for (const companion of [
      `src/dto/${table.domain}/${expected}.ts`,
      `src/queries/${table.domain}/${expected}.ts`,
      `src/testing/factories/${table.domain}/${expected}.ts`,
      `test/${table.domain}/${expected}.test.ts`,
    ]) {
      if (!fs.existsSync(path.join(root, companion))) {
        violations.push({
          rule: 'entity-file-name',
          file: rel(root, table.file),
          message: `table \`${table.sqlName}\` has no ${companion}: every layer names the entity's file ${expected}.ts`,
        });
      }
    }
    const queryFile = path.join(root, `src/queries/${table.domain}/${expected}.ts`);
    const queryObject = `${tableNames(table.domain, table.sqlName).entity}Queries`;
    if (
      fs.existsSync(queryFile) &&
      !new RegExp(`export const ${queryObject}\\b`).test(fs.readFileSync(queryFile, 'utf8'))
    ) {
      violations.push({
        rule: 'entity-file-name',
        file: rel(root, queryFile),
        message: `exports no \`${queryObject}\`: a query object is named after its singular entity`,
      });
    }
  }
  return violations;
};

export const enumsExported: Rule = (root) => {
  const exported = exportedNames(path.join(root, 'src/schema/index.ts'));
  return tableFiles(root).flatMap((file) =>
    constCalls(file)
      .filter((call) => call.callee === 'pgEnum' && (!call.exported || !exported.has(call.name)))
      .map((call) => ({
        rule: 'enum-exported',
        file: rel(root, file),
        message: `enum \`${call.name}\` (line ${call.line}) is not exported through src/schema/index.ts: drizzle-kit would silently omit its CREATE TYPE`,
      })),
  );
};

export function createdTriggers(root: string): { name: string; file: string; table: string }[] {
  const pattern =
    /create\s+(?:or\s+replace\s+)?(?:constraint\s+)?trigger\s+"?(\w+)"?[\s\S]*?\son\s+(?:"?public"?\.)?"?(\w+)"?/gi;
  return listFiles(path.join(root, 'drizzle'), '.sql').flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(pattern)].map((m) => ({ name: m[1]!, table: m[2]!, file })),
  );
}

/** The words of a test file's code: identifiers and string or template text, never a comment. */
function codeWords(file: string): string {
  const words: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) || ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) words.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(parse(file));
  return words.join('\n');
}

/** A SQL file without its `--` and block comments. */
const sqlWithoutComments = (text: string) => text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/--.*$/gm, ' ');

/**
 * A trigger is tested when a test file under test/ names it in code, or a pgTAP suite (pgtap/*.sql) names it in a
 * statement: a comment that names it proves nothing. What each trigger does is proven on the migrated database by
 * test/foundation/triggers.test.ts, which drops it and sees its rule fail.
 */
export const triggersTested: Rule = (root) => {
  const testTexts = [
    ...listFiles(path.join(root, 'test'), '.ts').map(codeWords),
    ...listFiles(path.join(root, 'pgtap'), '.sql').map((f) => sqlWithoutComments(fs.readFileSync(f, 'utf8'))),
  ];
  // A trigger of a table removed since (`pnpm db:remove`) went with its DROP TABLE: nothing left to test.
  const tables = new Set(findTables(root).map((table) => table.sqlName));
  return createdTriggers(root)
    .filter(({ table }) => tables.has(table))
    .filter(({ name }) => !testTexts.some((text) => new RegExp(`\\b${name}\\b`).test(text)))
    .map(({ name, file }) => ({
      rule: 'trigger-tested',
      file: rel(root, file),
      message: `trigger \`${name}\` is created here but no test names it outside a comment (test/**/*.ts code or a pgtap/*.sql statement)`,
    }));
};

export const updatedAtHasTrigger: Rule = (root) => {
  const triggered = new Set(
    createdTriggers(root)
      .filter((t) => t.name.endsWith('_set_updated_at'))
      .map((t) => t.table),
  );
  return findTables(root)
    .filter((table) => table.hasUpdatedAt && !triggered.has(table.sqlName))
    .map((table) => ({
      rule: 'updated-at-trigger',
      file: rel(root, table.file),
      message: `table \`${table.sqlName}\` has updated_at but drizzle/ creates no ${table.sqlName}_set_updated_at trigger`,
    }));
};

/** The one module allowed to write the outbox (it assigns sequence numbers and owns the invariants). */
export const DOMAIN_EVENTS_MODULE = 'src/queries/system/domain-event.ts';

export const domainEventsWrittenInOnePlace: Rule = (root) => {
  const pattern = /\.insert\(\s*domainEvents\b|insert\s+into\s+"?domain_events"?/gi;
  const files = [...listFiles(path.join(root, 'src'), '.ts'), ...listFiles(path.join(root, 'scripts'), '.ts')];
  return files
    .filter((file) => rel(root, file) !== DOMAIN_EVENTS_MODULE && !file.includes(`${path.sep}structure${path.sep}`))
    .flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return [...text.matchAll(pattern)].map((m) => ({
        rule: 'domain-events-insert',
        file: rel(root, file),
        message: `line ${lineOf(text, m.index)} inserts into domain_events; only ${DOMAIN_EVENTS_MODULE} may (use insertDomainEventInTransaction)`,
      }));
    });
};

const FORBIDDEN_IN_DTO = [
  /^postgres$/,
  /^@electric-sql\/pglite/,
  /^drizzle-orm\/(postgres-js|pglite|node-postgres)/,
  /^node:/,
  /^dotenv/,
];
// Everything under src/client/ is forbidden too (the prefix check below).
const FORBIDDEN_DTO_FILES = ['src/config/env.ts', 'src/scope/rls.ts'];

export const dtoIsDriverFree: Rule = (root) => {
  const violations: Violation[] = [];
  const entry = path.join(root, 'src/dto/index.ts');
  if (!fs.existsSync(entry)) return violations;
  const chain = new Map<string, string[]>([[entry, [rel(root, entry)]]]);
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const via = chain.get(file)!;
    for (const specifier of importSpecifiers(file)) {
      const target = resolveImport(file, specifier);
      const relTarget = target ? rel(root, target) : specifier;
      const forbidden =
        (!target && FORBIDDEN_IN_DTO.some((p) => p.test(specifier))) ||
        (target && (FORBIDDEN_DTO_FILES.includes(relTarget) || relTarget.startsWith('src/client/')));
      if (forbidden) {
        violations.push({
          rule: 'dto-driver-free',
          file: rel(root, file),
          message: `database/dto must not import ${specifier} (import chain: ${[...via, relTarget].join(' → ')})`,
        });
      } else if (target && !chain.has(target)) {
        chain.set(target, [...via, relTarget]);
        queue.push(target);
      }
    }
  }
  return violations;
};

export const journalInOrder: Rule = (root) => {
  const journal = path.join(root, 'drizzle/meta/_journal.json');
  if (!fs.existsSync(journal)) return [];
  try {
    assertJournalOrder(
      (JSON.parse(fs.readFileSync(journal, 'utf8')) as { entries: { when: number; tag: string }[] }).entries,
    );
    return [];
  } catch (error) {
    return [{ rule: 'journal-order', file: 'drizzle/meta/_journal.json', message: (error as Error).message }];
  }
};

export const rules: Record<string, Rule> = {
  tablesReachFromIndex,
  everyTableHasCompanions,
  pgTableNotAliased,
  tablesHaveRowSecurity,
  entityFilesShareName,
  enumsExported,
  triggersTested,
  updatedAtHasTrigger,
  domainEventsWrittenInOnePlace,
  dtoIsDriverFree,
  dtoNamesShareScheme: dtoNameViolations,
  journalInOrder,
};

export function checkStructure(root: string): Violation[] {
  return Object.values(rules).flatMap((rule) => rule(root));
}
