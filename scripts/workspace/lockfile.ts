import { parseDocument } from 'yaml';

// The example monorepo installs with `pnpm install --offline --frozen-lockfile`: resolving anything would need the
// registry's metadata, which a CI runner's restored pnpm store does not hold. So its lockfile is derived from this
// repository's: the root importer becomes `packages/database`, and each app reuses the exact resolved versions (so
// an app may depend only on what this repository's root also depends on, at the same specifier).

interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

interface Resolved {
  specifier: string;
  version: string;
}

type Importer = Partial<Record<'dependencies' | 'devDependencies' | 'optionalDependencies', Record<string, Resolved>>>;

/** The lockfile of a workspace holding this package at `packages/database` and each app at its key (`apps/api`). */
export function workspaceLockfile(repoLockfile: string, apps: Record<string, Manifest>): string {
  const document = parseDocument(repoLockfile, { uniqueKeys: true });
  const root = (document.toJS() as { importers?: Record<string, Importer> }).importers?.['.'];
  if (!root) throw new Error('pnpm-lock.yaml: no root importer (`.`)');
  const resolved = new Map(
    Object.values(root).flatMap((section) => Object.entries(section ?? {})) as [string, Resolved][],
  );
  const importers: Record<string, Importer> = { '.': {} };
  for (const dir of Object.keys(apps).sort()) importers[dir] = appImporter(dir, apps[dir]!, resolved);
  importers['packages/database'] = root;
  document.set('importers', document.createNode(importers));
  return document.toString({ lineWidth: 0 });
}

function appImporter(dir: string, app: Manifest, resolved: Map<string, Resolved>): Importer {
  const importer: Importer = {};
  for (const section of ['dependencies', 'devDependencies'] as const) {
    const deps = app[section];
    if (!deps || Object.keys(deps).length === 0) continue;
    importer[section] = Object.fromEntries(
      Object.keys(deps)
        .sort()
        .map((name) => [name, resolvedFor(dir, name, deps[name]!, resolved)]),
    );
  }
  return importer;
}

function resolvedFor(dir: string, name: string, specifier: string, resolved: Map<string, Resolved>): Resolved {
  if (specifier.startsWith('workspace:')) return { specifier, version: `link:../../packages/${name}` };
  const entry = resolved.get(name);
  if (!entry) throw new Error(`${dir} depends on ${name}, which this repository's lockfile does not hold`);
  if (entry.specifier !== specifier)
    throw new Error(`${dir} wants ${name}@${specifier}; this repository pins ${entry.specifier}: align them`);
  return entry;
}
