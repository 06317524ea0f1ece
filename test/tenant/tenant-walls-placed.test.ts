// needs-domain: features notifications subscriptions
import { describeTenantWalls } from '../support/tenant-walls.js';

// The tenant-wall property with tenants placed on databases of their own (two sharing one, one alone, one shared) as a
// quick guard inside `pnpm test`: 3 random sequences. `pnpm test:properties` runs more
// (test/properties/tenant-walls-placed.test.ts).

describeTenantWalls(3, { placed: true });
