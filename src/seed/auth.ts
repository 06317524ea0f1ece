import type { User } from '../dto/auth/user.js';
import { AccountQueries } from '../queries/auth/account.js';
import { JwkQueries } from '../queries/auth/jwk.js';
import { SessionQueries } from '../queries/auth/session.js';
import { UserQueries } from '../queries/auth/user.js';
import { VerificationQueries } from '../queries/auth/verification.js';
import { factories, fake, fromNow } from '../testing/index.js';
import type { TableCounts } from './context.js';
import { DEMO_TENANTS, STAFF, STAFF_DOMAIN, emailOf, type DemoPerson } from './demo-data.js';

export interface SeededUsers {
  /** By email. */
  byEmail: Map<string, User>;
  counts: TableCounts;
}

/**
 * Every demo person and staff member as a user (no passwords: sign-in is the app's business). Owners have linked a
 * GitHub account and hold a session; each invitee has an email verification outstanding; one signing key exists.
 */
export async function seedAuth(): Promise<SeededUsers> {
  const byEmail = new Map<string, User>();
  const create = async (person: DemoPerson, email: string, emailVerified: boolean) => {
    byEmail.set(email, await UserQueries.create({ name: person.name, email, emailVerified }));
  };
  let accounts = 0;
  let sessions = 0;
  let verifications = 0;
  for (const spec of DEMO_TENANTS) {
    for (const person of [spec.owner, ...spec.admins, ...spec.members]) {
      await create(person, emailOf(person, spec.slug), true);
    }
    await create(spec.invitee, emailOf(spec.invitee, spec.slug), false);

    const owner = byEmail.get(emailOf(spec.owner, spec.slug))!;
    await AccountQueries.create({
      userId: owner.id,
      providerId: 'github',
      accountId: String(fake.int(1_000_000, 9_999_999)),
      scope: 'read:user,user:email',
    });
    accounts++;
    await SessionQueries.create({
      userId: owner.id,
      expiresAt: fromNow(7),
      ipAddress: `203.0.113.${fake.int(1, 254)}`,
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15',
    });
    sessions++;
    await VerificationQueries.create({
      identifier: `email-verification:${emailOf(spec.invitee, spec.slug)}`,
      value: fake.token(),
      expiresAt: fromNow(1),
    });
    verifications++;
  }
  for (const { person } of STAFF) await create(person, `${person.handle}@${STAFF_DOMAIN}`, true);

  const { publicKey, privateKey, alg, crv, expiresAt } = factories.jwks.build();
  await JwkQueries.create({ publicKey, privateKey, alg, crv, expiresAt });

  return {
    byEmail,
    counts: { user: byEmail.size, account: accounts, session: sessions, verification: verifications, jwks: 1 },
  };
}
