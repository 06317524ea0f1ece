// The example monorepo installs with `pnpm install --offline --frozen-lockfile`: resolving anything would need the
// registry's metadata, which a CI runner's restored pnpm store does not hold. So its lockfile is derived from this
// repository's: the root importer becomes `packages/database`, and `apps/api` reuses the exact resolved versions.

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface ImporterEntry {
  lines: string[];
  specifier: string;
}

/** The lockfile of a workspace holding this package at `packages/database` and `app` at `apps/api`. */
export function workspaceLockfile(repoLockfile: string, app: Manifest): string {
  const lines = repoLockfile.split('\n');
  const start = lines.indexOf('  .:');
  const end = lines.indexOf('packages:');
  if (start < 0 || end < start) throw new Error('pnpm-lock.yaml: no root importer (`  .:`) before `packages:`');
  const rootImporter = lines.slice(start + 1, end);
  const entries = importerEntries(rootImporter);

  const appLines = ['  apps/api:'];
  for (const [section, deps] of Object.entries({
    dependencies: app.dependencies,
    devDependencies: app.devDependencies,
  })) {
    if (!deps || Object.keys(deps).length === 0) continue;
    appLines.push(`    ${section}:`);
    for (const name of Object.keys(deps).sort()) {
      const specifier = deps[name]!;
      if (specifier.startsWith('workspace:')) {
        appLines.push(
          `      ${name}:`,
          `        specifier: ${specifier}`,
          `        version: link:../../packages/${name}`,
        );
        continue;
      }
      const entry = entries.get(name);
      if (!entry) throw new Error(`apps/api depends on ${name}, which this repository's lockfile does not hold`);
      if (entry.specifier !== specifier)
        throw new Error(`apps/api wants ${name}@${specifier}; this repository pins ${entry.specifier}: align them`);
      appLines.push(...entry.lines);
    }
  }
  return [
    ...lines.slice(0, start),
    '  .: {}',
    '',
    ...appLines,
    '',
    '  packages/database:',
    ...rootImporter,
    ...lines.slice(end),
  ].join('\n');
}

/** `name → its three lines` for every dependency of an importer block (pnpm lockfile v9 layout). */
function importerEntries(block: string[]): Map<string, ImporterEntry> {
  const entries = new Map<string, ImporterEntry>();
  for (let i = 0; i < block.length; i++) {
    const match = /^ {6}'?([^':]+)'?:$/.exec(block[i]!);
    if (!match) continue;
    const specifier = /^ {8}specifier: (.+)$/.exec(block[i + 1] ?? '')?.[1];
    if (specifier === undefined) throw new Error(`pnpm-lock.yaml: no specifier under ${match[1]}`);
    entries.set(match[1]!, { lines: block.slice(i, i + 3), specifier });
  }
  return entries;
}
