import { afterEach, beforeEach, inject } from 'vitest';
import { bindDatabase } from '../client/executor.js';
import { openRollbackTransaction, type OpenTransaction } from './rollback-transaction.js';
import { workerDatabase } from './worker-database.js';

// vitest `setupFiles` entry: every test runs inside a transaction that is rolled back afterwards, and every query
// object (and `withTransaction`, as a savepoint) joins it.

const handle = await workerDatabase(inject('testDatabase'));
let open: OpenTransaction | undefined;

beforeEach(async () => {
  open = await openRollbackTransaction(handle.db);
  bindDatabase(open.tx);
});

afterEach(async () => {
  bindDatabase(handle.db);
  await open?.rollback();
  open = undefined;
});
