import type { PackageFile } from './copy.js';

const TEXT_FILE = /\.(?:[cm]?[jt]sx?|json|md|ya?ml)$/;

/**
 * The files with the package renamed: `name` in package.json, every import of the bare name (`from 'database'`,
 * `import('database')`), every quoted subpath of its `exports` (`'database/dto'`, `"database/testing/vitest-setup"`)
 * and `--filter database`, in code, configs and the docs' code blocks. A bare quoted `'database'` that is no import
 * (a cache folder, an application_name) and prose in backticks stay as they are.
 */
export function renamePackage(
  files: readonly PackageFile[],
  from: string,
  to: string,
): { files: PackageFile[]; changed: string[] } {
  const manifestFile = files.find((file) => file.path === 'package.json');
  if (!manifestFile) throw new Error('the package has no package.json');
  const manifest = JSON.parse(manifestFile.content.toString('utf8')) as { exports?: Record<string, unknown> };
  const subpaths = Object.keys(manifest.exports ?? {})
    .filter((key) => key !== '.')
    .map((key) => escape(key.slice(2)))
    .sort((a, b) => b.length - a.length);
  const name = escape(from);
  const patterns: [RegExp, string][] = [
    [new RegExp(`((?:\\bfrom|\\bimport|\\brequire\\s*\\(|\\bimport\\s*\\()\\s*)(['"])${name}\\2`, 'g'), `$1$2${to}$2`],
    [new RegExp(`(['"])${name}/(${subpaths.join('|')})\\1`, 'g'), `$1${to}/$2$1`],
    [new RegExp(`--filter ${name}(?=[\\s'"])`, 'g'), `--filter ${to}`],
    [new RegExp(`^(\\s*"name":\\s*)"${name}"`, 'm'), `$1"${to}"`],
  ];
  const changed: string[] = [];
  const renamed = files.map((file) => {
    if (!TEXT_FILE.test(file.path)) return file;
    const before = file.content.toString('utf8');
    const rules = file.path === 'package.json' ? patterns : patterns.slice(0, 3);
    const after = rules.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), before);
    if (after === before) return file;
    changed.push(file.path);
    return { path: file.path, content: Buffer.from(after, 'utf8') };
  });
  return { files: renamed, changed };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
