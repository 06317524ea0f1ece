import ts from 'typescript';

// Takes removed modules and names out of a kept module, through its syntax tree: the imports and re-exports of
// them, and, in the package's own wiring (`wiringEdits`), the places a scaffold put them: relation entries
// (`todos: many(todos)`), factory-map entries, list elements and list entry objects, interface members typed by them, and seed steps.
// What remains that still uses a removed name is reported, never guessed away: the caller refuses, or drops a test.

/** How a module specifier relates to the removal: a removed file, a kept module of ours, or someone else's. */
export type ImportTarget = 'removed' | 'internal' | 'external';

export interface UnwireOptions {
  target: (specifier: string) => ImportTarget;
  /** Exported names of removed modules, which kept barrels and entry points re-export. */
  removedNames: ReadonlySet<string>;
  /**
   * `all`: edit relation entries, map entries, list elements and entry objects, interface members and seed steps
   * (the package's wiring). `entries`: list elements and entry objects (a test registry: `updateMethods = [{ name:
   * 'TodoQueries', ... }]`). `lists`: only bare names in lists (`cases = [todoCase]`). `none`: imports only.
   */
  wiringEdits: 'all' | 'entries' | 'lists' | 'none';
  /** Removed modules whose calls may go as whole statements (the domain's seed step). */
  isStepModule?: (specifier: string) => boolean;
}

export interface Unwired {
  text: string;
  /** Removed names the module still uses after the edits: it depends on what is removed. */
  stillUsed: string[];
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const parse = (text: string) => ts.createSourceFile('unwire.ts', text, ts.ScriptTarget.Latest, true);

const specifierOf = (node: ts.ImportDeclaration | ts.ExportDeclaration) =>
  node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) ? node.moduleSpecifier.text : undefined;

/** A statement or a list element (with the comma after it), and its line when nothing else is on it. */
function removal(source: ts.SourceFile, node: ts.Node): Edit {
  const text = source.text;
  let start = node.getStart(source);
  let end = node.getEnd();
  let after = end;
  while (after < text.length && /[ \t\r\n]/.test(text[after]!)) after++;
  if (text[after] === ',') end = after + 1;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = end;
  while (lineEnd < text.length && /[ \t\r]/.test(text[lineEnd]!)) lineEnd++;
  if (/^[ \t]*$/.test(text.slice(lineStart, start)) && (text[lineEnd] === '\n' || lineEnd === text.length)) {
    start = lineStart;
    end = Math.min(lineEnd + 1, text.length);
  }
  return { start, end, text: '' };
}

function mentions(node: ts.Node, names: ReadonlySet<string>): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(child) && names.has(child.text)) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

function containsBlock(node: ts.Node): boolean {
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isBlock(child)) found = true;
    else ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return found;
}

/** Identifiers the module declares itself: a local of the same name shadows the import. */
function declaredNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isTypeAliasDeclaration(node)) &&
      node.name &&
      ts.isIdentifier(node.name)
    ) {
      names.add(node.name.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return names;
}

/** References to `names` in the module (not keys, member names or import/export specifiers). */
export function usedNames(text: string, names: ReadonlySet<string>): string[] {
  const source = parse(text);
  const shadowed = declaredNames(source);
  const used = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isIdentifier(node) && names.has(node.text) && !shadowed.has(node.text)) {
      const parent = node.parent;
      const isKey =
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertySignature(parent) && parent.name === node) ||
        (ts.isMethodDeclaration(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node);
      if (!isKey) used.add(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used].sort();
}

export function unwire(text: string, options: UnwireOptions): Unwired {
  const source = parse(text);
  const edits: Edit[] = [];
  const gone = new Set<string>();
  const stepNames = new Set<string>();

  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const specifier = specifierOf(statement)!;
      const target = options.target(specifier);
      if (target === 'external') continue;
      const clause = statement.importClause;
      if (!clause) {
        if (target === 'removed') edits.push(removal(source, statement));
        continue;
      }
      const named = clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : null;
      const dropped = (named?.elements ?? []).filter(
        (element) =>
          target === 'removed' || options.removedNames.has((element.propertyName ?? element.name).getText(source)),
      );
      const locals = dropped.map((element) => element.name.text);
      if (target === 'removed' && clause.name) locals.push(clause.name.text);
      if (target === 'removed' && clause.namedBindings && ts.isNamespaceImport(clause.namedBindings)) {
        locals.push(clause.namedBindings.name.text);
      }
      if (locals.length === 0) continue;
      for (const local of locals) gone.add(local);
      if (options.isStepModule?.(specifier)) for (const local of locals) stepNames.add(local);
      const kept = (named?.elements ?? []).filter((element) => !dropped.includes(element));
      if (kept.length === 0 && (target === 'removed' || !clause.name)) edits.push(removal(source, statement));
      else
        edits.push({
          start: named!.getStart(source),
          end: named!.getEnd(),
          text: `{ ${kept.map((e) => e.getText(source)).join(', ')} }`,
        });
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier) {
      const target = options.target(specifierOf(statement)!);
      if (target === 'external') continue;
      if (target === 'removed') {
        edits.push(removal(source, statement));
        continue;
      }
      const clause = statement.exportClause;
      if (!clause || !ts.isNamedExports(clause)) continue;
      const kept = clause.elements.filter(
        (element) => !options.removedNames.has((element.propertyName ?? element.name).text),
      );
      if (kept.length === clause.elements.length) continue;
      if (kept.length === 0) edits.push(removal(source, statement));
      else
        edits.push({
          start: clause.getStart(source),
          end: clause.getEnd(),
          text: `{ ${kept.map((e) => e.getText(source)).join(', ')} }`,
        });
    } else if (ts.isVariableStatement(statement)) {
      // `relations(removedTable, ...)`: the relations of a removed table go with it.
      const removedRelations = statement.declarationList.declarations.some((declaration) => {
        const init = declaration.initializer;
        return (
          init !== undefined &&
          ts.isCallExpression(init) &&
          init.expression.getText(source) === 'relations' &&
          init.arguments[0] !== undefined &&
          ts.isIdentifier(init.arguments[0]) &&
          gone.has(init.arguments[0].text)
        );
      });
      if (removedRelations) edits.push(removal(source, statement));
    }
  }

  if (options.wiringEdits !== 'none' && gone.size > 0) {
    const all = options.wiringEdits === 'all';
    const entries = all || options.wiringEdits === 'entries';
    const visit = (node: ts.Node): void => {
      if (all && ts.isPropertyAssignment(node) && ts.isCallExpression(node.initializer)) {
        const call = node.initializer;
        const callee = ts.isIdentifier(call.expression) && gone.has(call.expression.text);
        const relation =
          ['many', 'one'].includes(call.expression.getText(source)) &&
          call.arguments[0] !== undefined &&
          ts.isIdentifier(call.arguments[0]) &&
          gone.has(call.arguments[0].text);
        if (callee || relation) return void edits.push(removal(source, node));
      }
      if (ts.isArrayLiteralExpression(node)) {
        for (const element of node.elements) {
          // A bare name (`cases = [todoCase]`) or an entry object naming it (`{ table, prune: () => Gone.prune() }`).
          const entry = entries && ts.isObjectLiteralExpression(element) && mentions(element, gone);
          if ((ts.isIdentifier(element) && gone.has(element.text)) || entry) edits.push(removal(source, element));
        }
      }
      if (all && ts.isPropertySignature(node) && node.type && mentions(node.type, gone)) {
        return void edits.push(removal(source, node));
      }
      // The innermost statement only: `await withTransaction(async () => { ...; step(); })` keeps its other steps.
      if (all && ts.isExpressionStatement(node) && mentions(node, stepNames) && !containsBlock(node)) {
        return void edits.push(removal(source, node));
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  // An edit inside another (a relation entry of a removed relations() statement) is covered by the outer one.
  const ordered: Edit[] = [];
  for (const edit of edits.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (ordered.length === 0 || edit.start >= ordered.at(-1)!.end) ordered.push(edit);
  }
  let result = text;
  for (const edit of ordered.reverse()) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  if (ordered.length > 0) result = withoutUnusedRelationHelpers(result);
  return { text: result, stillUsed: usedNames(result, gone) };
}

/** `relations(t, ({ one, many }) => ...)` whose last `one(...)` went: the helper it no longer uses goes from the pattern. */
function withoutUnusedRelationHelpers(text: string): string {
  const source = parse(text);
  const edits: Edit[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(source) === 'relations') {
      const callback = node.arguments[1];
      const pattern = callback && ts.isArrowFunction(callback) ? callback.parameters[0]?.name : undefined;
      if (callback && ts.isArrowFunction(callback) && pattern && ts.isObjectBindingPattern(pattern)) {
        const body = callback.body.getText(source);
        const kept = pattern.elements.filter((element) =>
          new RegExp(`\\b${element.name.getText(source)}\\(`).test(body),
        );
        if (kept.length < pattern.elements.length) {
          const start = callback.parameters[0]!.getStart(source);
          const end = callback.parameters.at(-1)!.getEnd();
          edits.push({
            start,
            end,
            text: kept.length === 0 ? '' : `{ ${kept.map((e) => e.getText(source)).join(', ')} }`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}
