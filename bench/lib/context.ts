import type { BenchPglite, BenchPostgres } from './databases.js';
import type { CaseResult } from './result.js';

export interface BenchContext {
  /** Tiny iteration counts: proves the code runs, measures nothing. */
  smoke: boolean;
  serverUrl: string;
  /** null when no server answered at `serverUrl` (its rows are skipped). */
  postgres: BenchPostgres | null;
  pglite: BenchPglite;
  /** One line per measured row, while the run goes on. */
  progress(line: string): void;
  /** `full` in a real run, `smoke` with --smoke. */
  pick<T>(full: T, smoke: T): T;
}

export interface BenchCase {
  name: string;
  description: string;
  run(context: BenchContext): Promise<CaseResult[]>;
}
