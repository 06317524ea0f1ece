import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { findTables } from '../../scripts/structure/rules.js';
import { packageRoot } from '../../src/config/database-url.js';
import { createInsertSchema } from '../../src/dto/_zod.js';
import * as dto from '../../src/dto/index.js';
import { TenantMemberQueries } from '../../src/queries/tenant/tenant-member.js';
import * as schema from '../../src/schema/index.js';
import { factories, seedFactories } from '../../src/testing/factories/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type FactoryName = keyof typeof factories;

/**
 * Each table's refined Insert schema from database/dto, by export name: `pnpm db:remove` takes a domain's DTOs and
 * factories, and a name whose factory is gone is not looked up. A table added later (e.g. by `pnpm db:new`) without
 * an entry here is checked against drizzle-zod's plain insert schema of its table instead.
 */
const INSERT_SCHEMAS: Partial<Record<string, string>> = {
  user: 'InsertUserSchema',
  session: 'InsertSessionSchema',
  account: 'InsertAccountSchema',
  verification: 'InsertVerificationSchema',
  jwks: 'InsertJwkSchema',
  tenants: 'InsertTenantSchema',
  tenantMembers: 'InsertTenantMemberSchema',
  tenantInvites: 'InsertTenantInviteSchema',
  tenantActivity: 'InsertTenantActivitySchema',
  todos: 'InsertTodoSchema',
  waitlist: 'InsertWaitlistSchema',
  userActivityDaily: 'InsertUserActivityDailySchema',
  notifications: 'InsertNotificationSchema',
  notificationTargets: 'InsertNotificationTargetSchema',
  notificationPreferences: 'InsertNotificationPreferenceSchema',
  notificationDeliveries: 'InsertNotificationDeliverySchema',
  subscriptions: 'InsertSubscriptionSchema',
  subscriptionEvents: 'InsertSubscriptionEventSchema',
  adminRoles: 'InsertAdminRoleSchema',
  adminUsers: 'InsertAdminUserSchema',
  adminAuditLog: 'InsertAdminAuditEntrySchema',
  systemSettings: 'InsertSystemSettingSchema',
  domainEvents: 'InsertDomainEventSchema',
};
const dtoExports = dto as unknown as Record<string, z.ZodType | undefined>;

const names = Object.keys(factories) as FactoryName[];
const BUILDS_PER_FACTORY = 25;

describe('factories', () => {
  it('are keyed by the export names of tables in the schema', () => {
    for (const key of Object.keys(factories)) expect(schema).toHaveProperty(key);
  });

  it('cover every table the schema exports except @internal-table ones', () => {
    const internal = new Set(findTables(packageRoot).flatMap((table) => (table.internal ? [table.name] : [])));
    const tables = Object.entries(schema).flatMap(([name, value]) => (is(value, PgTable) ? [name] : []));
    const expected = tables.filter((name) => !internal.has(name)).sort();
    expect(internal).toEqual(new Set(['domainEventSequences', 'tenantFences']));
    expect(Object.keys(factories).sort()).toEqual(expected);
  });

  it('the Insert schema named for each factory is exported by database/dto (a misspelt name would fall back)', () => {
    const missing = names.filter((name) => INSERT_SCHEMAS[name] && !dtoExports[INSERT_SCHEMAS[name]]);
    expect(missing).toEqual([]);
  });

  it.each(names)(`%s: ${BUILDS_PER_FACTORY} build() outputs pass the table's Insert schema`, (name) => {
    const built = factories[name].buildMany(BUILDS_PER_FACTORY);
    const named = INSERT_SCHEMAS[name];
    const insertSchema = (named && dtoExports[named]) || createInsertSchema(schema[name] as PgTable);
    const failures = built
      .map((input) => insertSchema.safeParse(input))
      .flatMap((result) => (result.success ? [] : [result.error.issues]));
    expect(failures).toEqual([]);
  });

  it('replay the same values for the same seed', () => {
    seedFactories(42);
    const first = [factories.user.build(), factories.tenantInvites.build()];
    seedFactories(42);
    expect([factories.user.build(), factories.tenantInvites.build()]).toEqual(first);
    seedFactories(43);
    expect(factories.user.build()).not.toEqual(first[0]);
  });

  it('build real UUIDs and unique emails and slugs across calls', () => {
    const invites = factories.tenantInvites.buildMany(20);
    for (const invite of invites) expect(invite.tenantId).toMatch(UUID);
    expect(new Set(factories.user.buildMany(50).map((u) => u.email)).size).toBe(50);
    expect(new Set(factories.tenants.buildMany(50).map((t) => t.slug)).size).toBe(50);
    expect(new Set(factories.systemSettings.buildMany(50).map((s) => s.key)).size).toBe(50);
    expect(new Set(factories.tenantInvites.buildMany(50).map((i) => i.email)).size).toBe(50);
  });

  it.each(names)('%s: create() inserts 2 distinct valid rows with their parents', async (name) => {
    const factory = factories[name] as { create(): Promise<Record<string, unknown>> };
    const rows = [await factory.create(), await factory.create()];
    expect(rows[0]).not.toEqual(rows[1]);
  });

  it('uses the parents it is given', async () => {
    const tenant = await factories.tenants.create();
    const owner = await factories.user.create();
    const invite = await factories.tenantInvites.create({
      tenantId: tenant.id,
      invitedByUserId: owner.id,
      email: 'given@example.com',
    });
    expect(invite).toMatchObject({ tenantId: tenant.id, invitedByUserId: owner.id, email: 'given@example.com' });
  });

  it('a domain event gets sequence number 1, then 2, for one aggregate (2 writes through the outbox)', async () => {
    const first = await factories.domainEvents.create({ aggregateType: 'todo', aggregateId: 'todo-1' });
    const second = await factories.domainEvents.create({ aggregateType: 'todo', aggregateId: 'todo-1' });
    expect([first.sequenceNumber, second.sequenceNumber]).toEqual([1, 2]);
  });

  it('a member made with its own tenant can be removed: the tenant keeps another owner', async () => {
    const member = await factories.tenantMembers.create({ role: 'owner' });
    await expect(TenantMemberQueries.remove(member.userId, { tenantId: member.tenantId })).resolves.toMatchObject({
      userId: member.userId,
    });
  });
});
