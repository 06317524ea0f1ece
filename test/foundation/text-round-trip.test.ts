import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../src/config/database-url.js';
import { db } from '../../src/client/db.js';
import { AccountQueries } from '../../src/queries/auth/account.js';
import { VerificationQueries } from '../../src/queries/auth/verification.js';
import { SystemSettingQueries } from '../../src/queries/system/system-setting.js';
import { factories, fromNow } from '../../src/testing/index.js';

// U+FEFF is data, not a byte order mark, once it is inside a column. Unpatched, PGlite (0.5.16 and 0.5.17) decodes every field
// with a TextDecoder that drops a leading one (patches/README.md); these run on both databases.

const BOM = '\uFEFF';
const VALUES = [`${BOM}abc`, BOM, `${BOM}${BOM}abc`, `a${BOM}b`, `abc${BOM}`];

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

describe('text round-trip: a U+FEFF anywhere in a text field reads back', () => {
  it.each(VALUES)('VerificationQueries.create, getById and findValue keep %j', async (value) => {
    const identifier = `bom:${randomUUID()}`;
    const created = await VerificationQueries.create({ identifier, value, expiresAt: fromNow(1 / 24) });
    expect(created.value).toBe(value);
    expect((await VerificationQueries.getById(created.id)).value).toBe(value);
    expect((await VerificationQueries.findValue(identifier))?.value).toBe(value);
  });

  it('AccountQueries.create keeps a leading BOM in each OAuth token', async () => {
    const owner = await factories.user.create();
    const tokens = { accessToken: `${BOM}access`, refreshToken: `${BOM}${BOM}refresh`, idToken: BOM };
    const created = await AccountQueries.create({
      userId: owner.id,
      providerId: 'github',
      accountId: 'gh-bom',
      ...tokens,
    });
    expect(created).toMatchObject(tokens);
    expect(await AccountQueries.getById(created.id)).toMatchObject(tokens);
  });

  it('a jsonb value keeps BOMs in its strings and keys (SystemSettingQueries.upsert)', async () => {
    const value = { [`${BOM}key`]: `${BOM}abc`, list: [BOM, `${BOM}x`], nested: { s: `${BOM}${BOM}` } };
    expect((await SystemSettingQueries.upsert('bom_round_trip', value)).value).toEqual(value);
    expect((await SystemSettingQueries.getOrThrow('bom_round_trip')).value).toEqual(value);
  });

  it('raw SQL: a text, a text[], a jsonb and a column name that start with a BOM', async () => {
    const result = await db.execute(
      sql`select ${`${BOM}abc`}::text as t, array[${`${BOM}x`}::text] as a, ${JSON.stringify(`${BOM}j`)}::jsonb as j,
        1 as ${sql.identifier(`${BOM}column`)}`,
    );
    expect(rowsOf(result)).toEqual([{ t: `${BOM}abc`, a: [`${BOM}x`], j: `${BOM}j`, [`${BOM}column`]: 1 }]);
  });
});

// The round trips above only see PGlite when they run on it; this catches, on either database, an install of PGlite
// that lost its patch (a monorepo root without the patchedDependencies entry). Not tied to one version: a bump that
// forgets to re-create the patch fails here too.
const pgliteRoot = fs.realpathSync(path.join(packageRoot, 'node_modules', '@electric-sql', 'pglite'));
const pgliteVersion = (
  JSON.parse(fs.readFileSync(path.join(pgliteRoot, 'package.json'), 'utf8')) as { version: string }
).version;
const UNPATCHED_DECODER = /new TextDecoder\([\w$]+\(this,[\w$]+\)\)/;

describe(`PGlite ${pgliteVersion} carries patches/@electric-sql__pglite@${pgliteVersion}.patch`, () => {
  it.each(['dist/chunk-Y6PULSM7.js', 'dist/index.cjs', 'dist/node-postgres/index.cjs'])(
    '%s: the protocol reader decodes fields with ignoreBOM',
    (file) => {
      const code = fs.readFileSync(path.join(pgliteRoot, file), 'utf8');
      expect(code, `${file} is not in this PGlite build: re-check where it decodes fields`).toContain('TextDecoder');
      expect(
        UNPATCHED_DECODER.test(code),
        `PGlite ${pgliteVersion} is installed without patches/@electric-sql__pglite@${pgliteVersion}.patch: add the ` +
          'patchedDependencies entry of pnpm-workspace.yaml to your workspace root and reinstall (patches/README.md)',
      ).toBe(false);
    },
  );
});
