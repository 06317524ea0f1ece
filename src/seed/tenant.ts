import { TenantActivityQueries } from '../queries/tenant/tenant-activity.js';
import { TenantInviteQueries } from '../queries/tenant/tenant-invite.js';
import { TenantMemberQueries } from '../queries/tenant/tenant-member.js';
import { TenantQueries } from '../queries/tenant/tenant.js';
import type { SeededUsers } from './auth.js';
import { written, type SeededTenant, type TableCounts } from './context.js';
import { DEMO_TENANTS, emailOf, type DemoPerson } from './demo-data.js';

/**
 * The three tenants with their owner, admins and members; per tenant two pending invites, one revoked and one
 * accepted (its invitee becomes a member); Acme's owner also belongs to Globex. Each step is in the activity feed.
 */
export async function seedTenants(users: SeededUsers): Promise<{ tenants: SeededTenant[]; counts: TableCounts }> {
  const user = (email: string) => users.byEmail.get(email)!;
  const counts: TableCounts = { tenants: 0, tenant_members: 0, tenant_invites: 0, tenant_activity: 0 };
  const log = async (tenantId: string, actorUserId: string, action: string, subjectType: string, subjectId: string) => {
    written(await TenantActivityQueries.log({ tenantId, actorUserId, action, subjectType, subjectId }), action);
    counts.tenant_activity!++;
  };

  const tenants: SeededTenant[] = [];
  for (const spec of DEMO_TENANTS) {
    const email = (person: DemoPerson) => emailOf(person, spec.slug);
    const owner = user(email(spec.owner));
    const { tenant } = await TenantQueries.createWithOwner(
      { name: spec.name, slug: spec.slug, customAttributes: { plan: spec.plan, demo: true } },
      owner.id,
    );
    const scope = { tenantId: tenant.id };
    counts.tenants!++;
    counts.tenant_members!++;
    await log(tenant.id, owner.id, 'tenant.created', 'tenant', tenant.id);

    const admins = spec.admins.map((person) => user(email(person)));
    const members = spec.members.map((person) => user(email(person)));
    for (const [role, people] of [
      ['admin', admins],
      ['member', members],
    ] as const) {
      for (const person of people) {
        await TenantMemberQueries.add(person.id, role, scope);
        counts.tenant_members!++;
        await log(tenant.id, owner.id, 'member.added', 'user', person.id);
      }
    }

    const invite = async (address: string, role: 'admin' | 'member') => {
      const created = await TenantInviteQueries.create({ email: address, role, invitedByUserId: owner.id }, scope);
      counts.tenant_invites!++;
      await log(tenant.id, owner.id, 'member.invited', 'invite', created.invite.id);
      return created;
    };
    await invite(`new.hire@${spec.slug}.example.com`, 'member');
    await invite(`contractor@${spec.slug}.example.com`, 'admin');
    const revoked = await invite(`wrong.address@${spec.slug}.example.com`, 'member');
    await TenantInviteQueries.revoke(revoked.invite.id, scope);
    await log(tenant.id, owner.id, 'invite.revoked', 'invite', revoked.invite.id);
    const invitee = user(email(spec.invitee));
    const accepted = await invite(invitee.email, 'member');
    await TenantInviteQueries.accept(accepted.token, invitee.id);
    counts.tenant_members!++;
    await log(tenant.id, invitee.id, 'invite.accepted', 'invite', accepted.invite.id);

    tenants.push({
      spec,
      tenant,
      owner,
      admins,
      members,
      everyone: [owner, ...admins, ...members, invitee],
      todos: [],
    });
  }

  // Someone in two tenants, so the tenant switcher has something to show.
  const [acme, globex] = tenants;
  await TenantMemberQueries.add(acme!.owner.id, 'member', { tenantId: globex!.tenant.id });
  counts.tenant_members!++;
  await log(globex!.tenant.id, globex!.owner.id, 'member.added', 'user', acme!.owner.id);

  return { tenants, counts };
}
