import { describeTenantWalls } from '../support/tenant-walls.js';

// The tenant-wall property as a quick guard inside `pnpm test`: 5 random sequences (a new seed each run; fast-check
// prints it on a failure). `pnpm test:properties` runs 100 (test/properties/tenant-walls.test.ts).

describeTenantWalls(5);
