import { TodoQueries } from '../../queries/features/todo.js';
import { fake } from '../../testing/index.js';
import { daysAgo, type SeededTenant } from '../context.js';
import { TODO_TITLES } from '../demo-data.js';

/**
 * Per tenant: eight todos spread over its people (three completed, one soft-deleted, some with a due date). The
 * kept ones go to `seeded.todos`, which the notification and outbox seeds refer to. Returns the rows written.
 */
export async function seedTodos(tenants: SeededTenant[]): Promise<number> {
  let written = 0;
  for (const seeded of tenants) {
    const scope = { tenantId: seeded.tenant.id };
    for (const [i, title] of TODO_TITLES.entries()) {
      const assignee = seeded.everyone[i % seeded.everyone.length]!;
      const todo = await TodoQueries.create(
        {
          userId: assignee.id,
          title,
          description: i % 2 === 0 ? `${title}: ${fake.words(6)}.` : null,
          dueAt: i % 3 === 0 ? daysAgo(-fake.int(3, 30)) : null,
        },
        scope,
      );
      written++;
      if (i < 3) seeded.todos.push(await TodoQueries.update(todo.id, { completed: true }, scope));
      else if (i === TODO_TITLES.length - 1) await TodoQueries.softDelete(todo.id, scope);
      else seeded.todos.push(todo);
    }
  }
  return written;
}
