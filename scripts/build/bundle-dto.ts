import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

// `database/dto` imports the table definitions for drizzle-zod, and Node has no tree shaking: importing
// drizzle-orm's `pg-core` barrel evaluates every query builder, dialect and session class, ~4/5 of a cold import.
// One tree-shaken module keeps only what the tables and drizzle-zod use. Zod stays external: the consumer's schemas
// and ours must share one Zod.
export async function bundleDto(entry: string, outfile: string): Promise<void> {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    external: ['zod'],
    sourcemap: true,
    allowOverwrite: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [entry, outfile] = process.argv.slice(2);
  if (!entry || !outfile) throw new Error('usage: tsx scripts/build/bundle-dto.ts <entry.js> <outfile.js>');
  await bundleDto(entry, outfile);
}
