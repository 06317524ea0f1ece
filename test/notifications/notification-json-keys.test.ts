import { it } from 'vitest';
import { NotificationQueries } from '../../src/queries/notifications/notification.js';
import { factories } from '../../src/testing/index.js';
import { expectRefusedWithoutKey, hostileObjects, rejection } from '../support/hostile-json.js';

// A notification's `data` is free-form JSON: a hostile key is never repeated in the ValidationError (the rule and
// the core domains' fields: test/dto/json-keys.test.ts).

it.each(hostileObjects)('notification data: $how', async ({ value }) => {
  const tenantId = (await factories.tenants.create()).id;
  const userId = (await factories.user.create()).id;
  const data = value as Record<string, never>;
  expectRefusedWithoutKey(
    await rejection(() => NotificationQueries.create({ userId, type: 'a.b', title: 'T', data }, { tenantId })),
    ['data'],
  );
});
