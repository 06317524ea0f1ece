import { createSchemaFactory } from 'drizzle-zod';
import { z } from 'zod';

// The only module that calls drizzle-zod. Drizzle 1.0 moves it to `drizzle-orm/zod`: change this import, nothing else.
// Dates are coerced, so an ISO string from JSON (HTTP input, a cursor) parses into a Date.
export const { createSelectSchema, createInsertSchema, createUpdateSchema } = createSchemaFactory({
  zodInstance: z,
  coerce: { date: true },
});
