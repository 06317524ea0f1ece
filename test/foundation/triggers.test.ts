import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createdTriggers, findTables } from '../../scripts/structure/rules.js';
import { db } from '../../src/client/db.js';
import { withTransaction } from '../../src/client/executor.js';
import { packageRoot } from '../../src/config/database-url.js';
import { factories } from '../../src/testing/index.js';
import { rejection } from '../support/db-rejection.js';

// Every trigger of the migrated database is load-bearing: its rule holds, and once the trigger is dropped (in a
// savepoint rolled back at once) the same rule fails. A trigger whose rule still held without it would be tested by
// nothing; a trigger with no rule here fails the first test. pgtap/*.sql covers the finer cases of each rule.

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

type Rule = () => Promise<void>;

/** `<table>_set_updated_at`: a raw UPDATE that writes a stale updated_at still leaves the clock's time. */
function updatedAtRule(table: string): Rule {
  const exportName = findTables(packageRoot).find((t) => t.sqlName === table)?.name;
  const factory = (factories as Record<string, { create(): Promise<unknown> } | undefined>)[exportName ?? ''];
  return async () => {
    if (!factory) throw new Error(`no factory for table ${table} (export ${exportName})`);
    await factory.create();
    await db.execute(sql`update ${sql.identifier(table)} set updated_at = '2000-01-01'`);
    const [row] = await rows<{ kept: boolean }>(
      sql`select bool_and(updated_at > '2001-01-01') as kept from ${sql.identifier(table)}`,
    );
    expect(row?.kept, `${table}: updated_at after a raw UPDATE that wrote 2000-01-01`).toBe(true);
  };
}

const rules: Record<string, Rule> = {
  async tenant_members_keep_last_owner() {
    const tenant = await factories.tenants.create();
    const owner = await factories.user.create();
    await factories.tenantMembers.create({ tenantId: tenant.id, userId: owner.id, role: 'owner' });
    expect(await rejection((tx) => tx.execute(sql`delete from tenant_members where tenant_id = ${tenant.id}`))).toMatch(
      /last owner/,
    );
  },
  async notification_deliveries_status_forward() {
    const delivery = await factories.notificationDeliveries.create({ status: 'pending' });
    expect(
      await rejection((tx) =>
        tx.execute(sql`update notification_deliveries set status = 'sent', sent_at = now() where id = ${delivery.id}`),
      ),
    ).toMatch(/^notification_deliveries_status_forward /);
  },
  async domain_events_assign_sequence() {
    const aggregate = crypto.randomUUID();
    for (const event of ['created', 'paid'])
      await db.execute(sql`insert into domain_events (aggregate_type, aggregate_id, event_type, sequence_number)
        values ('order', ${aggregate}, ${event}, 99)`);
    const numbers = await rows<{ n: string }>(
      sql`select sequence_number::text as n from domain_events where aggregate_id = ${aggregate} order by sequence_number`,
    );
    expect(numbers.map((row) => row.n)).toEqual(['1', '2']);
  },
  async domain_events_keep_identity() {
    const event = await factories.domainEvents.create();
    expect(
      await rejection((tx) => tx.execute(sql`update domain_events set aggregate_id = 'moved' where id = ${event.id}`)),
    ).toMatch(/./);
  },
};

const ruleOf = (trigger: { name: string; table: string }): Rule | undefined =>
  trigger.name === `${trigger.table}_set_updated_at` ? updatedAtRule(trigger.table) : rules[trigger.name];

class RollBack extends Error {}

/** Runs `rule` with `trigger` dropped, in a savepoint rolled back afterwards; returns what the rule threw. */
async function withoutTrigger(trigger: { name: string; table: string }, rule: Rule): Promise<unknown> {
  let failure: unknown;
  await withTransaction(async () => {
    await db.execute(sql`drop trigger ${sql.identifier(trigger.name)} on ${sql.identifier(trigger.table)}`);
    await rule().catch((error: unknown) => {
      failure = error ?? new Error('rejected with nothing');
    });
    throw new RollBack();
  }).catch((error: unknown) => {
    if (!(error instanceof RollBack)) throw error;
  });
  return failure;
}

const triggers = () =>
  rows<{ name: string; table: string }>(sql`
    select t.tgname as name, c.relname as table from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and not t.tgisinternal order by c.relname, t.tgname`);

describe('triggers of the migrated database', () => {
  it('each has a rule here (the generic updated_at one, or its own)', async () => {
    const all = await triggers();
    // At least every trigger the migrations create on a table the schema still has (not a fixed count: `pnpm
    // db:remove` takes tables away).
    const tables = new Set(findTables(packageRoot).map((table) => table.sqlName));
    expect(all.length).toBeGreaterThanOrEqual(createdTriggers(packageRoot).filter((t) => tables.has(t.table)).length);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((trigger) => !ruleOf(trigger)).map((trigger) => trigger.name)).toEqual([]);
  });

  it('each rule holds, and fails once its trigger is dropped', async () => {
    const all = await triggers();
    for (const trigger of all) {
      const rule = ruleOf(trigger)!;
      await rule();
      expect(await withoutTrigger(trigger, rule), `${trigger.name} dropped: its rule must fail`).toBeDefined();
    }
    // The drops were rolled back: every trigger is still there.
    expect(await triggers()).toEqual(all);
  });
});
