import type { TableNames } from '../names.js';

export const dtoModule = (n: TableNames) => `import type { z } from 'zod';
import { ${n.nameMaxConst}, ${n.tableExport} } from '../../schema/tables/${n.domainFolder}/${n.fileName}.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { trimmedText } from '../_fields.js';

const refine = {
  name: () => trimmedText(${n.nameMaxConst}),
};

export const ${n.entity}Schema = createSelectSchema(${n.tableExport});
export const Insert${n.entity}Schema = createInsertSchema(${n.tableExport}, refine);
const Update${n.entity}RowSchema = createUpdateSchema(${n.tableExport}, refine);

/** What a caller may set; the tenant comes from scope, ids and timestamps from the server. */
export const Create${n.entity}Schema = Insert${n.entity}Schema.pick({ name: true }).strict();

export const Update${n.entity}Schema = Update${n.entity}RowSchema.pick({ name: true }).strict();

export type ${n.entity} = z.infer<typeof ${n.entity}Schema>;
export type Create${n.entity} = z.input<typeof Create${n.entity}Schema>;
export type Update${n.entity} = z.input<typeof Update${n.entity}Schema>;
`;
