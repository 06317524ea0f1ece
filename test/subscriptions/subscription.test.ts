import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import { SubscriptionSchema, type Subscription } from '../../src/dto/subscriptions/subscription.js';
import {
  CheckViolationError,
  ConflictError,
  MissingTenantError,
  NotFoundError,
  ValidationError,
} from '../../src/errors/classes.js';
import { SubscriptionQueries } from '../../src/queries/subscriptions/subscription.js';
import { type subscriptions } from '../../src/schema/tables/subscriptions/subscription.js';
import { withTenant } from '../../src/scope/tenant.js';
import { factories } from '../../src/testing/index.js';
import { providerId } from '../support/provider-id.js';

let tenantId: string;
const scope = () => ({ tenantId });
const newSubscription = (overrides: Partial<Parameters<typeof SubscriptionQueries.create>[0]> = {}) => ({
  providerCustomerId: providerId('cus'),
  providerSubscriptionId: providerId('sub'),
  plan: 'pro',
  status: 'active' as const,
  ...overrides,
});

beforeEach(async () => {
  tenantId = (await factories.tenants.create()).id;
});

describe('SubscriptionQueries', () => {
  it('row DTO type is the table row type', () => {
    expectTypeOf<Subscription>().toEqualTypeOf<typeof subscriptions.$inferSelect>();
  });

  it('create trims, defaults and returns the row DTO', async () => {
    const input = newSubscription({ plan: '  team  ' });
    const created = await SubscriptionQueries.create(input, scope());
    expect(created).toMatchObject({
      tenantId,
      provider: 'stripe',
      plan: 'team',
      status: 'active',
      quantity: 1,
      cancelAtPeriodEnd: false,
      lastEventAt: null,
    });
    expect(SubscriptionSchema.parse(created)).toEqual(created);
  });

  it('create validates before any SQL: fields, strictness, period order', async () => {
    const bad = await SubscriptionQueries.create(
      { ...newSubscription(), plan: ' ', quantity: -1, status: 'expired', tenantId } as never,
      scope(),
    ).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect((bad as ValidationError).fields.sort()).toEqual(['(root)', 'plan', 'quantity', 'status']);
    const start = new Date('2030-01-01T00:00:00Z');
    const period = await SubscriptionQueries.create(
      newSubscription({ currentPeriodStart: start, currentPeriodEnd: start }),
      scope(),
    ).catch((e: unknown) => e);
    expect((period as ValidationError).fields).toEqual(['currentPeriodEnd']);
    expect((await SubscriptionQueries.list({}, scope())).items).toEqual([]);
  });

  it('create with a taken provider_subscription_id is a ConflictError (any tenant)', async () => {
    const first = await SubscriptionQueries.create(newSubscription(), scope());
    const other = (await factories.tenants.create()).id;
    const error = await SubscriptionQueries.create(
      newSubscription({ providerSubscriptionId: first.providerSubscriptionId }),
      { tenantId: other },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).constraint).toBe('subscriptions_provider_subscription_id_unique');
  });

  it('findById / getById / findByProviderSubscriptionId, null / NotFoundError when absent', async () => {
    const created = await SubscriptionQueries.create(newSubscription(), scope());
    expect(await SubscriptionQueries.findById(created.id, scope())).toEqual(created);
    expect(await SubscriptionQueries.getById(created.id, scope())).toEqual(created);
    expect(await SubscriptionQueries.findByProviderSubscriptionId(created.providerSubscriptionId, scope())).toEqual(
      created,
    );
    expect(await SubscriptionQueries.findById(randomUUID(), scope())).toBeNull();
    await expect(SubscriptionQueries.getById(randomUUID(), scope())).rejects.toBeInstanceOf(NotFoundError);
    expect(await SubscriptionQueries.findByProviderSubscriptionId('sub_unknown', scope())).toBeNull();
    await expect(SubscriptionQueries.findById('nope', scope())).rejects.toBeInstanceOf(ValidationError);
    await expect(SubscriptionQueries.findByProviderSubscriptionId('  ', scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("never reads or writes another tenant's subscription", async () => {
    const created = await SubscriptionQueries.create(newSubscription(), scope());
    const other = { tenantId: (await factories.tenants.create()).id };
    expect(await SubscriptionQueries.findById(created.id, other)).toBeNull();
    expect(await SubscriptionQueries.findByProviderSubscriptionId(created.providerSubscriptionId, other)).toBeNull();
    expect((await SubscriptionQueries.list({}, other)).items).toEqual([]);
    expect(await SubscriptionQueries.activeForTenant(other.tenantId)).toBeNull();
    await expect(SubscriptionQueries.update(created.id, { plan: 'free' }, other)).rejects.toBeInstanceOf(NotFoundError);
    expect((await SubscriptionQueries.getById(created.id, scope())).plan).toBe('pro');
  });

  it('takes the tenant from withTenant, and refuses to run without one', async () => {
    const created = await withTenant(tenantId, () => SubscriptionQueries.create(newSubscription()));
    expect(await withTenant(tenantId, () => SubscriptionQueries.findById(created.id))).toEqual(created);
    await expect(SubscriptionQueries.findById(created.id)).rejects.toBeInstanceOf(MissingTenantError);
    await expect(SubscriptionQueries.list()).rejects.toBeInstanceOf(MissingTenantError);
  });

  it('update changes only the given fields, moves updated_at, maps the period check', async () => {
    const created = await SubscriptionQueries.create(
      newSubscription({ currentPeriodStart: new Date('2030-01-01T00:00:00Z') }),
      scope(),
    );
    const updated = await SubscriptionQueries.update(created.id, { status: 'past_due', quantity: 5 }, scope());
    expect(updated).toMatchObject({ status: 'past_due', quantity: 5, plan: 'pro' });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
    expect(await SubscriptionQueries.update(created.id, {}, scope())).toEqual(updated);
    await expect(
      SubscriptionQueries.update(created.id, { providerCustomerId: 'x' } as never, scope()),
    ).rejects.toBeInstanceOf(ValidationError);
    // only the end given: the database check compares it with the stored start
    const error = await SubscriptionQueries.update(
      created.id,
      { currentPeriodEnd: new Date('2029-01-01T00:00:00Z') },
      scope(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckViolationError);
    expect((error as CheckViolationError).constraint).toBe('subscriptions_period_order');
    await expect(SubscriptionQueries.update(randomUUID(), { plan: 'x' }, scope())).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('list pages newest first and filters by status', async () => {
    const created: Subscription[] = [];
    for (let i = 0; i < 5; i++) {
      created.push(
        await SubscriptionQueries.create(newSubscription({ status: i % 2 ? 'canceled' : 'active' }), scope()),
      );
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await SubscriptionQueries.list({ limit: 2, cursor }, scope());
      seen.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const expected = [...created].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : -1),
    );
    expect(seen).toEqual(expected.map((s) => s.id));
    const canceled = await SubscriptionQueries.list({ filter: { status: 'canceled' } }, scope());
    expect(canceled.items.map((s) => s.status)).toEqual(['canceled', 'canceled']);
    await expect(SubscriptionQueries.list({ filter: { status: 'gone' as never } }, scope())).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it('activeForTenant returns the newest trialing/active/past_due subscription, else null', async () => {
    expect(await SubscriptionQueries.activeForTenant(tenantId)).toBeNull();
    await SubscriptionQueries.create(newSubscription({ status: 'canceled' }), scope());
    expect(await SubscriptionQueries.activeForTenant(tenantId)).toBeNull();
    const trialing = await SubscriptionQueries.create(newSubscription({ status: 'trialing' }), scope());
    expect((await SubscriptionQueries.activeForTenant(tenantId))?.id).toBe(trialing.id);
    const pastDue = await SubscriptionQueries.create(newSubscription({ status: 'past_due' }), scope());
    expect((await SubscriptionQueries.activeForTenant(tenantId))?.id).toBe(pastDue.id);
    await SubscriptionQueries.update(pastDue.id, { status: 'unpaid' }, scope());
    expect((await SubscriptionQueries.activeForTenant(tenantId))?.id).toBe(trialing.id);
    await expect(SubscriptionQueries.activeForTenant('nope')).rejects.toBeInstanceOf(ValidationError);
  });
});
