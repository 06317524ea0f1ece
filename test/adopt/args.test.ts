import { describe, expect, it } from 'vitest';
import { parseAdoptArgs } from '../../scripts/adopt/args.js';

describe('parseAdoptArgs', () => {
  it('reads the path, --dir, --name, --dry-run and the install flags', () => {
    expect(parseAdoptArgs(['../mono', '--dir=libs/db/', '--name', '@acme/db', '--dry-run', '--offline'])).toMatchObject(
      {
        dir: 'libs/db',
        name: '@acme/db',
        dryRun: true,
        installFlags: ['--offline'],
      },
    );
    expect(parseAdoptArgs(['../mono'])).toMatchObject({ dir: 'packages/database', name: undefined, dryRun: false });
  });

  it.each([
    [[], /^usage: pnpm adopt/],
    [['a', 'b'], /^usage: pnpm adopt/],
    [['a', '--force'], /unknown option --force/],
    [['a', '--name'], /--name needs a value/],
    [['a', '--name', 'Acme DB'], /--name must be a valid npm package name/],
    [['a', '--name', '@acme/db/x'], /--name must be a valid npm package name/],
    [['a', '--dir', '../outside'], /--dir must be a path inside the monorepo/],
    [['a', '--dir', '/abs'], /--dir must be a path inside the monorepo/],
    [['a', '--dir', '.'], /--dir must be a path inside the monorepo/],
  ])('%j is refused', (argv, message) => {
    expect(() => parseAdoptArgs(argv)).toThrow(message);
  });
});
