import type { BenchCase, BenchContext } from '../lib/context.js';
import { seedTenant, type BenchDatabase } from '../lib/databases.js';
import { compareThroughput } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';

// A tenant with its members and each member's user: Drizzle's relational query (one statement with lateral JSON
// aggregation) vs a hand-written join on the raw driver, grouped in JS into the same shape.

const JOIN_SQL = `select t.id, t.name, t.slug, t.custom_attributes, t.created_at, t.updated_at, t.deleted_at,
    m.user_id, m.role, m.created_at as member_created_at, m.updated_at as member_updated_at,
    u.name as user_name, u.email, u.email_verified, u.image, u.created_at as user_created_at, u.updated_at as user_updated_at
  from tenants t join tenant_members m on m.tenant_id = t.id join "user" u on u.id = m.user_id
  where t.id = $1`;

type JoinRow = Record<string, unknown>;

function groupTenant(rows: JoinRow[]) {
  const first = rows[0];
  if (!first) return null;
  return {
    id: first.id,
    name: first.name,
    slug: first.slug,
    customAttributes: first.custom_attributes,
    createdAt: first.created_at,
    updatedAt: first.updated_at,
    deletedAt: first.deleted_at,
    members: rows.map((r) => ({
      tenantId: first.id,
      userId: r.user_id,
      role: r.role,
      createdAt: r.member_created_at,
      updatedAt: r.member_updated_at,
      user: {
        id: r.user_id,
        name: r.user_name,
        email: r.email,
        emailVerified: r.email_verified,
        image: r.image,
        createdAt: r.user_created_at,
        updatedAt: r.user_updated_at,
      },
    })),
  };
}

async function measure(context: BenchContext, database: BenchDatabase): Promise<CaseResult> {
  const { tenantId } = await seedTenant(database, { todos: 0, members: 9 });
  const db = database.kind === 'postgres' ? database.prepared.db : database.handle.db;
  const prepared = db.query.tenants
    .findFirst({
      where: (t, { eq, sql }) => eq(t.id, sql.placeholder('id')),
      with: { members: { with: { user: true } } },
    })
    .prepare('bench_tenant_with_members');
  const comparison = await compareThroughput({
    rounds: context.pick(5, 1),
    opsPerRound: context.pick(150, 5),
    ours: () => prepared.execute({ id: tenantId }),
    baseline: async () =>
      groupTenant(
        database.kind === 'postgres'
          ? await database.prepared.client.unsafe(JOIN_SQL, [tenantId], { prepare: true })
          : (await database.client.query<JoinRow>(JOIN_SQL, [tenantId])).rows,
      ),
  });
  return row({
    case: 'relational read: tenant + 10 members + users',
    database: database.kind,
    ours: { label: 'db.query.tenants.findFirst (prepared)', value: comparison.ours, unit: 'ops/s' },
    baseline: { label: 'hand-written join', value: comparison.baseline, unit: 'ops/s' },
    ratio: comparison.ratio,
    goal: { kind: 'report' },
  });
}

export const relationalCase: BenchCase = {
  name: 'relational',
  description: 'tenant with members and users: relational query vs hand-written join',
  async run(context) {
    return [
      ...(context.postgres ? [await measure(context, context.postgres)] : []),
      await measure(context, context.pglite),
    ];
  },
};
