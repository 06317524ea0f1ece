import { z } from 'zod';
import {
  SUBSCRIPTION_PLAN_MAX,
  SUBSCRIPTION_PROVIDER_ID_MAX,
  SUBSCRIPTION_PROVIDER_MAX,
  SUBSCRIPTION_STATUSES,
  subscriptions,
} from '../../schema/tables/subscriptions/subscription.js';
import { createInsertSchema, createSelectSchema, createUpdateSchema } from '../_zod.js';
import { timestamp, trimmedText } from '../_fields.js';
import { listFilter } from '../_list-filter.js';

/** Largest quantity accepted from callers; the column only requires >= 0. */
export const SUBSCRIPTION_QUANTITY_MAX = 1_000_000;

// Columns with a database default stay optional on insert (drizzle-zod types a refinement as given).
const refine = {
  provider: () => trimmedText(SUBSCRIPTION_PROVIDER_MAX).optional(),
  providerCustomerId: () => trimmedText(SUBSCRIPTION_PROVIDER_ID_MAX),
  providerSubscriptionId: () => trimmedText(SUBSCRIPTION_PROVIDER_ID_MAX),
  plan: () => trimmedText(SUBSCRIPTION_PLAN_MAX),
  quantity: () => z.number().int().min(0).max(SUBSCRIPTION_QUANTITY_MAX).optional(),
  currentPeriodStart: () => timestamp().nullish(),
  currentPeriodEnd: () => timestamp().nullish(),
  trialEndsAt: () => timestamp().nullish(),
};

export const SubscriptionSchema = createSelectSchema(subscriptions);
export const InsertSubscriptionSchema = createInsertSchema(subscriptions, refine);
const UpdateSubscriptionRowSchema = createUpdateSchema(subscriptions, refine);

interface Period {
  currentPeriodStart?: Date | null;
  currentPeriodEnd?: Date | null;
}

/**
 * The `subscriptions_period_order` check, reported before any SQL when both ends are given: every DTO that writes a
 * period carries it (create, update, ingest), so a DTO-valid period is one the table takes.
 */
export const withPeriodOrder = <T extends z.ZodType<Period>>(schema: T): T =>
  schema.refine(
    (value: Period) =>
      !value.currentPeriodStart || !value.currentPeriodEnd || value.currentPeriodEnd > value.currentPeriodStart,
    { message: 'must be after currentPeriodStart', path: ['currentPeriodEnd'] },
  );

/** The provider's state of a subscription: what webhooks change (see IngestSubscriptionEventSchema) and `update` sets. */
const stateFields = {
  plan: true,
  status: true,
  quantity: true,
  currentPeriodStart: true,
  currentPeriodEnd: true,
  cancelAtPeriodEnd: true,
  trialEndsAt: true,
} as const;

/** The state fields, each optional (omitted = unchanged). */
export const SubscriptionStateSchema = UpdateSubscriptionRowSchema.pick(stateFields);

/**
 * Server-side only (a webhook handler, a checkout callback): the status is the provider's, so it is settable here.
 * The tenant comes from scope; ids, timestamps and last_event_at from the server.
 */
export const CreateSubscriptionSchema = withPeriodOrder(
  InsertSubscriptionSchema.pick({
    provider: true,
    providerCustomerId: true,
    providerSubscriptionId: true,
    ...stateFields,
  }).strict(),
);

export const UpdateSubscriptionSchema = withPeriodOrder(SubscriptionStateSchema.strict());

export const SubscriptionFilterSchema = listFilter({ status: z.enum(SUBSCRIPTION_STATUSES).optional() });

export type Subscription = z.infer<typeof SubscriptionSchema>;
export type CreateSubscription = z.input<typeof CreateSubscriptionSchema>;
export type UpdateSubscription = z.input<typeof UpdateSubscriptionSchema>;
export type SubscriptionFilter = z.input<typeof SubscriptionFilterSchema>;
