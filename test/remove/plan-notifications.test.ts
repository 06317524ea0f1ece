// needs-domain: notifications
import { expect, it } from 'vitest';
import { planRemoval, RemoveError } from '../../scripts/remove/plan.js';
import { packageRoot } from '../../src/config/database-url.js';

// The marker above makes `pnpm db:remove notifications` take this file.

it('one table of a domain seeded in one step: refused, naming the step and how to split it', () => {
  let message = '';
  try {
    planRemoval(packageRoot, 'notifications', 'notification_preferences');
  } catch (error) {
    expect(error).toBeInstanceOf(RemoveError);
    message = (error as Error).message;
  }
  expect(message).toMatch(/^cannot remove table `notification_preferences`/);
  expect(message).toContain('src/queries/notifications/notification.ts uses notificationPreferences');
  expect(message).toContain('src/seed/notifications.ts uses NotificationPreferenceQueries');
  expect(message).toContain('(src/seed/notifications.ts seeds every table of notifications in one step');
});
