// Every name a scaffolded table needs, derived from the two arguments so the files agree with each other.

export const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/**
 * PostgreSQL truncates identifiers at 63 bytes; the longest derived name is `<table>_tenant_created_idx`
 * (19 more characters), so 40 leaves room.
 */
export const MAX_TABLE_NAME = 40;

export interface TableNames {
  /** The folder under src/schema/tables, src/dto, src/queries, test (kebab-case). */
  domainFolder: string;
  /** SQL name: `invoice_items`. */
  sqlName: string;
  /** The entity's file name without `.ts`, the same in every layer (schema, dto, queries, factories, test): `invoice-item`. */
  fileName: string;
  /** Table export: `invoiceItems`. */
  tableExport: string;
  /** Singular entity: `InvoiceItem`. */
  entity: string;
  /** `INVOICE_ITEM_NAME_MAX`. */
  nameMaxConst: string;
  /** `InvoiceItemQueries`. */
  queries: string;
  /** `createInvoiceItemFactory`. */
  factory: string;
  relations: string;
  trigger: string;
}

const words = (snake: string) => snake.split('_').filter(Boolean);
const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

export const kebabCase = (snake: string) => words(snake).join('-');
export const pascalCase = (snake: string) => words(snake).map(capitalize).join('');
export const camelCase = (snake: string) => {
  const pascal = pascalCase(snake);
  return pascal.charAt(0).toLowerCase() + pascal.slice(1);
};

/** English plural → singular for the last word, for the common cases; anything else stays as it is. */
export function singular(word: string): string {
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh|zz)es$/.test(word)) return word.slice(0, -2);
  if (/[^isu]s$/.test(word)) return word.slice(0, -1);
  return word;
}

/** Why `value` cannot be a domain or table name, or null when it can. */
export function invalidName(kind: 'domain' | 'table', value: string | undefined): string | null {
  if (!value) return `missing ${kind} name`;
  if (!NAME_PATTERN.test(value)) {
    return `${kind} name \`${value}\` must match ${NAME_PATTERN.source} (snake_case: lower-case letters, digits, underscores)`;
  }
  if (value.includes('__') || value.endsWith('_'))
    return `${kind} name \`${value}\` has an empty word (\`__\` or a trailing \`_\`)`;
  if (kind === 'table' && value.length > MAX_TABLE_NAME) {
    return `table name \`${value}\` is longer than ${MAX_TABLE_NAME} characters (derived index names must fit PostgreSQL's 63)`;
  }
  return null;
}

export function tableNames(domain: string, table: string): TableNames {
  const parts = words(table);
  const singularSnake = [...parts.slice(0, -1), singular(parts.at(-1)!)].join('_');
  const entity = pascalCase(singularSnake);
  return {
    domainFolder: kebabCase(domain),
    sqlName: table,
    fileName: kebabCase(singularSnake),
    tableExport: camelCase(table),
    entity,
    nameMaxConst: `${singularSnake.toUpperCase()}_NAME_MAX`,
    queries: `${entity}Queries`,
    factory: `create${entity}Factory`,
    relations: `${camelCase(table)}Relations`,
    trigger: `${table}_set_updated_at`,
  };
}

/** What the DTO module exports, as `src/dto/index.ts` lists it (types marked `type`). */
export function dtoExportsOf(names: TableNames): string[] {
  const { entity } = names;
  return [
    `${entity}Schema`,
    `Insert${entity}Schema`,
    `Create${entity}Schema`,
    `Update${entity}Schema`,
    `type ${entity}`,
    `type Create${entity}`,
    `type Update${entity}`,
  ];
}

/** Every name the scaffold exports through the entry points: none may already exist there. */
export function exportedNamesOf(names: TableNames): string[] {
  return [
    names.tableExport,
    names.relations,
    names.nameMaxConst,
    names.queries,
    ...dtoExportsOf(names).map((name) => name.replace(/^type /, '')),
    `List${pascalCase(names.sqlName)}Input`,
  ];
}
