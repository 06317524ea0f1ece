import { randomUUID } from 'node:crypto';
import { betterAuth, type BetterAuthOptions } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { jwt } from 'better-auth/plugins';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../src/client/db.js';
import { AccountQueries } from '../../src/queries/auth/account.js';
import { VerificationQueries } from '../../src/queries/auth/verification.js';
import * as schema from '../../src/schema/index.js';
import { account } from '../../src/schema/tables/auth/account.js';
import { jwks } from '../../src/schema/tables/auth/jwk.js';
import { session } from '../../src/schema/tables/auth/session.js';
import { user } from '../../src/schema/tables/auth/user.js';
import { factories } from '../../src/testing/index.js';

// Better Auth 1.7 on our schema, through its Drizzle adapter, inside the test's rolled-back transaction: `db` resolves
// to the current executor, and with `provider: 'pg'` the adapter never opens a transaction of its own.

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const options = {
  database: drizzleAdapter(db, { provider: 'pg', schema }),
  emailAndPassword: { enabled: true },
  secret: 'test-only-secret-that-is-at-least-32-characters-long',
  baseURL: 'http://localhost:3000',
  telemetry: { enabled: false },
  advanced: {
    // Our ids are `uuid` columns. With 'uuid' and the pg Drizzle adapter (supportsUUIDs), Better Auth leaves `id`
    // out of its inserts, so our column default applies: a UUIDv7 from `id()`'s $defaultFn (gen_random_uuid() for
    // other clients). Better Auth's default (random base62 strings) would fail on a uuid column.
    database: { generateId: 'uuid' },
  },
  session: {
    // Our extra column, declared so getSession returns it; `input: false`: clients cannot set it at sign-in.
    additionalFields: { activeTenantId: { type: 'string', required: false, input: false } },
  },
} satisfies BetterAuthOptions;

const createAuth = () => betterAuth(options);

const password = 'correct horse battery staple';

/** Any of this file's auth instances (their option types differ, their sign-up does not). */
interface SignUpApi {
  api: {
    signUpEmail(input: { body: { name: string; email: string; password: string } }): Promise<{ user: { id: string } }>;
  };
}

async function signUp(auth: SignUpApi, email = `Ada.${randomUUID()}@Example.com`) {
  const result = await auth.api.signUpEmail({ body: { name: 'Ada Lovelace', email, password } });
  return { ...result, email: email.toLowerCase() };
}

/** The `name=value` pairs of the Set-Cookie headers, as a browser would send them back. */
function cookieHeader(headers: Headers): string {
  return headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

describe('Better Auth on our auth tables', () => {
  it('sign-up writes user (lower-case email, our uuid), credential account (hashed password) and session', async () => {
    const auth = createAuth();
    const { user: created, email } = await signUp(auth);

    expect(created.id).toMatch(UUID_V7);
    const [row] = await db.select().from(user).where(eq(user.id, created.id));
    expect(row).toMatchObject({ email, name: 'Ada Lovelace', emailVerified: false, image: null });

    const accounts = await db.select().from(account).where(eq(account.userId, created.id));
    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({ providerId: 'credential', accountId: created.id });
    expect(accounts[0]!.id).toMatch(UUID_V7);
    expect(accounts[0]!.password).toBeTruthy();
    expect(accounts[0]!.password).not.toContain(password); // a hash (scrypt salt:key), never the password
    expect(accounts[0]!.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);

    // autoSignIn (the default) opened a session
    expect(await db.select().from(session).where(eq(session.userId, created.id))).toHaveLength(1);
  });

  it('sign-in opens a session whose cookie getSession resolves; a wrong password opens none', async () => {
    const auth = createAuth();
    const { user: created, email } = await signUp(auth);

    const { headers, response } = await auth.api.signInEmail({
      body: { email, password },
      headers: new Headers({ 'user-agent': 'vitest' }),
      returnHeaders: true,
    });
    expect(response.user.id).toBe(created.id);
    const [stored] = await db.select().from(session).where(eq(session.token, response.token));
    expect(stored).toMatchObject({ userId: created.id, userAgent: 'vitest', activeTenantId: null });
    expect(stored!.id).toMatch(UUID_V7);
    expect(stored!.expiresAt.getTime()).toBeGreaterThan(Date.now());

    const current = await auth.api.getSession({ headers: new Headers({ cookie: cookieHeader(headers) }) });
    expect(current?.user).toMatchObject({ id: created.id, email });
    expect(current?.session).toMatchObject({ id: stored!.id, token: response.token, activeTenantId: null });

    await expect(auth.api.signInEmail({ body: { email, password: 'wrong password, long enough' } })).rejects.toThrow();
    expect(await db.select().from(session).where(eq(session.userId, created.id))).toHaveLength(2); // sign-up + sign-in
  });

  it('keeps session.active_tenant_id: getSession returns it, and sign-out deletes the session row', async () => {
    const auth = createAuth();
    const { email } = await signUp(auth);
    const { headers, response } = await auth.api.signInEmail({ body: { email, password }, returnHeaders: true });
    const tenant = await factories.tenants.create();
    await db.update(session).set({ activeTenantId: tenant.id }).where(eq(session.token, response.token));

    const requestHeaders = new Headers({ cookie: cookieHeader(headers) });
    const current = await auth.api.getSession({ headers: requestHeaders });
    expect(current?.session.activeTenantId).toBe(tenant.id);

    await auth.api.signOut({ headers: requestHeaders });
    expect(await db.select().from(session).where(eq(session.token, response.token))).toEqual([]);
    expect(await auth.api.getSession({ headers: requestHeaders })).toBeNull();
  });

  it('refuses a second sign-up with the same email, whatever its case', async () => {
    const auth = createAuth();
    const { email } = await signUp(auth);
    await expect(signUp(auth, email.toUpperCase())).rejects.toThrow();
    expect(await db.select().from(user).where(eq(user.email, email))).toHaveLength(1);
  });

  it('password reset: Better Auth writes a verification row our queries read, then consumes it and rehashes', async () => {
    let resetToken = '';
    const auth = betterAuth({
      ...options,
      emailAndPassword: {
        enabled: true,
        sendResetPassword: async ({ token }) => {
          resetToken = token;
        },
      },
    });
    const { user: created, email } = await signUp(auth);
    const [before] = await db.select().from(account).where(eq(account.userId, created.id));

    await auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset' } });
    const stored = await VerificationQueries.findValue(`reset-password:${resetToken}`);
    expect(stored).toMatchObject({ value: created.id });

    await auth.api.resetPassword({ body: { token: resetToken, newPassword: 'a brand new passphrase' } });
    expect(await VerificationQueries.findById(stored!.id)).toBeNull(); // consumed
    const [after] = await db.select().from(account).where(eq(account.userId, created.id));
    expect(after!.password).not.toBe(before!.password);
    await expect(auth.api.signInEmail({ body: { email, password: 'a brand new passphrase' } })).resolves.toMatchObject({
      user: { id: created.id },
    });
  });

  it('a hash stored with AccountQueries.setPasswordHash signs in through Better Auth', async () => {
    const auth = createAuth();
    const { user: created, email } = await signUp(auth);
    const hash = await (await auth.$context).password.hash('set by server code');
    await AccountQueries.setPasswordHash(created.id, hash);
    await expect(auth.api.signInEmail({ body: { email, password: 'set by server code' } })).resolves.toMatchObject({
      user: { id: created.id },
    });
    await expect(auth.api.signInEmail({ body: { email, password } })).rejects.toThrow();
  });

  it('the JWT plugin stores its key pair in jwks (alg and crv included)', async () => {
    const auth = betterAuth({ ...options, plugins: [jwt()] });
    const { keys } = await auth.api.getJwks();
    expect(keys).toHaveLength(1);
    const [row] = await db.select().from(jwks).where(eq(jwks.id, keys[0]!.kid!));
    expect(row).toMatchObject({ alg: 'EdDSA', crv: 'Ed25519', expiresAt: null });
    expect(row!.id).toMatch(UUID_V7);
    expect(row!.privateKey).not.toContain('"d"'); // encrypted with the secret, not the raw private JWK
  });
});
