// needs-domain: features
import { describeMixedPlacements } from '../support/mixed-placements.js';

// The mixed-placement property as a quick guard inside `pnpm test`: a few short sequences (a new seed each run;
// fast-check prints it on a failure). `pnpm test:properties` runs more and longer (test/properties/placements.test.ts).

describeMixedPlacements({ runs: 3, steps: 15, pgliteDatabases: 2, serverDatabases: 1 });
