import postgres from 'postgres';
const mode = process.argv[2];
const admin = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: 1 });
const sql = postgres('postgres://postgres@127.0.0.1:5432/postgres', { max: Number(process.argv[3]), connect_timeout: 3 });
process.on('uncaughtException', (e) => console.log('UNCAUGHT', e.message));
const t = Date.now();
try {
  await sql.begin(async (tx) => {
    const [{ pid }] = await tx`select pg_backend_pid() as pid`;
    if (mode === 'idle') { await admin`select pg_terminate_backend(${pid})`; await new Promise((r) => setTimeout(r, 100)); await tx`select 2`; }
    else { setTimeout(() => admin`select pg_terminate_backend(${pid})`.catch(() => {}), 200); await tx`select pg_sleep(5)`; }
  });
} catch (e: any) { console.log(Date.now()-t, 'tx error', e.code, e.message); }
for (let i = 0; i < 3; i++) { await Promise.all(Array.from({length: 10}, () => sql`select 1`)).then(() => console.log("10 ok"), (e) => console.log("10 err", e.code));
try { console.log(Date.now()-t, 'after', (await sql`select 1 as x`)[0]); } catch (e: any) { console.log(Date.now()-t, 'after err', e.code, e.message); }
}
await sql.end({timeout:1}); await admin.end();
