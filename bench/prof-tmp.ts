import { bindDatabase } from '../src/executor.ts';
import { TodoQueries } from '../src/queries/features/todos.ts';
import { createBenchPglite, seedTenant } from './lib/databases.ts';
import { FIND_LIVE_BY_ID_SQL } from './lib/todo-sql.ts';
const db = await createBenchPglite();
const t = await seedTenant(db, { todos: 1000 });
bindDatabase(db.handle.db);
const mode = process.argv[2];
const N = 4000;
for (let k = 0; k < 2; k++) {
  const s = performance.now();
  for (let i = 0; i < N; i++) {
    const id = t.todoIds[i % t.todoIds.length]!;
    if (mode === 'raw') await db.client.query(FIND_LIVE_BY_ID_SQL, [id, t.tenantId]);
    else await TodoQueries.findById(id, { tenantId: t.tenantId });
  }
  console.log(mode, (N / ((performance.now() - s) / 1000)).toFixed(0), 'ops/s');
}
await db.close();
