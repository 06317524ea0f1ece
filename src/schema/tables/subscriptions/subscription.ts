import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenantId } from '../../_tenant.js';
import { id, timestamps, timestamptz } from '../../_shared.js';
import { tenantRowsPolicy } from '../../_rls.js';

/** Stripe's subscription statuses; other providers map onto them. */
export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'incomplete',
  'incomplete_expired',
  'unpaid',
  'paused',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];
export const subscriptionStatus = pgEnum('subscription_status', SUBSCRIPTION_STATUSES);

/** The statuses in which the tenant is still entitled to the plan (past_due: the provider is retrying payment). */
export const CURRENT_SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
] as const satisfies readonly SubscriptionStatus[];

export const SUBSCRIPTION_PROVIDER_MAX = 50;
export const SUBSCRIPTION_PROVIDER_ID_MAX = 255;
export const SUBSCRIPTION_PLAN_MAX = 100;

/**
 * Billing state mirrored from the provider (the provider is the source of truth; webhooks keep this copy current).
 * `last_event_at` is the `occurred_at` of the last provider event applied, so an older event delivered late is ignored.
 */
export const subscriptions = pgTable(
  'subscriptions',
  {
    id: id(),
    tenantId: tenantId(),
    provider: text('provider').notNull().default('stripe'),
    providerCustomerId: text('provider_customer_id').notNull(),
    providerSubscriptionId: text('provider_subscription_id').notNull(),
    plan: text('plan').notNull(),
    status: subscriptionStatus('status').notNull().default('incomplete'),
    // 0 is allowed: Stripe accepts quantity 0 (metered prices, a seat plan scaled down to nobody).
    quantity: integer('quantity').notNull().default(1),
    currentPeriodStart: timestamptz('current_period_start'),
    currentPeriodEnd: timestamptz('current_period_end'),
    cancelAtPeriodEnd: boolean('cancel_at_period_end').notNull().default(false),
    trialEndsAt: timestamptz('trial_ends_at'),
    lastEventAt: timestamptz('last_event_at'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('subscriptions_provider_subscription_id_unique').on(t.providerSubscriptionId),
    index('subscriptions_tenant_status_idx').on(t.tenantId, t.status),
    // Keyset pagination of a tenant's subscriptions, newest first.
    index('subscriptions_tenant_created_idx').on(t.tenantId, t.createdAt.desc(), t.id.desc()),
    check('subscriptions_quantity_non_negative', sql`${t.quantity} >= 0`),
    check(
      'subscriptions_period_order',
      sql`${t.currentPeriodStart} is null or ${t.currentPeriodEnd} is null or ${t.currentPeriodEnd} > ${t.currentPeriodStart}`,
    ),
    check(
      'subscriptions_provider_length',
      sql`char_length(${t.provider}) between 1 and ${sql.raw(String(SUBSCRIPTION_PROVIDER_MAX))}`,
    ),
    check(
      'subscriptions_plan_length',
      sql`char_length(${t.plan}) between 1 and ${sql.raw(String(SUBSCRIPTION_PLAN_MAX))}`,
    ),
    check(
      'subscriptions_provider_ids_length',
      sql`char_length(${t.providerCustomerId}) between 1 and ${sql.raw(String(SUBSCRIPTION_PROVIDER_ID_MAX))} and char_length(${t.providerSubscriptionId}) between 1 and ${sql.raw(String(SUBSCRIPTION_PROVIDER_ID_MAX))}`,
    ),
    tenantRowsPolicy(t.tenantId),
  ],
);
