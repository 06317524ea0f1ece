import type { BenchCase } from '../lib/context.ts';
import { createUpdateCase } from './create-update.ts';
import { findByIdCase } from './find-by-id.ts';
import { listPageCase } from './list-page.ts';

/** In run order: the cheap latency-bound reads first, the cases that grow the database last. */
export const cases: BenchCase[] = [findByIdCase, listPageCase, createUpdateCase];
