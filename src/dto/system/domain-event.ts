import { z } from 'zod';
import {
  DOMAIN_EVENT_NAME_MAX,
  DOMAIN_EVENT_STATUSES,
  domainEvents,
  type DomainEventPayload,
} from '../../schema/tables/system/domain-event.js';
import { createInsertSchema, createSelectSchema, jsonColumn } from '../_zod.js';
import { jsonObject, optionalText, trimmedText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

export const DomainEventPayloadSchema = jsonObject();

const refine = {
  aggregateType: () => trimmedText(DOMAIN_EVENT_NAME_MAX),
  aggregateId: () => trimmedText(DOMAIN_EVENT_NAME_MAX),
  eventType: () => trimmedText(DOMAIN_EVENT_NAME_MAX),
  payload: () => DomainEventPayloadSchema.optional(),
  correlationId: () => optionalText(DOMAIN_EVENT_NAME_MAX),
};

export const DomainEventSchema = createSelectSchema(domainEvents, {
  payload: () => jsonColumn<DomainEventPayload>(),
});
export const InsertDomainEventSchema = createInsertSchema(domainEvents, refine);

/**
 * What the writer of a change records; the sequence number comes from the database, status, attempts and
 * timestamps from the outbox. Events are immutable, so there is no update DTO.
 */
export const NewDomainEventSchema = InsertDomainEventSchema.pick({
  aggregateType: true,
  aggregateId: true,
  eventType: true,
  payload: true,
  correlationId: true,
}).strict();

export const DomainEventFilterSchema = listFilter({
  aggregateType: trimmedText(DOMAIN_EVENT_NAME_MAX).optional(),
  aggregateId: trimmedText(DOMAIN_EVENT_NAME_MAX).optional(),
  status: z.enum(DOMAIN_EVENT_STATUSES).optional(),
}).refine((filter) => filter.aggregateId === undefined || filter.aggregateType !== undefined, {
  message: 'aggregateId needs aggregateType',
  path: ['aggregateId'],
});

export type DomainEvent = z.infer<typeof DomainEventSchema>;
export type NewDomainEvent = z.input<typeof NewDomainEventSchema>;
export type DomainEventFilter = z.input<typeof DomainEventFilterSchema>;
