import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../src/config/database-url.js';
import type { BenchCase } from '../lib/context.js';
import { median } from '../lib/measure.js';
import { row } from '../lib/result.js';
import { run } from '../lib/spawn.js';

// Wall time of the `typecheck` script as package.json has it (tsc of TypeScript 7 over src, scripts, test, bench,
// incremental), without pnpm's own start-up: cold (no build info) and after a one-file edit.

const EDITED = path.join(packageRoot, 'bench', 'lib', 'todo-sql.ts');

function typecheckCommand(): { args: string[]; buildInfo: string | null } {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [command, ...args] = manifest.scripts['typecheck']!.split(/\s+/);
  if (command !== 'node') throw new Error(`the typecheck script must start with node, found ${command}`);
  const flag = args.indexOf('--tsBuildInfoFile');
  return { args, buildInfo: flag === -1 ? null : path.resolve(packageRoot, args[flag + 1]!) };
}

async function timed(args: string[]): Promise<number> {
  return (await run(process.execPath, args, { cwd: packageRoot })).ms;
}

export const typecheckCase: BenchCase = {
  name: 'typecheck',
  description: 'wall time of pnpm typecheck, cold and after a one-file edit',
  async run(context) {
    const { args, buildInfo } = typecheckCommand();
    const cold: number[] = [];
    const bodyEdit: number[] = [];
    const exportEdit: number[] = [];
    const original = fs.readFileSync(EDITED, 'utf8');
    const edit = async (text: string, times: number[]) => {
      fs.writeFileSync(EDITED, `${original}\n${text}\n`);
      times.push(await timed(args));
      fs.writeFileSync(EDITED, original);
      await timed(args);
    };
    try {
      for (let i = 0; i < context.pick(3, 1); i++) {
        if (buildInfo) fs.rmSync(buildInfo, { force: true });
        cold.push(await timed(args));
        // A body edit leaves the file's exported types as they were; an added export makes its importers recheck.
        await edit(`void (() => ${i})();`, bodyEdit);
        await edit(`export const benchEdit${i} = ${i};`, exportEdit);
      }
    } finally {
      fs.writeFileSync(EDITED, original);
    }
    const label = `tsc ${args.slice(1).join(' ')}`;
    return [
      row({
        case: 'pnpm typecheck wall time, cold',
        database: '-',
        ours: { label: `${label} (median of ${cold.length})`, value: median(cold), unit: 'ms' },
        baseline: null,
        ratio: null,
        goal: { kind: 'max', value: 3_000 },
      }),
      row({
        case: 'pnpm typecheck after a one-file edit',
        database: '-',
        ours: {
          label: `a statement added to bench/lib/todo-sql.ts (median of ${bodyEdit.length})`,
          value: median(bodyEdit),
          unit: 'ms',
        },
        baseline: null,
        ratio: null,
        goal: { kind: 'max', value: 1_000 },
      }),
      row({
        case: 'pnpm typecheck after an export is added',
        database: '-',
        ours: {
          label: `an export added to bench/lib/todo-sql.ts (median of ${exportEdit.length})`,
          value: median(exportEdit),
          unit: 'ms',
        },
        baseline: null,
        ratio: null,
        goal: { kind: 'report' },
      }),
    ];
  },
};
