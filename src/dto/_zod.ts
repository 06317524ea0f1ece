import { createSchemaFactory, jsonSchema } from 'drizzle-zod';
import { z } from 'zod';
import { uuid } from './_fields.js';

// The only module that calls drizzle-zod. Drizzle 1.0 moves it to `drizzle-orm/zod`: change this import, nothing else.
// Dates are coerced, so an ISO string from JSON (HTTP input, a cursor) parses into a Date. drizzle-zod builds a uuid
// column's field with `zodInstance.uuid()`: ours lower-cases, so every generated id field does.
export const { createSelectSchema, createInsertSchema, createUpdateSchema } = createSchemaFactory({
  zodInstance: { ...z, uuid },
  coerce: { date: true },
});

/**
 * A jsonb column's select field, typed as the column's `.$type<T>()`: drizzle-zod 0.8 types it so, drizzle-orm/zod
 * (1.0) as the generic Json. Both validate with the same `jsonSchema`; naming the type here keeps the DTO types equal.
 */
export const jsonColumn = <T>() => jsonSchema as unknown as z.ZodType<T, T>;
