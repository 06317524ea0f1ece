import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Reading the source, not a list kept by hand: every rule works from files and their syntax trees.

export function listFiles(dir: string, extension: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

const parsed = new Map<string, ts.SourceFile>();

export function parse(file: string): ts.SourceFile {
  let source = parsed.get(file);
  if (!source) {
    source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    parsed.set(file, source);
  }
  return source;
}

export function clearParseCache(): void {
  parsed.clear();
}

/** Relative module specifiers resolved to files (`./x.ts`, `./x.js` → `./x.ts`). */
export function resolveImport(fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const candidate of [base, base.replace(/\.js$/, '.ts'), `${base}.ts`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

export function importSpecifiers(file: string): string[] {
  const specifiers: string[] = [];
  for (const statement of parse(file).statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

export interface ConstCall {
  name: string;
  callee: string;
  exported: boolean;
  line: number;
  /** The JSDoc text above the declaration, for `@internal-table` exemptions. */
  doc: string;
  /** The initializer's source text. */
  text: string;
}

/** Top-level `const x = f(...)` declarations (also `f(...).something()` chains: the innermost call counts). */
export function constCalls(file: string): ConstCall[] {
  const source = parse(file);
  const result: ConstCall[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      let init = declaration.initializer;
      while (init && ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression)) {
        init = init.expression.expression;
      }
      if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(declaration.name)) continue;
      result.push({
        name: declaration.name.text,
        callee: init.expression.getText(source),
        exported: isExported(statement),
        line: source.getLineAndCharacterOfPosition(statement.getStart()).line + 1,
        text: declaration.initializer!.getText(source),
        doc: ts
          .getJSDocCommentsAndTags(declaration)
          .map((doc) => doc.getText(source))
          .join('\n'),
      });
    }
  }
  return result;
}

/** Every name a module exports, following `export *` and `export { } from` through relative files. */
export function exportedNames(file: string, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  if (seen.has(file)) return names;
  seen.add(file);
  for (const statement of parse(file).statements) {
    if (ts.isExportDeclaration(statement)) {
      const target =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? resolveImport(file, statement.moduleSpecifier.text)
          : null;
      if (!statement.exportClause) {
        if (target) for (const name of exportedNames(target, seen)) names.add(name);
      } else if (ts.isNamedExports(statement.exportClause)) {
        for (const element of statement.exportClause.elements) names.add(element.name.text);
      }
    } else if (isExported(statement)) {
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) {
        names.add(statement.name.text);
      }
    }
  }
  return names;
}

export function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}
