import { TodoQueries, withTransaction } from 'database';
import { CreateTodoSchema, type CreateTodo, type Todo } from 'database/dto';
import { todos } from 'database/schema';

// Type-checked by `tsc -p .`: the three entries resolve to real types, not `any`.

export function createTodo(input: CreateTodo, tenantId: string): Promise<Todo> {
  const values = CreateTodoSchema.parse(input);
  return withTransaction(() => TodoQueries.create(values, { tenantId }));
}

export const todoTitleColumn: string = todos.title.name;

// @ts-expect-error a title is a string: this line fails the build if `Todo` ever degrades to `any`
export const titleIsNotANumber: number = ({} as Todo).title;
