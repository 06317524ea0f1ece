import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neededDomains } from '../../scripts/remove/doc-examples.js';
import { documentationFiles, parseMarkdown, repoRoot, type CodeBlock } from './markdown.js';

// Every ```ts block of README.md and docs/*.md is exercised. Each is written as a module next to this package (so
// 'database', 'database/dto', ... resolve through package.json `exports`, as in a consumer) and all of them are
// type-checked in ONE run of the TypeScript 7 compiler. HTML comments right above a block say more:
//
//   <!-- example: run -->                 also run it with tsx, against a fresh, migrated embedded database
//   <!-- example-prelude: CODE -->        CODE goes before the block (a declared context, or the data it needs)
//   <!-- example-at: PATH -->             type-check it as if it were the file PATH (its relative imports resolve there)
//   <!-- example-file: PATH -->           it must equal the repository file PATH (which its own check runs)
//   <!-- example: syntax-only REASON -->  parse it only (code for a dependency version that is not installed)
//   <!-- example-needs: DOMAIN ... -->    it needs these domains (src/schema/tables/DOMAIN): `pnpm db:remove DOMAIN`
//                                         drops the block, as it drops every block that spells a removed name

const execFileAsync = promisify(execFile);
const workDir = path.join(repoRoot, '.data', `docs-examples-${randomUUID().slice(0, 8)}`);

interface Example extends CodeBlock {
  name: string;
  run: boolean;
  syntaxOnly: boolean;
  prelude: string;
  at: string | undefined;
  sameAs: string | undefined;
  /** Where the module is written, relative to workDir. */
  modulePath: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const file of documentationFiles()) {
    for (const block of parseMarkdown(file).blocks) {
      if (block.lang !== 'ts' && block.lang !== 'typescript') continue;
      const option = (key: string) =>
        block.comments
          .map((comment) => new RegExp(`^${key}:\\s*([\\s\\S]*)$`).exec(comment)?.[1]?.trim())
          .find(Boolean);
      const mode = option('example') ?? '';
      const at = option('example-at');
      const name = `${file.replace(/[/.]/g, '_')}_L${block.line}`;
      found.push({
        ...block,
        name,
        run: mode === 'run',
        syntaxOnly: mode.startsWith('syntax-only'),
        prelude: option('example-prelude') ?? '',
        at,
        sameAs: option('example-file'),
        modulePath: at ? path.join('at', name, at) : `${name}.ts`,
      });
    }
  }
  return found;
}

const all = examples();
const checked = all.filter((example) => !example.syntaxOnly);
const runnable = all.filter((example) => example.run);

/** The module text: the prelude on one line of its own, then the block, so block line N is module line N + 1. */
const moduleText = (example: Example) => `${example.prelude}\n${example.code}`;

/** `README.md:35` for line `moduleLine` (1-based) of an example's module. */
const docLine = (example: Example, moduleLine: number) =>
  moduleLine === 1
    ? `${example.file}:${example.line - 1} (prelude)`
    : `${example.file}:${example.line + moduleLine - 1}`;

beforeAll(() => {
  fs.mkdirSync(workDir, { recursive: true });
  for (const example of checked) {
    const target = path.join(workDir, example.modulePath);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, moduleText(example));
  }
});

afterAll(() => {
  fs.rmSync(workDir, { recursive: true, force: true });
});

describe('the examples of README.md and docs/', () => {
  it('finds every ts block and every block marked to run (counted in the raw text)', () => {
    // Counted, not a minimum: `pnpm db:remove` drops the blocks that need a removed domain, so there may be few.
    const texts = documentationFiles().map((file) => fs.readFileSync(path.join(repoRoot, file), 'utf8'));
    const count = (pattern: RegExp) => texts.reduce((sum, text) => sum + (text.match(pattern)?.length ?? 0), 0);
    expect(all.length).toBe(count(/^\s*(`{3,}|~{3,})(ts|typescript)\s*$/gm));
    expect(runnable.length).toBe(count(/^\s*<!--\s*example: run\s*-->\s*$/gm));
    // A misspelt marker would silently turn a check off.
    const known = /^(example: (run|syntax-only\b.*)|example-(prelude|at|file|needs): .+)$/s;
    for (const example of all) {
      const unknown = example.comments.filter((comment) => comment.startsWith('example') && !known.test(comment));
      expect(unknown, `${example.file}:${example.line}`).toEqual([]);
    }
  });

  it('an example-needs marker names domains that exist (db:remove drops a block whose domain it removes)', () => {
    const missing = all.flatMap((example) =>
      example.comments
        .flatMap((comment) => neededDomains(comment) ?? [])
        .filter((domain) => !fs.existsSync(path.join(repoRoot, 'src/schema/tables', domain)))
        .map((domain) => `${example.file}:${example.line} needs domain ${domain}, which is gone`),
    );
    expect(missing).toEqual([]);
  });

  it('every ts block type-checks against the package (one tsc run)', async () => {
    const rootDirs = [
      workDir,
      ...checked.filter((example) => example.at).map((example) => path.join(workDir, 'at', example.name)),
    ];
    fs.writeFileSync(
      path.join(workDir, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(repoRoot, 'tsconfig.json'),
        // An `example-at` block sees the repository around the path it names: its relative imports resolve there.
        compilerOptions: { rootDirs: [...rootDirs, repoRoot], noEmit: true },
        include: [],
        files: checked.map((example) => path.join(workDir, example.modulePath)),
      }),
    );
    const tsc = path.join(repoRoot, 'node_modules', 'typescript7', 'bin', 'tsc');
    const result = await execFileAsync(
      process.execPath,
      [tsc, '-p', path.join(workDir, 'tsconfig.json'), '--pretty', 'false'],
      {
        cwd: repoRoot,
      },
    ).then(
      () => ({ output: '' }),
      (error: { stdout?: string; stderr?: string }) => ({ output: `${error.stdout ?? ''}${error.stderr ?? ''}` }),
    );
    // Name each error by the markdown line it comes from.
    const errors = result.output
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => {
        const located = /^(.*?)\((\d+),(\d+)\): (.*)$/.exec(line);
        if (!located) return line;
        const file = path.resolve(repoRoot, located[1]!);
        const example = checked.find((candidate) => path.join(workDir, candidate.modulePath) === file);
        return example ? `${docLine(example, Number(located[2]))}: ${located[4]}` : line;
      });
    expect(errors).toEqual([]);
  }, 180_000);

  it('every syntax-only block parses', () => {
    for (const example of all.filter((candidate) => candidate.syntaxOnly)) {
      const source = ts.createSourceFile(`${example.name}.ts`, example.code, ts.ScriptTarget.Latest, true);
      const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      expect(
        diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
        `${example.file}:${example.line}`,
      ).toEqual([]);
    }
  });

  it.each(all.filter((example) => example.sameAs).map((example) => [example.name, example] as const))(
    '%s is the file it names',
    (_, example) => {
      expect(example.code, `${example.file}:${example.line} must equal ${example.sameAs}`).toBe(
        fs.readFileSync(path.join(repoRoot, example.sameAs!), 'utf8'),
      );
    },
  );

  it('the runnable blocks run on a fresh embedded database', async () => {
    // One tsx process: migrate a new PGlite data directory, then import each block's module in turn.
    const runner = path.join(workDir, 'run.ts');
    fs.writeFileSync(
      runner,
      [
        "import { closeDefaultDatabase } from 'database/client';",
        "import { migrate } from 'database/migrate';",
        'await migrate({ url: process.env.DATABASE_URL });',
        `for (const [where, module] of ${JSON.stringify(runnable.map((example) => [`${example.file}:${example.line}`, `./${example.modulePath}`]))}) {`,
        '  console.log(`running ${where}`);',
        '  await import(module);',
        '}',
        'await closeDefaultDatabase();',
        "console.log('all examples ran');",
      ].join('\n'),
    );
    const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `pglite://${path.join(workDir, 'pglite')}` };
    delete env.DIRECT_URL;
    delete env.DATABASE_REPLICA_URLS;
    const outcome = await execFileAsync(process.execPath, [tsx, runner], { cwd: repoRoot, env }).then(
      (done) => ({ ok: true, output: done.stdout }),
      (error: { stdout?: string; stderr?: string }) => ({
        ok: false,
        output: `${error.stdout ?? ''}${error.stderr ?? ''}`,
      }),
    );
    expect(outcome.output.trim().split('\n').at(-1), outcome.output).toBe('all examples ran');
    expect(outcome.ok, outcome.output).toBe(true);
  }, 240_000);
});
