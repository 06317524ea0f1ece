import type { NewDomainEvent } from '../dto/system/domain-event.js';
import { withTransaction } from '../client/executor.js';
import { DomainEventQueries } from '../queries/system/domain-event.js';
import { SystemSettingQueries } from '../queries/system/system-setting.js';
import type { SeededTenant, TableCounts } from './context.js';

/** The values drizzle/0002_system_data.sql inserts; written only if that row was deleted since. */
const DEFAULT_RETENTION = {
  audit_events: { enabled: true, retention_days: 90 },
  invitations: { enabled: true, retention_days: 180 },
  domain_events: { enabled: true, retention_days: 30 },
};

const BANNER_KEY = 'maintenance_banner';

/**
 * Settings: the retention policy (a migration creates it; restored if missing) and a demo banner setting, neither
 * overwriting a value already there. Domain events: what the seeded changes would have published, through the
 * outbox; a publisher pass then publishes all of them but one, which it gives up on.
 */
export async function seedSystem(tenants: SeededTenant[]): Promise<TableCounts> {
  let settings = 0;
  if (!(await SystemSettingQueries.get('retention_settings'))) {
    await SystemSettingQueries.upsert('retention_settings', DEFAULT_RETENTION, 'How long pruned kinds are kept');
    settings++;
  }
  if (!(await SystemSettingQueries.get(BANNER_KEY))) {
    await SystemSettingQueries.upsert(
      BANNER_KEY,
      { enabled: false, message: 'Scheduled maintenance on Sunday 02:00-03:00 UTC' },
      'A notice shown above every page while enabled',
    );
    settings++;
  }

  const events: NewDomainEvent[] = [];
  for (const { tenant, todos } of tenants) {
    events.push({
      aggregateType: 'tenant',
      aggregateId: tenant.id,
      eventType: 'tenant.created',
      payload: { slug: tenant.slug },
    });
    for (const todo of todos.slice(0, 3)) {
      events.push({
        aggregateType: 'todo',
        aggregateId: todo.id,
        eventType: 'todo.created',
        payload: { tenantId: tenant.id, title: todo.title },
      });
      if (todo.completed)
        events.push({
          aggregateType: 'todo',
          aggregateId: todo.id,
          eventType: 'todo.completed',
          payload: { tenantId: tenant.id },
        });
    }
    events.push({
      aggregateType: 'subscription',
      aggregateId: `sub_demo_${tenant.slug}`,
      eventType: 'subscription.changed',
      payload: { tenantId: tenant.id },
    });
  }
  const stored = await withTransaction(async (tx) => {
    const rows = [];
    for (const event of events)
      rows.push(await DomainEventQueries.insertDomainEventInTransaction(tx, { ...event, correlationId: 'seed' }));
    return rows;
  });

  // A short lease: an event of someone else's this pass happens to claim is soon claimable again.
  const ours = new Set(stored.map((event) => event.id));
  const claimed = (await DomainEventQueries.claimBatch(stored.length, { leaseSeconds: 1 })).filter((e) =>
    ours.has(e.id),
  );
  const [failed, ...published] = claimed;
  if (failed) await DomainEventQueries.markFailed(failed.id, 'broker unavailable: connection refused');
  await DomainEventQueries.markPublished(published.map((event) => event.id));

  const aggregates = new Set(events.map((event) => `${event.aggregateType}/${event.aggregateId}`));
  return { system_settings: settings, domain_events: stored.length, domain_event_sequences: aggregates.size };
}
