import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import appGuardrail from '../../eslint/apps.js';
import { packageRoot } from '../../src/config/database-url.js';

// `database/eslint`, the one-line guardrail for the apps of a monorepo, run on the example app's files: what it
// forbids, what it says instead, and that the example app as shipped passes it.

const app = 'examples/workspace/apps/api';
const eslint = new ESLint({
  cwd: packageRoot,
  overrideConfigFile: true,
  overrideConfig: [tseslint.configs.base, ...appGuardrail],
});

async function problems(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(packageRoot, app, file) });
  return result!.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

describe('database/eslint in an app', () => {
  it.each([
    ["import postgres from 'postgres';", "use its query objects or `db` from 'database'"],
    ["import { eq } from 'drizzle-orm';", "Import operators and `sql` from 'database'"],
    ["import { pgTable } from 'drizzle-orm/pg-core';", "use 'database', 'database/schema' or 'database/dto'"],
    ["import { PGlite } from '@electric-sql/pglite';", 'The embedded database lives inside'],
    ["import { createSelectSchema } from 'drizzle-zod';", "Import DTO schemas from 'database/dto'"],
    ["import { factories } from 'database/testing';", 'belongs in test files only'],
  ])('src/route.ts: %s fails, saying what to import instead', async (line, instead) => {
    const found = await problems(`${line}\nexport const used = [0];\n`, 'src/route.ts');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('no-restricted-imports');
    expect(found[0]).toContain(instead);
  });

  it("a test file may import 'database/testing', and still not the driver", async () => {
    expect(
      await problems("import { factories } from 'database/testing';\nexport { factories };\n", 'test/a.test.ts'),
    ).toEqual([]);
    expect(await problems("import postgres from 'postgres';\nexport { postgres };\n", 'test/a.test.ts')).toHaveLength(
      1,
    );
  });

  it('the example app as shipped passes (0 problems in every file)', async () => {
    const results = await eslint.lintFiles([`${app}/**/*.ts`]);
    expect(results.length).toBeGreaterThan(3);
    expect(results.flatMap((result) => result.messages.map((m) => `${result.filePath}: ${m.message}`))).toEqual([]);
  });
});
