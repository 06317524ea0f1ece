import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { bundleDto } from '../../scripts/build/bundle-dto.js';
import { packageRoot } from '../../src/config/database-url.js';
import type { BenchCase } from '../lib/context.js';
import { median } from '../lib/measure.js';
import { row, type CaseResult } from '../lib/result.js';
import { run } from '../lib/spawn.js';

// `database/dto` must stay cheap and driver-free: a browser bundle of a file that imports it carries no postgres.js,
// no PGlite and no Drizzle driver adapter, and a fresh Node process imports it quickly. `database` (the root) is the
// comparison: it brings the drivers.

const entries = {
  dto: path.join(packageRoot, 'src', 'dto', 'index.ts'),
  root: path.join(packageRoot, 'src', 'index.ts'),
};
const outDir = path.join(packageRoot, 'node_modules', '.cache', 'database-bench');
const DRIVER_CODE = /(^|\/)node_modules\/(postgres|@electric-sql\/pglite)\/|drizzle-orm\/(postgres-js|pglite)\//;
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/**
 * The entry as `pnpm build` ships it: `database/dto` tree-shaken into one module (Zod external), the root as one
 * module with its dependencies left in node_modules.
 */
async function nodeModule(name: keyof typeof entries): Promise<string> {
  const outfile = path.join(outDir, `${name}.mjs`);
  if (name === 'dto') {
    await bundleDto(entries.dto, outfile);
    return outfile;
  }
  await build({
    entryPoints: [entries[name]],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  return outfile;
}

async function importMs(file: string, nodeArgs: string[] = []): Promise<number> {
  const script =
    `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); ` +
    'process.stdout.write(String(performance.now() - t));';
  const { stdout } = await run(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], { cwd: outDir });
  return Number(stdout);
}

// The source under tsx, as the package's own scripts and a monorepo app without a build import it.
const TSX = ['--import', 'tsx'];

/** Bytes of driver code in a minified browser bundle of a file importing `entry`; null if it does not bundle. */
async function driverBytes(entry: string): Promise<{ driver: number; total: number } | null> {
  try {
    const result = await build({
      stdin: {
        contents: `import * as api from ${JSON.stringify(entry)};\nconsole.log(api);\n`,
        resolveDir: packageRoot,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      external: nodeBuiltins,
      logLevel: 'silent',
    });
    let driver = 0;
    let total = 0;
    for (const output of Object.values(result.metafile.outputs)) {
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        total += bytesInOutput;
        if (DRIVER_CODE.test(input)) driver += bytesInOutput;
      }
    }
    return { driver, total };
  } catch {
    return null;
  }
}

export const coldImportCase: BenchCase = {
  name: 'cold-import',
  description: 'cold import of database/dto in a fresh Node process; driver bytes in a browser bundle',
  async run(context): Promise<CaseResult[]> {
    fs.mkdirSync(outDir, { recursive: true });
    const dtoFile = await nodeModule('dto');
    const rootFile = await nodeModule('root');
    const dto: number[] = [];
    const root: number[] = [];
    const dtoTsx: number[] = [];
    for (let i = 0; i < context.pick(7, 1); i++) {
      dto.push(await importMs(dtoFile));
      root.push(await importMs(rootFile));
      dtoTsx.push(await importMs(entries.dto, TSX));
    }
    const dtoBytes = await driverBytes(entries.dto);
    const rootBytes = await driverBytes(entries.root);
    return [
      row({
        case: 'cold import of database/dto',
        database: '-',
        ours: { label: 'database/dto', value: median(dto), unit: 'ms' },
        baseline: { label: 'database (root)', value: median(root), unit: 'ms' },
        ratio: median(dto) / median(root),
        goal: { kind: 'max', value: 100 },
        note: 'import() time in a fresh `node` process (Node start-up excluded), of each entry as `pnpm build` ships it',
      }),
      row({
        case: 'cold import of database/dto under tsx',
        database: '-',
        ours: { label: 'src/dto/index.ts with --import tsx', value: median(dtoTsx), unit: 'ms' },
        baseline: null,
        ratio: null,
        goal: { kind: 'report' },
      }),
      row({
        case: 'driver code in a browser bundle',
        database: '-',
        ours: { label: 'importing database/dto', value: dtoBytes?.driver ?? Number.NaN, unit: 'bytes' },
        baseline: rootBytes ? { label: 'importing database', value: rootBytes.driver, unit: 'bytes' } : null,
        ratio: null,
        goal: { kind: 'max', value: 0 },
        note:
          `minified esbuild browser bundle: ${dtoBytes?.total.toLocaleString('en-US') ?? '?'} B in all for database/dto` +
          (rootBytes ? `, ${rootBytes.total.toLocaleString('en-US')} B for the root` : ', the root does not bundle'),
      }),
    ];
  },
};
