import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  CreateSubscriptionSchema,
  SubscriptionFilterSchema,
  UpdateSubscriptionSchema,
  type CreateSubscription,
  type Subscription,
  type SubscriptionFilter,
  type UpdateSubscription,
} from '../../dto/subscriptions/subscription.js';
import { CURRENT_SUBSCRIPTION_STATUSES, subscriptions } from '../../schema/tables/subscriptions/subscription.js';
import type { TenantScope } from '../../scope/tenant.js';
import { eqEachSet } from '../_lib/filters.js';
import { afterCursor, newestFirst, toPage, type Page } from '../_lib/keyset.js';
import { findByIdInTenantOf } from '../_lib/find-by-id.js';
import { getByIdFrom, orNotFound } from '../_lib/not-found.js';
import { parseListInput, type ListInput } from '../_lib/list-input.js';
import { read, write } from '../_lib/run.js';
import { updateReturning } from '../_lib/update.js';
import { parseId, parseInput, resolveTenantId } from '../_lib/validate.js';
import { ProviderIdInput } from './provider-id.js';
import { ingestEvent } from './ingest-event.js';

const ENTITY = 'Subscription';

export type ListSubscriptionsInput = ListInput<SubscriptionFilter>;

const findById = findByIdInTenantOf(ENTITY, subscriptions, 'subscriptions_find_by_id');

/**
 * Billing state per tenant. Reads and create/update are tenant-scoped (pass `{ tenantId }` or use `withTenant`);
 * `ingestEvent` is not: a webhook knows the provider's ids, not our tenant, and finds the subscription by them.
 * Writes are for server code (webhook handlers, checkout callbacks), never for end-user input.
 */
export const SubscriptionQueries = {
  findById,

  getById: getByIdFrom(ENTITY, findById),

  async findByProviderSubscriptionId(
    providerSubscriptionId: string,
    options?: TenantScope,
  ): Promise<Subscription | null> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { id } = parseInput(ENTITY, ProviderIdInput, { id: providerSubscriptionId });
    const [row] = await read((db) =>
      db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.providerSubscriptionId, id), eq(subscriptions.tenantId, tenantId)))
        .limit(1),
    );
    return row ?? null;
  },

  /** Newest first, `limit` per page (default 50); pass `nextCursor` back for the next page. */
  async list(input: ListSubscriptionsInput = {}, options?: TenantScope): Promise<Page<Subscription>> {
    const tenantId = resolveTenantId(ENTITY, options);
    const { limit, filter, position } = parseListInput(ENTITY, SubscriptionFilterSchema, input);
    const rows = await read((db) =>
      db
        .select()
        .from(subscriptions)
        .where(
          and(
            eq(subscriptions.tenantId, tenantId),
            ...eqEachSet(subscriptions, filter),
            afterCursor(subscriptions, position),
          ),
        )
        .orderBy(...newestFirst(subscriptions))
        .limit(limit + 1),
    );
    return toPage(rows, limit);
  },

  /**
   * The tenant's current subscription: status trialing, active or past_due (still entitled while the provider
   * retries payment). Should a tenant hold several, the newest wins. Null when it has none.
   */
  async activeForTenant(tenantId: string): Promise<Subscription | null> {
    const id = parseId(ENTITY, tenantId, 'tenantId');
    const [row] = await read((db) =>
      db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.tenantId, id), inArray(subscriptions.status, [...CURRENT_SUBSCRIPTION_STATUSES])))
        .orderBy(desc(subscriptions.createdAt), desc(subscriptions.id))
        .limit(1),
    );
    return row ?? null;
  },

  async create(input: CreateSubscription, options?: TenantScope): Promise<Subscription> {
    const tenantId = resolveTenantId(ENTITY, options);
    const values = parseInput(ENTITY, CreateSubscriptionSchema, input);
    const [row] = await write((db) =>
      db
        .insert(subscriptions)
        .values({ ...values, tenantId })
        .returning(),
    );
    return row!;
  },

  async update(id: string, input: UpdateSubscription, options?: TenantScope): Promise<Subscription> {
    const tenantId = resolveTenantId(ENTITY, options);
    const subscriptionId = parseId(ENTITY, id);
    const values = parseInput(ENTITY, UpdateSubscriptionSchema, input);
    const where = and(eq(subscriptions.id, subscriptionId), eq(subscriptions.tenantId, tenantId));
    const [row] = await write((db) => updateReturning(db, subscriptions, values, where));
    return orNotFound(row, ENTITY, `id=${id}`);
  },

  ingestEvent,
};
