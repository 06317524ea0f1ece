import { TodoQueries } from 'database';
import { TodoForm } from './todo-form';

// A server component: it reads through the query object, scoped to the tenant in the URL, at request time.

export default async function TodosPage({ params }: { params: Promise<{ tenantId: string }> }) {
  const { tenantId } = await params;
  const page = await TodoQueries.list({}, { tenantId });
  return (
    <main>
      <h1>Todos</h1>
      <ul>
        {page.items.map((todo) => (
          <li key={todo.id}>{todo.title}</li>
        ))}
      </ul>
      <TodoForm tenantId={tenantId} />
    </main>
  );
}
