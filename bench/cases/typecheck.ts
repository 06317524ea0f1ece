import path from 'node:path';
import { packageRoot } from '../../src/config/database-url.js';
import type { BenchCase } from '../lib/context.js';
import { median } from '../lib/measure.js';
import { row } from '../lib/result.js';
import { run } from '../lib/spawn.js';

// Wall time of `pnpm typecheck` (tsc of TypeScript 7 over src, scripts, test, bench), without pnpm's own start-up.

export const typecheckCase: BenchCase = {
  name: 'typecheck',
  description: 'wall time of pnpm typecheck with every table',
  async run(context) {
    const tsc = path.join(packageRoot, 'node_modules', 'typescript7', 'bin', 'tsc');
    const times: number[] = [];
    for (let i = 0; i < context.pick(3, 1); i++) {
      times.push((await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: packageRoot })).ms);
    }
    return [
      row({
        case: 'pnpm typecheck wall time',
        database: '-',
        ours: { label: `tsc -p tsconfig.json (median of ${times.length})`, value: median(times), unit: 'ms' },
        baseline: null,
        ratio: null,
        goal: { kind: 'max', value: 3_000 },
      }),
    ];
  },
};
