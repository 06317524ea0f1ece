import { z } from 'zod';
import { TODO_DESCRIPTION_MAX, TODO_TITLE_MAX, todos } from '../../schema/tables/features/todo.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { optionalText, timestamp, trimmedText, uuid } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

const refine = {
  title: () => trimmedText(TODO_TITLE_MAX),
  description: () => optionalText(TODO_DESCRIPTION_MAX),
  dueAt: () => timestamp().nullish(),
};

export const TodoSchema = createSelectSchema(todos);
export const InsertTodoSchema = createInsertSchema(todos, refine);
const UpdateTodoRowSchema = createUpdateSchema(todos, refine);

/** What a caller may set when creating a todo; the tenant comes from scope, ids and timestamps from the server. */
export const CreateTodoSchema = InsertTodoSchema.pick({
  userId: true,
  title: true,
  description: true,
  completed: true,
  dueAt: true,
}).strict();

export const UpdateTodoSchema = UpdateTodoRowSchema.pick({
  title: true,
  description: true,
  completed: true,
  dueAt: true,
}).strict();

export const TodoFilterSchema = listFilter({
  userId: uuid().optional(),
  completed: z.boolean().optional(),
  dueBefore: timestamp().optional(),
});

export type Todo = z.infer<typeof TodoSchema>;
export type CreateTodo = z.input<typeof CreateTodoSchema>;
export type UpdateTodo = z.input<typeof UpdateTodoSchema>;
export type TodoFilter = z.input<typeof TodoFilterSchema>;
