import postgres from 'postgres';
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1, onnotice: () => {} });
const sql = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: Number(process.argv[2]), connect_timeout: 3, onnotice: (n) => console.log('NOTICE', n.code, n.message) });
process.on('uncaughtException', (e) => console.log('UNCAUGHT', e.message));
await admin`drop table if exists probe_t`; await admin`create table probe_t(x text)`;
try {
  await sql.begin(async (tx) => {
    await tx`insert into probe_t values ('first')`;
    const [{ pid }] = await tx`select pg_backend_pid() as pid`;
    await admin`select pg_terminate_backend(${pid})`; await new Promise((r) => setTimeout(r, 100));
    try { await tx`insert into probe_t values ('second')`; } catch (e: any) { console.log('swallowed', e.code); }
    await tx`insert into probe_t values ('third')`;
  });
} catch (e: any) { console.log('tx error', e.code, e.message); }
await new Promise((r) => setTimeout(r, 300));
console.log(await admin`select x from probe_t`);
await admin`drop table probe_t`;
await sql.end({timeout:1}); await admin.end();
