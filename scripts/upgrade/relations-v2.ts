import { createTableRelationsHelpers, getTableColumns, is, One, Relations, type Column, type Many } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';

// Drizzle 1.0's relations, written out from the live 0.x relations() of the schema module, so the two describe the
// same joins: every `one` and `many` gets explicit from/to (a `many` takes them from the `one` that points back).

type Relation = One | Many<string>;

export function relationsV2Source(schema: Record<string, unknown>, tablesImport: string): string {
  const tableKey = new Map<PgTable, string>();
  for (const [key, value] of Object.entries(schema)) if (is(value, PgTable)) tableKey.set(value, key);
  const declared: { table: PgTable; name: string; relation: Relation }[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, Relations)) continue;
    const config = value.config(createTableRelationsHelpers(value.table)) as Record<string, Relation>;
    for (const [name, relation] of Object.entries(config))
      declared.push({ table: value.table as PgTable, name, relation });
  }

  const keyOf = (table: PgTable) => {
    const key = tableKey.get(table);
    if (!key) throw new Error('a relation names a table the schema module does not export');
    return key;
  };
  const ref = (table: PgTable, columns: Column[]) => {
    const refs = columns.map((column) => {
      const entry = Object.entries(getTableColumns(table)).find(([, candidate]) => candidate === column);
      if (!entry) throw new Error(`a relation of ${keyOf(table)} names a column of another table`);
      return `r.${keyOf(table)}.${entry[0]}`;
    });
    return refs.length === 1 ? refs[0]! : `[${refs.join(', ')}]`;
  };

  const byTable = new Map<string, string[]>();
  for (const { table, name, relation } of declared) {
    const target = relation.referencedTable as PgTable;
    let from: string;
    let to: string;
    let optional = true;
    if (is(relation, One) && relation.config) {
      from = ref(table, relation.config.fields as Column[]);
      to = ref(target, relation.config.references as Column[]);
      optional = !(relation.config.fields as Column[]).every((column) => column.notNull);
    } else {
      const inverse = declared.find(
        (other) =>
          other.table === target &&
          is(other.relation, One) &&
          other.relation.config &&
          other.relation.referencedTable === table &&
          other.relation.relationName === relation.relationName,
      )?.relation as One | undefined;
      if (!inverse?.config) {
        throw new Error(`${keyOf(table)}.${name}: no one() on ${keyOf(target)} points back; give them a relationName`);
      }
      from = ref(table, inverse.config.references as Column[]);
      to = ref(target, inverse.config.fields as Column[]);
    }
    const kind = is(relation, One) ? 'one' : 'many';
    const options = [`from: ${from}`, `to: ${to}`];
    if (kind === 'one' && !optional) options.push('optional: false');
    if (relation.relationName) options.push(`alias: ${JSON.stringify(relation.relationName)}`);
    const lines = byTable.get(keyOf(table)) ?? [];
    lines.push(`    ${name}: r.${kind}.${keyOf(target)}({ ${options.join(', ')} }),`);
    byTable.set(keyOf(table), lines);
  }

  const body = [...byTable].map(([key, lines]) => `  ${key}: {\n${lines.join('\n')}\n  },`).join('\n');
  return [
    '// Written by scripts/upgrade-drizzle-1.ts from the relations() of src/schema/tables/*/relations.ts.',
    "import { defineRelations } from 'drizzle-orm';",
    `import * as tables from '${tablesImport}';`,
    '',
    `export const relations = defineRelations(tables, (r) => ({\n${body}\n}));`,
    '',
  ].join('\n');
}
