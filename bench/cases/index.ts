import type { BenchCase } from '../lib/context.js';
import { bulkInsertCase } from './bulk-insert.js';
import { coldImportCase } from './cold-import.js';
import { concurrencyCase } from './concurrency.js';
import { createUpdateCase } from './create-update.js';
import { findByIdCase } from './find-by-id.js';
import { hotPathsCase } from './hot-paths.js';
import { keysetCase } from './keyset.js';
import { keysetScalingCase } from './keyset-scaling.js';
import { listPageCase } from './list-page.js';
import { migrateCase } from './migrate.js';
import { relationalCase } from './relational.js';
import { tenantClientsCase } from './tenant-clients.js';
import { testIsolationCase } from './test-isolation.js';
import { typecheckCase } from './typecheck.js';

/** In run order: the latency-bound reads first, then the cases that grow the database (keyset leaves a 1,000,000-row
 * tenant behind, so it comes last of those), then the process-level ones. */
export const cases: BenchCase[] = [
  findByIdCase,
  listPageCase,
  hotPathsCase,
  relationalCase,
  createUpdateCase,
  concurrencyCase,
  tenantClientsCase,
  testIsolationCase,
  bulkInsertCase,
  keysetCase,
  keysetScalingCase,
  migrateCase,
  coldImportCase,
  typecheckCase,
];
