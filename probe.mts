import postgres from 'postgres';
import { startPgBouncer } from './test/reliability/support/pgbouncer.ts';
const b = await startPgBouncer({ host: '127.0.0.1', port: 5432 });
for (const url of [b.url('postgres'), `postgres://postgres@127.0.0.1:${b.port}/postgres`]) {
  const sql = postgres(url, { max: 1, prepare: false, connect_timeout: 5 });
  try { console.log(url, await sql`select current_setting('application_name') as a`); } catch (e: any) { console.log(url, 'ERR', e.code, e.message); }
  await sql.end();
}
await b.stop();
