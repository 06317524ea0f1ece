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
});
