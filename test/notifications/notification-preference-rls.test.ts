import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { ForbiddenError } from '../../src/errors/classes.js';
import { withRls } from '../../src/scope/rls.js';
import { notificationPreferences } from '../../src/schema/tables/notifications/notification-preference.js';
import { factories } from '../../src/testing/index.js';

// The tenant-or-own policy (src/schema/_rls.ts tenantOrOwnRowsPolicy) on notification_preferences: a row with
// tenant_id null belongs to its user alone. Here, not in test/foundation/rls.test.ts, because it goes with the
// notifications domain when `pnpm db:remove` takes it.

it('tenant-less rows (tenant_id null) are visible only to their own user (1 of 2)', async () => {
  const alice = (await factories.user.create()).id;
  const bob = (await factories.user.create()).id;
  for (const userId of [alice, bob]) {
    await db.insert(notificationPreferences).values({ userId, type: 'invite.sent', channel: 'email', enabled: false });
  }
  const rows = await withRls({ sub: bob }, () =>
    db
      .select()
      .from(notificationPreferences)
      .where(sql`${notificationPreferences.tenantId} is null`),
  );
  expect(rows.map((row) => row.userId)).toEqual([bob]);
});

it('anon is refused notification_preferences (ForbiddenError)', async () => {
  const error = await withRls(null, () => db.select().from(notificationPreferences)).then(
    () => null,
    (rejected: unknown) => rejected,
  );
  expect(error).toBeInstanceOf(ForbiddenError);
  expect((error as ForbiddenError).code).toBe('forbidden');
});
