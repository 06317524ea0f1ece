import { getTableConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';

// Keys of a table as the ER diagram marks them, read from the Drizzle table object.

export interface ForeignKeyEdge {
  child: string;
  parent: string;
  columns: string[];
  /** Some referencing column is nullable: the child may have no parent. */
  optional: boolean;
  /** The referencing columns are unique in the child: at most one child per parent. */
  oneToOne: boolean;
}

export interface TableKeys {
  name: string;
  columns: PgColumn[];
  primary: Set<string>;
  unique: Set<string>;
  foreign: Set<string>;
  edges: ForeignKeyEdge[];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((name) => b.includes(name));

export function tableKeys(table: PgTable): TableKeys {
  const config = getTableConfig(table);
  const primaryKey = [
    ...config.columns.filter((column) => column.primary).map((column) => column.name),
    ...config.primaryKeys.flatMap((key) => key.columns.map((column) => column.name)),
  ];
  const uniqueSets: string[][] = [
    ...config.columns.filter((column) => column.isUnique).map((column) => [column.name]),
    ...config.uniqueConstraints.map((constraint) => constraint.columns.map((column) => column.name)),
    ...config.indexes
      .filter((index) => index.config.unique)
      .map((index) => index.config.columns.flatMap((column) => ('name' in column ? [String(column.name)] : []))),
  ].filter((set) => set.length > 0);
  const edges = config.foreignKeys.map((foreignKey): ForeignKeyEdge => {
    const reference = foreignKey.reference();
    const columns = reference.columns.map((column) => column.name);
    return {
      child: config.name,
      parent: getTableConfig(reference.foreignTable).name,
      columns,
      optional: reference.columns.some((column) => !column.notNull),
      oneToOne: [primaryKey, ...uniqueSets].some((set) => sameSet(set, columns)),
    };
  });
  return {
    name: config.name,
    columns: config.columns,
    primary: new Set(primaryKey),
    unique: new Set(uniqueSets.flat()),
    foreign: new Set(edges.flatMap((edge) => edge.columns)),
    edges,
  };
}
