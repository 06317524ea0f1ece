import { randomUUID } from 'node:crypto';
import { db } from '../../src/client/db.ts';
import { domainEvents } from '../../src/schema/tables/system/domain-events.ts';

// Raw domain_events rows for constraint tests; app code writes them only through DomainEventQueries.

export async function insertDomainEventRow(overrides: Partial<typeof domainEvents.$inferInsert> = {}) {
  const [row] = await db
    .insert(domainEvents)
    .values({ aggregateType: 'order', aggregateId: randomUUID(), eventType: 'order.created', ...overrides })
    .returning();
  return row!;
}
