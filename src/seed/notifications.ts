import type { NotificationDelivery } from '../dto/notifications/notification-delivery.js';
import { NotificationDeliveryQueries } from '../queries/notifications/notification-delivery.js';
import { NotificationPreferenceQueries } from '../queries/notifications/notification-preference.js';
import { NotificationTargetQueries } from '../queries/notifications/notification-target.js';
import { NotificationQueries } from '../queries/notifications/notification.js';
import type { SeededTenant, TableCounts } from './context.js';

/**
 * Everyone can be reached by verified email; owners also by push, Acme's owner by webhook, and each tenant's first
 * admin has an SMS number not yet verified. Some preferences opt out. Each todo's assignee is notified (the
 * deliveries follow from targets and preferences), owners hear about accepted invites; a worker run then sends most
 * of the queue, fails one delivery, and leaves the rest pending.
 */
export async function seedNotifications(tenants: SeededTenant[]): Promise<TableCounts> {
  const counts: TableCounts = { notification_targets: 0, notification_preferences: 0, notifications: 0 };
  const target = async (
    userId: string,
    input: Parameters<typeof NotificationTargetQueries.create>[1],
    verify = true,
  ) => {
    const created = await NotificationTargetQueries.create(userId, input);
    if (verify) await NotificationTargetQueries.verify(created.id, userId);
    counts.notification_targets!++;
  };
  const preference = async (userId: string, input: Parameters<typeof NotificationPreferenceQueries.set>[1]) => {
    await NotificationPreferenceQueries.set(userId, input);
    counts.notification_preferences!++;
  };

  for (const { spec, tenant, owner, admins, everyone } of tenants) {
    for (const person of everyone) await target(person.id, { channel: 'email', address: person.email });
    await target(owner.id, { channel: 'push', address: `ExponentPushToken[${spec.slug}-${owner.id.slice(0, 8)}]` });
    await target(
      admins[0]!.id,
      { channel: 'sms', address: `+1415555${String(1000 + counts.notification_targets!)}` },
      false,
    );
    if (spec.slug === 'acme')
      await target(owner.id, { channel: 'webhook', address: 'https://hooks.acme.example.com/notify' });

    // Admins mute assignment emails everywhere; the owner mutes comment pushes in this tenant only.
    for (const admin of admins) await preference(admin.id, { type: 'todo.assigned', channel: 'email', enabled: false });
    await preference(owner.id, { tenantId: tenant.id, type: 'comment.created', channel: 'push', enabled: false });
  }

  const deliveries: NotificationDelivery[] = [];
  for (const { tenant, owner, todos, everyone } of tenants) {
    const scope = { tenantId: tenant.id };
    for (const todo of todos) {
      const created = await NotificationQueries.create(
        {
          userId: todo.userId,
          type: 'todo.assigned',
          title: `You were assigned “${todo.title}”`,
          data: { todoId: todo.id, url: `/todos/${todo.id}` },
        },
        scope,
      );
      counts.notifications!++;
      deliveries.push(...created.deliveries);
      if (todo.completed) await NotificationQueries.markRead(created.notification.id, todo.userId, scope);
    }
    const invitee = everyone[everyone.length - 1]!;
    const welcome = await NotificationQueries.create(
      {
        userId: owner.id,
        type: 'invite.accepted',
        title: `${invitee.name} joined ${tenant.name}`,
        body: `${invitee.name} accepted your invitation and is now a member.`,
        data: { userId: invitee.id },
      },
      scope,
    );
    counts.notifications!++;
    deliveries.push(...welcome.deliveries);
  }

  // One worker pass over the seeded queue: claim two thirds, fail the first, send the rest. The queue is global, so
  // a delivery of someone else's that the claim happens to take goes straight back.
  const ours = new Set(deliveries.map((d) => d.id));
  const claimed = await NotificationDeliveryQueries.claimPending(Math.ceil((deliveries.length * 2) / 3));
  for (const delivery of claimed.filter((d) => !ours.has(d.id))) await NotificationDeliveryQueries.requeue(delivery.id);
  const [failed, ...sent] = claimed.filter((d) => ours.has(d.id));
  if (failed) await NotificationDeliveryQueries.markFailed(failed.id, '550 mailbox unavailable');
  for (const delivery of sent) await NotificationDeliveryQueries.markSent(delivery.id);
  return { ...counts, notification_deliveries: deliveries.length };
}
