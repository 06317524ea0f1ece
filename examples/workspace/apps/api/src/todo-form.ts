import { CreateTodoSchema } from 'database/dto';

// Browser code: `database/dto` carries the Zod schemas and no database driver.

export function validateTodoForm(form: unknown) {
  return CreateTodoSchema.safeParse(form);
}
