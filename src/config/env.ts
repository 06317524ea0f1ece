import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import {
  isDatabaseUrl,
  packageRoot,
  parseDatabaseUrl,
  sameDatabase,
  tryParseDatabaseUrl,
  type DatabaseTarget,
  type PostgresTarget,
} from './database-url.js';
import { ConfigError } from '../errors/classes.js';

// The only module that reads process.env; everything else receives an `Env`.

const URL_FORMS = 'must be a postgres:// URL, pglite://<dir> or pglite://memory';
const databaseUrl = z.string().trim().refine(isDatabaseUrl, { message: URL_FORMS });

/** A URL the client connects to: parsed here, once; the client receives the target (databaseOptionsFromEnv). */
const clientUrl = z
  .string()
  .trim()
  .transform((raw, ctx) => {
    const target = tryParseDatabaseUrl(raw);
    if (!target) ctx.addIssue({ code: 'custom', message: URL_FORMS });
    return target ? { raw, target } : z.NEVER;
  });

/** Comma-separated; each entry must be a PostgreSQL server (a streaming replica of DATABASE_URL). */
const replicaUrls = z.string().transform((raw, ctx) => {
  const urls = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return urls.flatMap((url, index) => {
    const target = tryParseDatabaseUrl(url);
    if (target?.kind === 'postgres') return [{ raw: url, target }];
    ctx.addIssue({ code: 'custom', message: `entry ${index + 1} of ${urls.length} must be a postgres:// URL` });
    return [];
  });
});

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'], { message: 'must be true or false' })
  .transform((value) => ['true', '1', 'yes', 'on'].includes(value));

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).optional(),
  /** Deployment stage; VERCEL_ENV is read as a fallback. */
  APP_ENV: z.enum(['development', 'test', 'preview', 'staging', 'production']).optional(),
  DATABASE_URL: clientUrl.optional(),
  DIRECT_URL: clientUrl.optional(),
  /** Read replicas: query objects' reads go to one of them, writes and transactions to DATABASE_URL. */
  DATABASE_REPLICA_URLS: replicaUrls.default([]),
  /** Only for the boot guard: previews and staging refuse to start against this database. */
  PRODUCTION_DATABASE_URL: databaseUrl.optional(),
  DATABASE_POOL_MAX: z.coerce.number({ message: 'must be a number' }).int().min(1).max(500).default(10),
  DATABASE_CONNECT_TIMEOUT: z.coerce
    .number({ message: 'must be a number of seconds' })
    .int()
    .min(1)
    .max(600)
    .default(10),
  /** Server-side prepared statements; default on, off behind a transaction pooler. */
  DATABASE_PREPARE: flag.optional(),
  DATABASE_LOG_QUERIES: flag.optional(),
  /** Off by default: parameter values can be personal data or secrets. */
  DATABASE_LOG_PARAMS: flag.default(false),
  TEST_DATABASE_URL: clientUrl.optional(),
  /**
   * With TEST_DATABASE_URL: run the tests' queries through this transaction pooler in front of that server (any
   * database name, e.g. PgBouncer's `* =` entry); databases are still created, migrated and dropped directly.
   */
  TEST_DATABASE_POOLER_URL: clientUrl.optional(),
  BENCH_DATABASE_URL: databaseUrl.optional(),
  /**
   * Key ring for tenant database URLs stored in the control database: `<keyId>:<base64 of 32 bytes>`, comma-separated;
   * the first key encrypts, every key decrypts. Parsed by `parseKeyRing` (src/tenancy/encryption.ts), not here.
   */
  DATABASE_ENCRYPTION_KEY: z.string().optional(),
  /** `pnpm db:migrate`: how many tenant databases migrate at once (default 4). */
  DATABASE_MIGRATE_CONCURRENCY: z.coerce.number({ message: 'must be a number' }).int().min(1).max(64).optional(),
});

/** What DATABASE_URL, DIRECT_URL, DATABASE_REPLICA_URLS and the test URLs point at, parsed once by `parseEnv`. */
export interface DatabaseTargets {
  pooled: DatabaseTarget;
  /** DIRECT_URL, else DATABASE_URL: migrations and scripts. */
  direct: DatabaseTarget;
  replicas: PostgresTarget[];
  /** TEST_DATABASE_URL and TEST_DATABASE_POOLER_URL (the vitest global setup). */
  test: DatabaseTarget | undefined;
  testPooler: DatabaseTarget | undefined;
}

type ParsedUrls =
  'DATABASE_URL' | 'DIRECT_URL' | 'DATABASE_REPLICA_URLS' | 'TEST_DATABASE_URL' | 'TEST_DATABASE_POOLER_URL';

export type Env = Readonly<
  Omit<z.infer<typeof EnvSchema>, 'DATABASE_LOG_QUERIES' | ParsedUrls> & {
    DATABASE_URL: string | undefined;
    DIRECT_URL: string | undefined;
    DATABASE_REPLICA_URLS: string[];
    TEST_DATABASE_URL: string | undefined;
    TEST_DATABASE_POOLER_URL: string | undefined;
    databaseTargets: DatabaseTargets;
    DATABASE_LOG_QUERIES: boolean;
    APP_ENV: NonNullable<z.infer<typeof EnvSchema>['APP_ENV']>;
  }
>;

type Source = Record<string, string | undefined>;

/** Parses and checks an environment; throws a `ConfigError` naming each bad variable, never echoing its value. */
export function parseEnv(source: Source): Env {
  const cleaned = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [key, source[key] === '' ? undefined : source[key]]),
  );
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`);
  }
  const parsed = result.data;
  const appEnv = parsed.APP_ENV ?? stageFromVercel(source.VERCEL_ENV) ?? parsed.NODE_ENV ?? 'development';
  const { DATABASE_URL: pooled, DIRECT_URL: direct, DATABASE_REPLICA_URLS: replicas } = parsed;
  const { TEST_DATABASE_URL: test, TEST_DATABASE_POOLER_URL: testPooler } = parsed;
  const env: Env = {
    ...parsed,
    DATABASE_URL: pooled?.raw,
    DIRECT_URL: direct?.raw,
    DATABASE_REPLICA_URLS: replicas.map((replica) => replica.raw),
    TEST_DATABASE_URL: test?.raw,
    TEST_DATABASE_POOLER_URL: testPooler?.raw,
    databaseTargets: {
      pooled: pooled?.target ?? parseDatabaseUrl(undefined),
      direct: (direct ?? pooled)?.target ?? parseDatabaseUrl(undefined),
      replicas: replicas.map((replica) => replica.target),
      test: test?.target,
      testPooler: testPooler?.target,
    },
    APP_ENV: appEnv,
    DATABASE_LOG_QUERIES: parsed.DATABASE_LOG_QUERIES ?? parsed.NODE_ENV === 'development',
  };
  assertReplicasHaveAServer(env);
  assertNotProductionFromPreview(env);
  return env;
}

function stageFromVercel(value: string | undefined): Env['APP_ENV'] | undefined {
  if (value === 'preview' || value === 'production' || value === 'development') return value;
  return undefined;
}

/** Replicas are PostgreSQL streaming replicas of a server; an embedded PGlite database has none. */
function assertReplicasHaveAServer(env: Env): void {
  if (env.DATABASE_REPLICA_URLS.length === 0) return;
  if (env.databaseTargets.pooled.kind === 'postgres') return;
  throw new ConfigError(
    'DATABASE_REPLICA_URLS needs a postgres:// DATABASE_URL: read replicas are not supported on embedded PGlite ' +
      `(DATABASE_URL is ${env.DATABASE_URL === undefined ? 'unset, so the embedded default' : 'a pglite:// URL'}).`,
  );
}

/** A preview or staging deployment wired to the production database writes test data into it: refuse to boot. */
function assertNotProductionFromPreview(env: Env): void {
  if (env.APP_ENV !== 'preview' && env.APP_ENV !== 'staging') return;
  const production = env.PRODUCTION_DATABASE_URL;
  if (!production) return;
  for (const name of ['DATABASE_URL', 'DIRECT_URL'] as const) {
    const value = env[name];
    if (value && sameDatabase(value, production)) {
      throw new ConfigError(
        `Refusing to start: APP_ENV=${env.APP_ENV} but ${name} points at the production database (PRODUCTION_DATABASE_URL).`,
      );
    }
  }
}

let cached: Env | undefined;

/** The process environment, with `.env` from the package root and the current directory loaded once, quietly. */
export function env(): Env {
  if (!cached) {
    loadDotenv({ path: ['.env', `${packageRoot}.env`], quiet: true });
    cached = parseEnv(process.env);
  }
  return cached;
}
