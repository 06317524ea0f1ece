import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AdoptError } from '../../scripts/adopt/error.js';
import { mergeWorkspace } from '../../scripts/adopt/merge-workspace.js';

// The YAML half of `pnpm adopt`, on the package's real settings shape: what it adds, and that every byte of the
// monorepo's file it does not extend stays as it was.

const ours = `# pnpm settings for this package.

allowBuilds:
  esbuild: true
pmOnFail: ignore
# The driver fixes: see patches/README.md.
patchedDependencies:
  '@electric-sql/pglite@0.5.17': patches/@electric-sql__pglite@0.5.17.patch
  postgres@3.4.9: patches/postgres@3.4.9.patch
`;

const theirs = `# Acme's workspace.
packages:
  - apps/*      # the apps
  - 'tools/*'

# One React for every app.
catalog:
  react: ^19.0.0
catalogs:
  legacy:
    react: ^18.2.0

onlyBuiltDependencies: [sharp]
nodeLinker: isolated   # keep it strict
patchedDependencies:
  lodash@4.17.21: patches/lodash@4.17.21.patch
allowBuilds:
  sharp: true   # image thumbnails
# the end
`;

const noGlobMatches = () => false;

describe('mergeWorkspace', () => {
  it('inserts the new entries after the nodes they extend and leaves every other line byte for byte', () => {
    const { text, changes } = mergeWorkspace(theirs, ours, 'packages/db', noGlobMatches);
    const inserted = (after: string, lines: string) => (text: string) => text.replace(after, `${after}${lines}`);
    const expected = [
      inserted("  - 'tools/*'\n", '  - packages/db\n'),
      inserted(
        '  lodash@4.17.21: patches/lodash@4.17.21.patch\n',
        '  "@electric-sql/pglite@0.5.17": packages/db/patches/@electric-sql__pglite@0.5.17.patch\n' +
          '  postgres@3.4.9: packages/db/patches/postgres@3.4.9.patch\n',
      ),
      inserted('  sharp: true   # image thumbnails\n', '  esbuild: true\n'),
      inserted('# the end\n', 'pmOnFail: ignore\n'),
    ].reduce((text, insert) => insert(text), theirs);
    expect(text).toBe(expected);
    expect(changes).toEqual([
      'add allowBuilds: esbuild',
      'add pmOnFail: "ignore"',
      'add patchedDependencies: @electric-sql/pglite@0.5.17, postgres@3.4.9',
      'add packages: packages/db (no glob of the workspace matched it)',
    ]);
  });

  it('adds the missing top-level settings with their comments, paths rewritten, and no packages entry a glob covers', () => {
    const { text } = mergeWorkspace('packages:\n  - packages/*\n', ours, 'packages/database', () => true);
    expect(text).toBe(`packages:
  - packages/*
allowBuilds:
  esbuild: true
pmOnFail: ignore
# The driver fixes: see packages/database/patches/README.md.
patchedDependencies:
  "@electric-sql/pglite@0.5.17": packages/database/patches/@electric-sql__pglite@0.5.17.patch
  postgres@3.4.9: packages/database/patches/postgres@3.4.9.patch
`);
  });

  it('keeps a setting the monorepo already has, with its value, and says so', () => {
    const { text, changes } = mergeWorkspace(
      'pmOnFail: error\nallowBuilds:\n  esbuild: false\n',
      ours,
      'db',
      () => true,
    );
    expect(parse(text)).toMatchObject({ pmOnFail: 'error', allowBuilds: { esbuild: false } });
    expect(changes).toContain("keep pmOnFail: the monorepo's value stays");
    expect(changes).toContain("keep allowBuilds.esbuild: the monorepo's value stays");
  });

  it('re-prints the file through the Document only when it extends a flow collection, keeping its comments', () => {
    const { text, changes } = mergeWorkspace('# root\npackages: [apps/*]\n', ours, 'db', noGlobMatches);
    expect(parse(text)).toMatchObject({ packages: ['apps/*', 'db'] });
    expect(text.startsWith('# root\n')).toBe(true);
    expect(changes.at(-1)).toMatch(/^reformat pnpm-workspace.yaml/);
  });

  it.each([
    [
      'another postgres version',
      'patchedDependencies:\n  postgres@3.4.8: patches/pg.patch\n',
      /patches postgres@3.4.8, this package needs postgres@3.4.9/,
    ],
    [
      'another PGlite version',
      "patchedDependencies:\n  '@electric-sql/pglite@0.5.16': p.patch\n",
      /align the @electric-sql\/pglite versions/,
    ],
    [
      'another patch of the same version',
      'patchedDependencies:\n  postgres@3.4.9: patches/ours.patch\n',
      /already patches postgres@3.4.9 with another file/,
    ],
  ])('refuses a patchedDependencies entry for %s', (_, root, message) => {
    expect(() => mergeWorkspace(root, ours, 'packages/database', noGlobMatches)).toThrow(
      expect.objectContaining({
        code: 'patch-conflict',
        message: expect.stringMatching(message) as string,
      }) as AdoptError,
    );
  });

  it('refuses a root file that is not a YAML mapping', () => {
    expect(() => mergeWorkspace('- a\n- b\n', ours, 'db', noGlobMatches)).toThrow(AdoptError);
    expect(() => mergeWorkspace('packages: [a\n', ours, 'db', noGlobMatches)).toThrow(AdoptError);
  });
});
