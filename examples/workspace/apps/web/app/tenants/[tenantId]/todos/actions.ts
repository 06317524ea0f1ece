'use server';

import { TodoQueries } from 'database';
import { CreateTodoSchema, type CreateTodo } from 'database/dto';
import { revalidatePath } from 'next/cache';

/** The server half of the form: the client validated already, the server validates again before it writes. */
export async function createTodo(tenantId: string, input: CreateTodo): Promise<void> {
  await TodoQueries.create(CreateTodoSchema.parse(input), { tenantId });
  revalidatePath(`/tenants/${tenantId}/todos`);
}
