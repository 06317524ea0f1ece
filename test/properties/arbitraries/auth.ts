import fc from 'fast-check';
import { ACCOUNT_TOKEN_MAX } from '../../../src/dto/auth/account.js';
import { SESSION_USER_AGENT_MAX } from '../../../src/dto/auth/session.js';
import { USER_IMAGE_URL_MAX, USER_NAME_MAX } from '../../../src/dto/auth/user.js';
import type { DtoSpec } from './dto.js';
import { TIMESTAMP_MIN, bool, pattern, storableJson, text, timestamp, uuid, type FieldSpec } from './fields.js';
import { emailAddress, httpsUrl, ipAddress } from './formats.js';

const id = (value?: string) => uuid(value === undefined ? {} : { valid: fc.constant(value) });
const optionalAll = (spec: DtoSpec): DtoSpec =>
  Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, { ...field, optional: true }]));

/** Expiries must be in the future (a day ahead, so a slow run cannot cross "now"). */
const future = (): FieldSpec => ({
  valid: timestamp({ min: new Date(Date.now() + 86_400_000) }).valid,
  hostile: fc.oneof(
    timestamp().hostile,
    fc.date({ min: TIMESTAMP_MIN, max: new Date(Date.now() - 86_400_000), noInvalidDate: true }),
  ),
});

const image = (): FieldSpec => pattern(httpsUrl(), { max: USER_IMAGE_URL_MAX, nullable: true });

export const createUser = (): DtoSpec => ({
  name: text(1, USER_NAME_MAX),
  email: pattern(emailAddress(), { max: 254 }),
  image: image(),
  emailVerified: bool({ optional: true }),
});

export const updateUser = (): DtoSpec =>
  optionalAll({ name: text(1, USER_NAME_MAX), image: image(), emailVerified: bool() });

export const userListFilter = (): DtoSpec => ({ emailVerified: bool({ optional: true }) });

const token = () => text(1, ACCOUNT_TOKEN_MAX, { nullable: true, trimmed: false });

const providerId = (): FieldSpec => {
  const field = text(1, 100);
  return {
    ...field,
    valid: field.valid.filter((value) => (value as string).trim() !== 'credential'),
    hostile: fc.oneof(field.hostile, fc.constant('credential')),
  };
};

export const createAccount = (userId?: string): DtoSpec => ({
  userId: id(userId),
  providerId: providerId(),
  accountId: text(1, 255),
  accessToken: token(),
  refreshToken: token(),
  idToken: token(),
  accessTokenExpiresAt: timestamp({ nullable: true }),
  refreshTokenExpiresAt: timestamp({ nullable: true }),
  scope: text(0, 2000, { nullable: true }),
});

export const updateAccount = (): DtoSpec => {
  const { userId: _owner, providerId: _provider, accountId: _account, ...fields } = createAccount();
  return optionalAll(fields);
};

export const passwordHash = (): DtoSpec => ({
  passwordHash: pattern(fc.stringMatching(/^[0-9a-f]{32}:[0-9a-f]{64,128}$/), { max: 1024 }),
});

export const createSession = (userId?: string): DtoSpec => ({
  userId: id(userId),
  expiresAt: future(),
  ipAddress: {
    ...pattern(ipAddress(), { max: 100, nullable: true }),
    // Better Auth stores '' when it cannot tell the client's address.
    valid: fc.option(fc.oneof(ipAddress(), fc.constant('')), { nil: null }),
    hostile: pattern(ipAddress(), { max: 100, nullable: true }).hostile.filter((value) => value !== ''),
  },
  userAgent: text(0, SESSION_USER_AGENT_MAX, { nullable: true }),
});

export const updateSession = (): DtoSpec => ({ expiresAt: { ...future(), optional: true } });

export const setActiveTenant = (): DtoSpec => ({ tenantId: { ...uuid({ nullable: true }), optional: false } });

export const createVerification = (): DtoSpec => ({
  identifier: text(1, 512),
  value: text(1, 8192, { trimmed: false }),
  expiresAt: future(),
});

/** A JSON object serialized as text (a JWK), as the jwks columns hold it. */
const jsonObjectText = (): FieldSpec => ({
  valid: fc
    .dictionary(fc.string({ unit: 'grapheme', maxLength: 10 }), storableJson(3), { maxKeys: 5 })
    .map((value) => JSON.stringify(value))
    .filter((value) => value.length <= 16_384 && !value.includes('__proto__')),
  hostile: fc.constantFrom(
    '',
    'not json',
    '[1,2]',
    '"a string"',
    '42',
    'null',
    '{"a":1',
    '{"a":"\u0000"}',
    17,
    {},
    null,
  ),
});

export const createJwk = (): DtoSpec => ({
  publicKey: jsonObjectText(),
  privateKey: jsonObjectText(),
  alg: text(0, 32, { nullable: true }),
  crv: text(0, 32, { nullable: true }),
  expiresAt: timestamp({ nullable: true }),
});
