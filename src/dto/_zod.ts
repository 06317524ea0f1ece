import { createSchemaFactory } from 'drizzle-zod';
import { z } from 'zod';
import { uuid } from './_fields.js';

// The only module that calls drizzle-zod. Drizzle 1.0 moves it to `drizzle-orm/zod`: change this import, nothing else.
// Dates are coerced, so an ISO string from JSON (HTTP input, a cursor) parses into a Date. drizzle-zod builds a uuid
// column's field with `zodInstance.uuid()`: ours lower-cases, so every generated id field does.
export const { createSelectSchema, createInsertSchema, createUpdateSchema } = createSchemaFactory({
  zodInstance: { ...z, uuid },
  coerce: { date: true },
});
