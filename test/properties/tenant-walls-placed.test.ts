// needs-domain: features notifications subscriptions
import { describeTenantWalls } from '../support/tenant-walls.js';

// The tenant-wall property with placed tenants at its full count (`pnpm test:properties`). Each placed sequence
// seeds and places a world of its own, so it runs fewer than the shared variant's 100.

describeTenantWalls(30, { placed: true });
