import { type z } from 'zod';
import {
  SUBSCRIPTION_EVENT_TYPE_MAX,
  subscriptionEvents,
  type SubscriptionEventPayload,
} from '../../schema/tables/subscriptions/subscription-event.js';
import { SUBSCRIPTION_PROVIDER_ID_MAX } from '../../schema/tables/subscriptions/subscription.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { jsonObject, timestamp, trimmedText } from '../_fields.js';
import { SubscriptionStateSchema, withPeriodOrder } from './subscription.js';

/** Provider events are larger than our own JSONB data (a Stripe subscription event is often 5-20 KiB). */
export const SUBSCRIPTION_EVENT_PAYLOAD_MAX_BYTES = 256 * 1024;

/** The provider's event body, kept as received: any JSON object up to 256 KiB. */
export const SubscriptionEventPayloadSchema: z.ZodType<SubscriptionEventPayload> = jsonObject({
  maxChars: SUBSCRIPTION_EVENT_PAYLOAD_MAX_BYTES,
  keyMax: SUBSCRIPTION_EVENT_PAYLOAD_MAX_BYTES,
});

const refine = {
  providerEventId: () => trimmedText(SUBSCRIPTION_PROVIDER_ID_MAX),
  providerSubscriptionId: () => trimmedText(SUBSCRIPTION_PROVIDER_ID_MAX).nullish(),
  type: () => trimmedText(SUBSCRIPTION_EVENT_TYPE_MAX),
  payload: () => SubscriptionEventPayloadSchema,
  occurredAt: () => timestamp(),
};

export const SubscriptionEventSchema = createSelectSchema(subscriptionEvents, {
  payload: () => SubscriptionEventPayloadSchema,
});
export const InsertSubscriptionEventSchema = createInsertSchema(subscriptionEvents, refine);
const UpdateSubscriptionEventRowSchema = createUpdateSchema(subscriptionEvents, refine);

/** The stored part of a webhook: what the provider sent. Matching and processing are the server's. */
export const CreateSubscriptionEventSchema = InsertSubscriptionEventSchema.pick({
  providerEventId: true,
  providerSubscriptionId: true,
  type: true,
  payload: true,
  occurredAt: true,
}).strict();

/** Events are immutable once stored; only the server's processing marks change them (see markProcessed). */
export const UpdateSubscriptionEventSchema = UpdateSubscriptionEventRowSchema.pick({}).strict();

/**
 * One webhook for `SubscriptionQueries.ingestEvent`: the event, plus the subscription state it carries, already
 * mapped from the provider's payload by the caller. Omitted state fields leave the subscription's value unchanged.
 */
export const IngestSubscriptionEventSchema = withPeriodOrder(
  CreateSubscriptionEventSchema.extend(SubscriptionStateSchema.shape).strict(),
);

export type SubscriptionEvent = z.infer<typeof SubscriptionEventSchema>;
export type CreateSubscriptionEvent = z.input<typeof CreateSubscriptionEventSchema>;
export type UpdateSubscriptionEvent = z.input<typeof UpdateSubscriptionEventSchema>;
export type IngestSubscriptionEvent = z.input<typeof IngestSubscriptionEventSchema>;
