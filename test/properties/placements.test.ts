// needs-domain: features
import { describeMixedPlacements } from '../support/mixed-placements.js';

// The mixed-placement property at its full figures (`pnpm test:properties`, with its fixed seed): tenants placed at
// random on the shared database, two PGlite directories and, on a server run, two server databases.
// `pnpm test` runs a few short sequences (test/tenancy/placements.test.ts).

describeMixedPlacements({ runs: 50, steps: 40 });
