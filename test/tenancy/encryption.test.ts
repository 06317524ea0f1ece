import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../src/config/env.js';
import { ConfigError } from '../../src/errors/classes.js';
import { PlacementKeyError, type PlacementKeyProblem } from '../../src/errors/tenancy.js';
import {
  decryptUrl,
  encryptUrl,
  parseKeyRing,
  reencrypt,
  storedKeyId,
  type KeyRing,
} from '../../src/tenancy/encryption.js';

const PASSWORD = 'S3cret-pa55word';
const URL = `postgres://tenant_owner:${PASSWORD}@db-eu-7.internal.example:5433/acme_prod?sslmode=require`;
const TENANT = '0193b3c4-0000-7000-8000-00000000000a';
const OTHER_TENANT = '0193b3c4-0000-7000-8000-00000000000b';

const keyText = (id: string, bytes = randomBytes(32)) => `${id}:${bytes.toString('base64')}`;
const k1 = keyText('k1');
const k2 = keyText('k2');

/** Every string an error could show: message, stack and the whole `cause` chain (message, stack, own fields). */
function everythingPrinted(error: unknown): string {
  const seen: string[] = [];
  for (let current = error, depth = 0; current !== undefined && depth < 10; depth++) {
    if (!(current instanceof Error)) {
      seen.push(String(current));
      break;
    }
    seen.push(current.message, current.stack ?? '', JSON.stringify({ ...current }));
    current = current.cause;
  }
  return seen.join('\n');
}

/** The secret parts of URL: none of them may appear anywhere in an error. */
const urlPieces = [URL, PASSWORD, 'tenant_owner', 'db-eu-7.internal.example', 'acme_prod', 'sslmode'];

function placementKeyError(run: () => unknown, problem: PlacementKeyProblem, tenantId = TENANT): PlacementKeyError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PlacementKeyError);
  const error = caught as PlacementKeyError;
  expect(error).toMatchObject({ problem, tenantId, code: 'invalid_config' });
  expect(error.message).toContain(tenantId);
  const printed = everythingPrinted(error);
  for (const piece of urlPieces) expect(printed).not.toContain(piece);
  return error;
}

/** Flips one bit of one base64url field of a stored value, keeping it well-formed. */
function tamper(stored: string, field: 2 | 3, byte: number): string {
  const parts = stored.split('.');
  const bytes = Buffer.from(parts[field]!, 'base64url');
  bytes[byte < 0 ? bytes.length + byte : byte]! ^= 0x01;
  parts[field] = bytes.toString('base64url');
  return parts.join('.');
}

describe('tenant URL encryption (AES-256-GCM, key ring from DATABASE_ENCRYPTION_KEY)', () => {
  const ring = parseKeyRing(k1);

  it('round-trips, with a fresh IV each time, in the documented v1.<keyId>.<iv>.<ciphertext> form', () => {
    const first = encryptUrl(ring, TENANT, URL);
    const second = encryptUrl(ring, TENANT, URL);
    expect(first).toMatch(/^v1\.k1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(PASSWORD);
    expect(decryptUrl(ring, TENANT, first)).toBe(URL);
    expect(decryptUrl(ring, TENANT, second)).toBe(URL);
    expect(storedKeyId(first)).toBe('k1');
    expect(decryptUrl(ring, TENANT, encryptUrl(ring, TENANT, 'pglite://.data/tenants/ü'))).toBe(
      'pglite://.data/tenants/ü',
    );
  });

  it('reads DATABASE_ENCRYPTION_KEY through the env module as an optional string', () => {
    expect(parseEnv({}).DATABASE_ENCRYPTION_KEY).toBeUndefined();
    const text = parseEnv({ DATABASE_ENCRYPTION_KEY: `${k2},${k1}` }).DATABASE_ENCRYPTION_KEY!;
    expect(parseKeyRing(text).keyIds).toEqual(['k2', 'k1']);
  });

  it('a wrong key under the same id: PlacementKeyError naming tenant and key id, never the URL', () => {
    const stored = encryptUrl(ring, TENANT, URL);
    const error = placementKeyError(() => decryptUrl(parseKeyRing(keyText('k1')), TENANT, stored), 'not_authentic');
    expect(error.keyId).toBe('k1');
    expect(error.message).toContain('"k1"');
    expect(error.cause).toBeInstanceOf(Error);
  });

  it('an unknown key id', () => {
    const stored = encryptUrl(parseKeyRing(keyText('k0')), TENANT, URL);
    const error = placementKeyError(() => decryptUrl(ring, TENANT, stored), 'unknown_key_id');
    expect(error).toMatchObject({ keyId: 'k0' });
    expect(error.message).toContain('"k0"');
  });

  it('no key ring at all', () => {
    const stored = encryptUrl(ring, TENANT, URL);
    placementKeyError(() => decryptUrl(undefined, TENANT, stored), 'missing_key_ring');
    placementKeyError(() => encryptUrl(undefined, TENANT, URL), 'missing_key_ring');
  });

  it.each([
    ['the IV', 2, 0],
    ['the ciphertext', 3, 0],
    ['the tag', 3, -1],
  ] as const)('a flipped bit in %s', (_, field, byte) => {
    const stored = encryptUrl(ring, TENANT, URL);
    const tampered = tamper(stored, field, byte);
    expect(tampered).not.toBe(stored);
    placementKeyError(() => decryptUrl(ring, TENANT, tampered), 'not_authentic');
  });

  it('a relabelled key id, a truncated value and a value that is not one', () => {
    const stored = encryptUrl(parseKeyRing(`${k1},${k2}`), TENANT, URL);
    placementKeyError(
      () => decryptUrl(parseKeyRing(`${k1},${k2}`), TENANT, stored.replace('.k1.', '.k2.')),
      'not_authentic',
    );
    placementKeyError(() => decryptUrl(ring, TENANT, stored.slice(0, 40)), 'malformed');
    // A plaintext URL stored by mistake: the error must not quote any of it (not even as a "key id").
    const error = placementKeyError(() => decryptUrl(ring, TENANT, `v1.${URL}`), 'malformed');
    expect(error.keyId).toBeUndefined();
    placementKeyError(() => decryptUrl(ring, TENANT, URL), 'malformed');
  });

  it('a value copied to another tenant does not decrypt there (the tenant id is the AAD)', () => {
    const stored = encryptUrl(ring, TENANT, URL);
    const error = placementKeyError(() => decryptUrl(ring, OTHER_TENANT, stored), 'not_authentic', OTHER_TENANT);
    expect(error.message).not.toContain(TENANT);
  });

  it('rotation: a prepended key encrypts, the old one still decrypts, reencrypt moves values to the new id', () => {
    const old = encryptUrl(ring, TENANT, URL);
    const rotated: KeyRing = parseKeyRing(`${k2}, ${k1}`);
    expect(rotated.primaryKeyId).toBe('k2');
    expect(decryptUrl(rotated, TENANT, old)).toBe(URL);
    expect(storedKeyId(encryptUrl(rotated, TENANT, URL))).toBe('k2');

    const moved = reencrypt(rotated, TENANT, old);
    expect(storedKeyId(moved)).toBe('k2');
    expect(reencrypt(rotated, TENANT, moved)).toBe(moved);
    // With k1 dropped, the re-encrypted value still reads and the old one names the missing key.
    const newOnly = parseKeyRing(k2);
    expect(decryptUrl(newOnly, TENANT, moved)).toBe(URL);
    placementKeyError(() => decryptUrl(newOnly, TENANT, old), 'unknown_key_id');
    placementKeyError(() => reencrypt(rotated, OTHER_TENANT, old), 'not_authentic', OTHER_TENANT);
  });

  it('the key ring prints no key material', () => {
    const bytes = randomBytes(32);
    const printed = JSON.stringify(parseKeyRing(keyText('kx', bytes))) + String(parseKeyRing(keyText('kx', bytes)));
    expect(printed).not.toContain(bytes.toString('base64'));
    expect(printed).not.toContain(bytes.toString('hex'));
  });
});

describe('parseKeyRing', () => {
  const secretMaterial = randomBytes(32).toString('base64');

  function configError(text: string): ConfigError {
    let caught: unknown;
    try {
      parseKeyRing(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const error = caught as ConfigError;
    expect(error.message).toContain('DATABASE_ENCRYPTION_KEY');
    expect(everythingPrinted(error)).not.toContain(secretMaterial);
    return error;
  }

  it.each([
    ['no key id', `${k1},${secretMaterial}`, 'entry 2 of 2'],
    ['an empty key id', `:${secretMaterial}`, 'entry 1 of 1'],
    ['a key id with a dot', `a.b:${secretMaterial}`, 'entry 1 of 1'],
    ['16 bytes, not 32', `${k1},${k2},k3:${randomBytes(16).toString('base64')}`, 'entry 3 of 3'],
    ['not base64', `k1:${secretMaterial.slice(0, 20)}!!${secretMaterial.slice(22)}`, 'entry 1 of 1'],
    ['a repeated key id', `k1:${secretMaterial},${k1}`, 'entry 2 of 2'],
    ['nothing', ' , ', 'empty'],
  ])('refuses %s and names the entry, not the key', (_, text, where) => {
    expect(configError(text).message).toContain(where);
  });
});
