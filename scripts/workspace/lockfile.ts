// The example monorepo installs with `pnpm install --offline --frozen-lockfile`: resolving anything would need the
// registry's metadata, which a CI runner's restored pnpm store does not hold. So its lockfile is derived from this
// repository's: the root importer becomes `packages/database`, and each app reuses the exact resolved versions (so
// an app may depend only on what this repository's root also depends on, at the same specifier).

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface ImporterEntry {
  lines: string[];
  specifier: string;
}

/** The lockfile of a workspace holding this package at `packages/database` and each app at its key (`apps/api`). */
export function workspaceLockfile(repoLockfile: string, apps: Record<string, Manifest>): string {
  const lines = repoLockfile.split('\n');
  const start = lines.indexOf('  .:');
  const end = lines.indexOf('packages:');
  if (start < 0 || end < start) throw new Error('pnpm-lock.yaml: no root importer (`  .:`) before `packages:`');
  const rootImporter = lines.slice(start + 1, end);
  const entries = importerEntries(rootImporter);

  const appLines = Object.keys(apps)
    .sort()
    .flatMap((dir) => [...importerLines(dir, apps[dir]!, entries), '']);
  return [
    ...lines.slice(0, start),
    '  .: {}',
    '',
    ...appLines,
    '  packages/database:',
    ...rootImporter,
    ...lines.slice(end),
  ].join('\n');
}

function importerLines(dir: string, app: Manifest, entries: Map<string, ImporterEntry>): string[] {
  const appLines = [`  ${dir}:`];
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
      if (!entry) throw new Error(`${dir} depends on ${name}, which this repository's lockfile does not hold`);
      if (entry.specifier !== specifier)
        throw new Error(`${dir} wants ${name}@${specifier}; this repository pins ${entry.specifier}: align them`);
      appLines.push(...entry.lines);
    }
  }
  return appLines;
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
