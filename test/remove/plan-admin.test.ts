// needs-domain: admin
import { describe, expect, it } from 'vitest';
import { planRemoval } from '../../scripts/remove/plan.js';
import { packageRoot } from '../../src/config/database-url.js';

// The plan for the template's `admin` domain (the marker above makes `pnpm db:remove admin` take this file).

describe('planRemoval of admin', () => {
  it('the prune registry of system loses the audit-log entry, and keeps its own', () => {
    const plan = planRemoval(packageRoot, 'admin');
    const prune = plan.changes.find((change) => change.file === 'src/queries/system/prune.ts')!.after!;
    expect(prune).not.toContain('AdminAuditLogQueries');
    expect(prune).toContain('TenantActivityQueries.pruneOlderThan');
    expect(plan.changes.find((change) => change.file === 'test/remove/plan-admin.test.ts')?.after).toBeNull();
  });

  it('one table: admin_audit_log and its own seed step go, the roles and staff steps stay', () => {
    const plan = planRemoval(packageRoot, 'admin', 'admin_audit_log');
    const deleted = plan.changes.filter((change) => change.after === null).map((change) => change.file);
    expect(deleted).toEqual(
      expect.arrayContaining(['src/schema/tables/admin/admin-audit-log.ts', 'src/seed/admin/admin-audit-log.ts']),
    );
    expect(deleted).not.toContain('src/seed/admin/admin-user.ts');
    const step = plan.changes.find((change) => change.file === 'src/seed/admin.ts')!.after!;
    expect(step).not.toContain('seedAdminAuditLog');
    expect(step).toContain('const staff = await seedAdminUsers(users, roles);');
  });
});
