import type { NewDomainEvent } from '../../../dto/system/domain-event.js';
import { runWithExecutor, withTransaction } from '../../../client/executor.js';
import { DomainEventQueries } from '../../../queries/system/domain-event.js';
import { defineFactory, fake } from '../_factory.js';

/**
 * An outbox event. Written through DomainEventQueries.insertDomainEventInTransaction, the table's only writer
 * (it needs a transaction; the database assigns the sequence number).
 */
export const createDomainEventFactory = () =>
  defineFactory({
    build: (): NewDomainEvent => {
      const aggregateType = fake.pick(['todo', 'tenant', 'subscription']);
      return {
        aggregateType,
        aggregateId: fake.uuid(),
        eventType: `${aggregateType}.${fake.pick(['created', 'updated', 'deleted'])}`,
        payload: { source: 'factory', n: fake.int(1, 1000) },
        correlationId: fake.bool() ? `req_${fake.token().slice(0, 12)}` : null,
      };
    },
    insert: (db, input) =>
      runWithExecutor(db, () => withTransaction((tx) => DomainEventQueries.insertDomainEventInTransaction(tx, input))),
  });
