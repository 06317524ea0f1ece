import { describe, expect, it } from 'vitest';
import { planRemoval, RemoveError } from '../../scripts/remove/plan.js';
import { packageRoot } from '../../src/config/database-url.js';

// Plans on this repository itself: planning reads, never writes. Only the domains no removal can take (tenant,
// auth, system: the tests of generic machinery run on their tables) are named here, so this file holds after any
// `pnpm db:remove`; the plans of the example domains are in plan-<domain>.test.ts, which go with their domain.

/** The RemoveError's message: each plan reads the whole package, so it is made once per assertion group. */
function refusal(domain: string): string {
  try {
    planRemoval(packageRoot, domain);
  } catch (error) {
    expect(error).toBeInstanceOf(RemoveError);
    return (error as Error).message;
  }
  throw new Error(`planRemoval(${domain}) did not refuse`);
}

describe('planRemoval', () => {
  it('refuses auth, naming the code of other domains that uses it', () => {
    const message = refusal('auth');
    expect(message).toMatch(/^cannot remove domain `auth`: .*tenant, .*still use it/);
    expect(message).toMatch(/src\/schema\/tables\/tenant\/tenant-member\.ts uses user/);
  });

  it('refuses tenant and system too: the package itself is built on them', () => {
    const tenant = refusal('tenant');
    expect(tenant).toMatch(/^cannot remove domain `tenant`: .*still use it/);
    expect(tenant).toMatch(/src\/schema\/_tenant\.ts uses tenants/);
    const system = refusal('system');
    expect(system).toMatch(/^cannot remove domain `system`: .*still use it/);
    expect(system).toMatch(/scripts\/prune\.ts uses pruneAll/);
  });

  it.each([
    [['billing'], /no domain `billing`/],
    [['tenant', 'invoices'], /has no table `invoices`: its tables are/],
    [['Tenant'], /must match/],
    [[undefined], /missing domain name/],
  ] as const)('bad input %j: one RemoveError', (args, message) => {
    expect(() => planRemoval(packageRoot, args[0], args[1])).toThrow(message);
  });
});
