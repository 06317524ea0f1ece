import path from 'node:path';
import ts from 'typescript';
import { lineOf, listFiles, parse } from './source-files.js';
import type { Violation } from './violation.js';

// One suffix scheme for DTOs: a zod schema is named after the type it gives plus `Schema`
// (`CreateTodoSchema` -> `CreateTodo`), so a reader never has to learn which of DTO/ListFilter/Input a name took.

const isExported = (node: ts.Node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

const isPascalCase = (name: string) => /^[A-Z][a-z]/.test(name);

/** `z.infer<typeof X>` / `z.input<typeof X>` / `z.output<typeof X>` → `X`. */
function inferredFrom(type: ts.TypeNode): string | null {
  if (!ts.isTypeReferenceNode(type) || !ts.isQualifiedName(type.typeName)) return null;
  if (!['infer', 'input', 'output'].includes(type.typeName.right.text)) return null;
  const [argument] = type.typeArguments ?? [];
  if (!argument || !ts.isTypeQueryNode(argument) || !ts.isIdentifier(argument.exprName)) return null;
  return argument.exprName.text;
}

export function dtoNameViolations(root: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listFiles(path.join(root, 'src/dto'), '.ts')) {
    const source = parse(file);
    const at = (node: ts.Node) => `${path.relative(root, file)}:${lineOf(source.text, node.getStart(source))}`;
    for (const statement of source.statements) {
      if (!isExported(statement)) continue;
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          const name = ts.isIdentifier(declaration.name) ? declaration.name.text : '';
          if (isPascalCase(name) && !name.endsWith('Schema')) {
            violations.push({
              rule: 'dto-name',
              file: at(declaration),
              message: `\`${name}\`: an exported DTO schema is named after its type plus \`Schema\` (e.g. \`CreateTodoSchema\`)`,
            });
          }
        }
      } else if (ts.isTypeAliasDeclaration(statement)) {
        const schema = inferredFrom(statement.type);
        const expected = `${statement.name.text}Schema`;
        if (schema && schema !== expected) {
          violations.push({
            rule: 'dto-name',
            file: at(statement),
            message: `type \`${statement.name.text}\` comes from \`${schema}\`: name the schema \`${expected}\``,
          });
        }
      }
    }
  }
  return violations;
}
