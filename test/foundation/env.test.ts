import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/classes.js';
import { parseEnv } from '../../src/config/env.js';

const secret = 'hunter2-do-not-print';

function configError(source: Record<string, string>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('parseEnv accepted a bad environment');
}

describe('parseEnv', () => {
  it('defaults to the embedded database with sensible pool settings', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({
      DATABASE_POOL_MAX: 10,
      DATABASE_CONNECT_TIMEOUT: 10,
      DATABASE_LOG_PARAMS: false,
      APP_ENV: 'development',
    });
    expect(env.DATABASE_PREPARE).toBeUndefined();
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', DIRECT_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('names each bad variable and never echoes its value', () => {
    const error = configError({
      DATABASE_URL: `mysql://app:${secret}@db/app`,
      DATABASE_POOL_MAX: 'lots',
      DATABASE_PREPARE: 'maybe',
    });
    expect(error.message).toContain('DATABASE_URL');
    expect(error.message).toContain('DATABASE_POOL_MAX');
    expect(error.message).toContain('DATABASE_PREPARE');
    expect(error.message).not.toContain(secret);
    expect(error.message).not.toContain('lots');
  });

  it('parses flags and numbers', () => {
    const env = parseEnv({
      DATABASE_POOL_MAX: '3',
      DATABASE_PREPARE: 'false',
      DATABASE_LOG_QUERIES: '1',
      DATABASE_LOG_PARAMS: 'yes',
    });
    expect(env).toMatchObject({
      DATABASE_POOL_MAX: 3,
      DATABASE_PREPARE: false,
      DATABASE_LOG_QUERIES: true,
      DATABASE_LOG_PARAMS: true,
    });
  });

  it('logs queries by default in development only', () => {
    expect(parseEnv({ NODE_ENV: 'development' }).DATABASE_LOG_QUERIES).toBe(true);
    expect(parseEnv({ NODE_ENV: 'production' }).DATABASE_LOG_QUERIES).toBe(false);
    expect(parseEnv({ NODE_ENV: 'test' }).DATABASE_LOG_QUERIES).toBe(false);
  });

  it('accepts pglite:// URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'pglite://memory' }).DATABASE_URL).toBe('pglite://memory');
    expect(parseEnv({ DATABASE_URL: 'pglite://.data/other' }).DATABASE_URL).toBe('pglite://.data/other');
  });
});

describe('boot guard', () => {
  const production = `postgres://app:${secret}@prod.example.com:5432/app`;

  it.each(['preview', 'staging'])('refuses APP_ENV=%s against the production database', (stage) => {
    const error = configError({
      APP_ENV: stage,
      DATABASE_URL: `postgres://app:${secret}@PROD.example.com/app?sslmode=require`,
      PRODUCTION_DATABASE_URL: production,
    });
    expect(error.message).toMatch(/points at the production database/);
    expect(error.message).not.toContain(secret);
  });

  it('reads VERCEL_ENV=preview too, and checks DIRECT_URL', () => {
    expect(() =>
      parseEnv({ VERCEL_ENV: 'preview', DIRECT_URL: production, PRODUCTION_DATABASE_URL: production }),
    ).toThrow(/DIRECT_URL points at the production database/);
  });

  it('lets previews use another database, and production use its own', () => {
    expect(() =>
      parseEnv({
        APP_ENV: 'preview',
        DATABASE_URL: 'postgres://app@preview.example.com/app',
        PRODUCTION_DATABASE_URL: production,
      }),
    ).not.toThrow();
    expect(() =>
      parseEnv({ APP_ENV: 'production', DATABASE_URL: production, PRODUCTION_DATABASE_URL: production }),
    ).not.toThrow();
  });
});
