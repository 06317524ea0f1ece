import { describe, expect, it } from 'vitest';
import { workspaceMatches } from '../../scripts/adopt/workspace-match.js';

// Whether pnpm itself counts packages/database as a workspace package under a `packages` list.
describe('workspaceMatches (asks pnpm on a scratch tree)', () => {
  it.each([
    [['packages/*'], true],
    [['packages/**'], true],
    [['./packages/database'], true],
    [['packages/*/'], true],
    [['apps/*'], false],
    [['packages/**', '!**/database'], false],
    [['packages/data*'], true],
    [[], false],
  ])('%j → %s', (packages, expected) => {
    expect(workspaceMatches(packages, 'packages/database')).toBe(expected);
  });
});
