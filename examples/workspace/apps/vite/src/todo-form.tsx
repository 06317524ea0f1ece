import { CreateTodoSchema, type CreateTodo } from 'database/dto';
import { useState } from 'react';

// Browser code imports database/dto only: the Zod schemas, no driver. The bundle check fails on anything more.

export function TodoForm({ onValid = () => {} }: { onValid?: (todo: CreateTodo) => void }) {
  const [error, setError] = useState<string | null>(null);

  function submit(form: FormData) {
    const parsed = CreateTodoSchema.safeParse({ userId: form.get('userId'), title: form.get('title') });
    setError(parsed.success ? null : parsed.error.issues.map((issue) => issue.message).join('; '));
    if (parsed.success) onValid(parsed.data);
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
