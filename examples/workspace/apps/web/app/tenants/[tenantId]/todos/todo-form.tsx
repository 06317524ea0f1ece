'use client';

import { CreateTodoSchema } from 'database/dto';
import { useState } from 'react';
import { createTodo } from './actions';

// Client code imports database/dto only: the Zod schemas, no driver. The bundle check fails on anything more.

export function TodoForm({ tenantId }: { tenantId: string }) {
  const [error, setError] = useState<string | null>(null);

  async function submit(form: FormData) {
    const parsed = CreateTodoSchema.safeParse({ userId: form.get('userId'), title: form.get('title') });
    if (!parsed.success) {
      setError(parsed.error.issues.map((issue) => issue.message).join('; '));
      return;
    }
    setError(null);
    await createTodo(tenantId, parsed.data);
  }

  return (
    <form action={submit}>
      <input name="userId" placeholder="user id" />
      <input name="title" placeholder="title" />
      <button type="submit">Add</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
