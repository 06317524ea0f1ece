import { inject } from 'vitest';
import { describeTenantWalls } from '../support/tenant-walls.js';

// The tenant-wall property at its full count: `pnpm test:properties` (vitest.properties.config.ts) provides 100
// sequences. `pnpm test` runs the same property with 5 (test/tenant/tenant-walls.test.ts).

declare module 'vitest' {
  export interface ProvidedContext {
    tenantWallSequences?: number;
  }
}

const sequences = inject('tenantWallSequences');
if (sequences === undefined)
  throw new Error('run this file with pnpm test:properties (it provides tenantWallSequences)');

describeTenantWalls(sequences);
