import type { BenchCase } from '../lib/context.ts';
import { bulkInsertCase } from './bulk-insert.ts';
import { coldImportCase } from './cold-import.ts';
import { createUpdateCase } from './create-update.ts';
import { findByIdCase } from './find-by-id.ts';
import { keysetCase } from './keyset.ts';
import { listPageCase } from './list-page.ts';
import { migrateCase } from './migrate.ts';
import { relationalCase } from './relational.ts';
import { testIsolationCase } from './test-isolation.ts';
import { typecheckCase } from './typecheck.ts';

/** In run order: the latency-bound reads first, then the cases that grow the database (keyset leaves a 1,000,000-row
 * tenant behind, so it comes last of those), then the process-level ones. */
export const cases: BenchCase[] = [
  findByIdCase,
  listPageCase,
  relationalCase,
  createUpdateCase,
  testIsolationCase,
  bulkInsertCase,
  keysetCase,
  migrateCase,
  coldImportCase,
  typecheckCase,
];
