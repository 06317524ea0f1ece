import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlSubset, type YamlValue } from '../support/yaml-subset.js';

// The GitHub workflows template users get: parsed (strict subset parser, see yaml-subset.ts) and checked for the
// few facts that matter.

type Step = {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, YamlValue>;
  env?: Record<string, string>;
};
type Workflow = {
  on: Record<string, YamlValue>;
  jobs: Record<string, { services?: Record<string, Record<string, YamlValue>>; steps: Step[] }>;
};

const workflowsDir = path.join(import.meta.dirname, '..', '..', '.github', 'workflows');
const load = (file: string) => parseYamlSubset(fs.readFileSync(path.join(workflowsDir, file), 'utf8')) as Workflow;

describe('parseYamlSubset', () => {
  it('parses 1 map holding a list of 2 maps, a flow list and a folded block', () => {
    const parsed = parseYamlSubset(
      ['a:', '  - x: 1', '    y: "two"', '  - z: [p, q]', 'b: >-', '  one', '  two', ''].join('\n'),
    );
    expect(parsed).toEqual({ a: [{ x: 1, y: 'two' }, { z: ['p', 'q'] }], b: 'one two' });
  });

  it.each([
    ['a tab indent', 'a:\n\tb: 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a stray deeper line', 'a: 1\n    b: 2'],
    ['a flow map', 'a: {b: 1}'],
  ])('rejects %s (1 of 4 malformed inputs)', (_name, source) => {
    expect(() => parseYamlSubset(source)).toThrow();
  });
});

describe('.github/workflows/ci.yml', () => {
  const workflow = load('ci.yml');
  const [jobName, job] = Object.entries(workflow.jobs)[0]!;
  const runSteps = job.steps.filter((step) => step.run !== undefined);

  it('has 1 job, on push to main and on pull requests', () => {
    expect(Object.keys(workflow.jobs)).toEqual([jobName]);
    expect(workflow.on).toMatchObject({ push: { branches: ['main'] } });
    expect(workflow.on).toHaveProperty('pull_request');
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

  it('uses 3 actions: checkout, pnpm/action-setup, setup-node with the pnpm store cache', () => {
    expect(job.steps.map((step) => step.uses).filter(Boolean)).toEqual([
      'actions/checkout@v4',
      'pnpm/action-setup@v4',
      'actions/setup-node@v4',
    ]);
    expect(job.steps.find((step) => step.uses === 'actions/setup-node@v4')?.with).toMatchObject({ cache: 'pnpm' });
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

  it('runs `pnpm db:migrate` in 1 step, against DIRECT_URL from secrets, refusing an empty secret', () => {
    const migrating = steps.filter((step) => step.run?.includes('pnpm db:migrate'));
    expect(migrating).toHaveLength(1);
    expect(migrating[0]!.env).toEqual({ DIRECT_URL: '${{ secrets.DIRECT_URL }}' });
    expect(migrating[0]!.run).toMatch(/if \[ -z "\$DIRECT_URL" \]; then .*exit 1; fi\npnpm db:migrate\n$/);
  });
});
