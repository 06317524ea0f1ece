import ts from 'typescript';

// Small edits of existing modules (barrels, tenantsRelations, the factories map), found through the syntax tree so
// they do not depend on formatting. The result is formatted by prettier afterwards.

const parse = (text: string) => ts.createSourceFile('edit.ts', text, ts.ScriptTarget.Latest, true);

const insertAt = (text: string, position: number, insertion: string) =>
  text.slice(0, position) + insertion + text.slice(position);

const specifierOf = (node: ts.ImportDeclaration | ts.ExportDeclaration) =>
  node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;

/** Packages first, then relative paths (`../` before `./`), each alphabetical: the order the modules here use. */
const sortKey = (specifier: string) => `${specifier.startsWith('.') ? 1 : 0}${specifier}`;

/** Inserts `statement` among the top-level statements of `kind`, sorted by module specifier (else at the top). */
function insertSorted(
  text: string,
  statement: string,
  specifier: string,
  isKind: (node: ts.Statement) => node is ts.ImportDeclaration | ts.ExportDeclaration,
): string {
  const source = parse(text);
  const peers = source.statements.filter(isKind);
  const next = peers.find((peer) => sortKey(specifierOf(peer) ?? '') > sortKey(specifier));
  if (next) return insertAt(text, next.getStart(source), `${statement}\n`);
  const last = peers.at(-1) ?? source.statements.filter(ts.isImportDeclaration).at(-1);
  return last ? insertAt(text, last.getEnd(), `\n${statement}`) : `${statement}\n${text}`;
}

/** Adds `name` to the named imports from `specifier`, or a new import declaration. */
export function ensureImport(text: string, name: string, specifier: string): string {
  const source = parse(text);
  const existing = source.statements
    .filter(ts.isImportDeclaration)
    .find((node) => specifierOf(node) === specifier && !node.importClause?.isTypeOnly);
  const bindings = existing?.importClause?.namedBindings;
  if (existing && bindings && ts.isNamedImports(bindings)) {
    if (bindings.elements.some((element) => element.name.text === name)) return text;
    return insertAt(text, bindings.elements.at(-1)!.getEnd(), `, ${name}`);
  }
  return insertSorted(text, `import { ${name} } from '${specifier}';`, specifier, ts.isImportDeclaration);
}

/** Adds `names` to `export { ... } from 'specifier'`, or a new export declaration. */
export function ensureNamedExport(text: string, names: string[], specifier: string): string {
  const source = parse(text);
  const existing = source.statements
    .filter(ts.isExportDeclaration)
    .find((node) => specifierOf(node) === specifier && node.exportClause && ts.isNamedExports(node.exportClause));
  if (existing) {
    const clause = existing.exportClause as ts.NamedExports;
    const present = new Set(clause.elements.map((element) => element.name.text));
    const missing = names.filter((name) => !present.has(name.replace(/^type /, '')));
    if (missing.length === 0) return text;
    return insertAt(text, clause.elements.at(-1)!.getEnd(), `, ${missing.join(', ')}`);
  }
  return insertSorted(text, `export { ${names.join(', ')} } from '${specifier}';`, specifier, ts.isExportDeclaration);
}

export function ensureExportStar(text: string, specifier: string): string {
  const source = parse(text);
  const present = source.statements
    .filter(ts.isExportDeclaration)
    .some((node) => !node.exportClause && specifierOf(node) === specifier);
  if (present) return text;
  return insertSorted(text, `export * from '${specifier}';`, specifier, ts.isExportDeclaration);
}

/** The object literal a top-level `const name = ...` builds, directly or as `f(x, ({...}) => ({ ... }))`. */
function objectLiteralOf(source: ts.SourceFile, variable: string): ts.ObjectLiteralExpression | undefined {
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (!ts.isIdentifier(declaration.name) || declaration.name.text !== variable) continue;
      let node: ts.Node | undefined = declaration.initializer;
      if (node && ts.isCallExpression(node)) node = node.arguments.at(-1);
      if (node && ts.isArrowFunction(node)) node = node.body;
      while (node && ts.isParenthesizedExpression(node)) node = node.expression;
      if (node && ts.isObjectLiteralExpression(node)) return node;
    }
  }
  return undefined;
}

export function objectKeys(text: string, variable: string): string[] | undefined {
  const literal = objectLiteralOf(parse(text), variable);
  return literal?.properties.map((property) => property.name?.getText() ?? '').filter(Boolean);
}

/** Appends `key: value` to the object literal of `variable`; throws when the file has no such literal. */
export function addObjectProperty(text: string, variable: string, key: string, value: string): string {
  const source = parse(text);
  const literal = objectLiteralOf(source, variable);
  if (!literal) throw new Error(`no object literal for \`${variable}\` found`);
  const { properties } = literal;
  const comma = properties.length > 0 && !properties.hasTrailingComma ? ',' : '';
  const position = properties.length > 0 ? properties.end : literal.getEnd() - 1;
  return insertAt(text, position, `${comma}\n${key}: ${value},`);
}
