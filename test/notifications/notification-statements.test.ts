import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { runWithExecutor } from '../../src/client/executor.js';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { factories, isolatedDatabase } from '../../src/testing/index.js';
import type { IsolatedDatabase } from '../../src/testing/isolated-database.js';
import { preparedStatementsWithPreparationOff } from '../support/unprepared.js';

// NotificationQueries.unreadCount is prepared per executor; with preparation off (a transaction pooler) it must not
// name a statement. The other domains' prepared paths: test/foundation/statement-reuse.test.ts.
const source = inject('testDatabase');

let target: IsolatedDatabase;
let scope: { tenantId: string };
let userId: string;

beforeAll(async () => {
  if (source.kind !== 'postgres') return;
  target = await isolatedDatabase({ poolMax: 1 });
  await runWithExecutor(target.db, async () => {
    scope = { tenantId: (await factories.tenants.create()).id };
    userId = (await factories.user.create()).id;
  });
});

afterAll(async () => {
  await target?.close();
});

it.skipIf(source.kind !== 'postgres')(
  'with statement preparation off, 5 unreadCount calls leave 0 prepared statements',
  async () => {
    const statements = await preparedStatementsWithPreparationOff(target.url, async () => {
      for (let i = 0; i < 5; i++) expect(await NotificationQueries.unreadCount(userId, scope)).toBe(0);
    });
    expect(statements).toBe(0);
  },
);
