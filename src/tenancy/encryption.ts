import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import { ConfigError } from '../errors/classes.js';
import { PlacementKeyError } from '../errors/tenancy.js';

// A placed tenant's connection URL at rest: AES-256-GCM under a key from DATABASE_ENCRYPTION_KEY, stored as
//
//   v1.<keyId>.<iv>.<ciphertext and 16-byte tag>        (iv: 12 random bytes; both base64url, no padding)
//
// The additional authenticated data binds the value to its tenant ("tenant-url:v1:<tenantId>"), so a value copied
// into another tenant's row does not decrypt there. The key id lets keys rotate: prepend a new key to the ring (it
// encrypts from then on), re-encrypt every stored value (`reencrypt`), then drop the old key.
//
// A key: node -e "console.log('k1:'+require('crypto').randomBytes(32).toString('base64'))"

const ENV_NAME = 'DATABASE_ENCRYPTION_KEY';
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The keys of DATABASE_ENCRYPTION_KEY. The key bytes stay inside (a `KeyObject` prints no material). */
export class KeyRing {
  readonly #keys: ReadonlyMap<string, KeyObject>;
  /** The key that encrypts: the first entry. */
  readonly primaryKeyId: string;

  constructor(keys: ReadonlyMap<string, KeyObject>) {
    const [first] = keys.keys();
    if (first === undefined) throw new ConfigError(`${ENV_NAME} has no key.`);
    this.#keys = keys;
    this.primaryKeyId = first;
  }

  get keyIds(): string[] {
    return [...this.#keys.keys()];
  }

  key(keyId: string): KeyObject | undefined {
    return this.#keys.get(keyId);
  }
}

/**
 * Parses `<keyId>:<base64 of 32 bytes>[,<keyId>:<base64>...]`. A bad entry throws a `ConfigError` naming the
 * variable and the entry's position, never its text (a malformed entry may be a key).
 */
export function parseKeyRing(text: string): KeyRing {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new ConfigError(`${ENV_NAME} is empty: expected <keyId>:<base64 of 32 bytes>.`);
  const keys = new Map<string, KeyObject>();
  entries.forEach((entry, index) => {
    const where = `${ENV_NAME} entry ${index + 1} of ${entries.length}`;
    const colon = entry.indexOf(':');
    const keyId = entry.slice(0, colon);
    const material = entry.slice(colon + 1);
    if (colon < 0 || !KEY_ID.test(keyId)) {
      throw new ConfigError(`${where}: expected <keyId>:<base64>, the key id being 1-32 of A-Z a-z 0-9 _ -.`);
    }
    const bytes = BASE64.test(material) ? Buffer.from(material, 'base64') : null;
    if (bytes?.length !== KEY_BYTES) {
      throw new ConfigError(`${where} (key id "${keyId}"): the key must be the base64 of exactly ${KEY_BYTES} bytes.`);
    }
    if (keys.has(keyId)) throw new ConfigError(`${where}: key id "${keyId}" appears twice.`);
    keys.set(keyId, createSecretKey(bytes));
  });
  return new KeyRing(keys);
}

const aad = (tenantId: string) => Buffer.from(`tenant-url:${VERSION}:${tenantId}`, 'utf8');

function ringOrThrow(ring: KeyRing | undefined, tenantId: string): KeyRing {
  if (!ring) throw new PlacementKeyError(tenantId, undefined, 'missing_key_ring');
  return ring;
}

function checkTenant(tenantId: string): void {
  if (tenantId === '') throw new TypeError('tenantId is empty: the ciphertext would be bound to no tenant');
}

/** Encrypts `url` for `tenantId` with the ring's first key. */
export function encryptUrl(ring: KeyRing | undefined, tenantId: string, url: string): string {
  checkTenant(tenantId);
  const keys = ringOrThrow(ring, tenantId);
  const keyId = keys.primaryKeyId;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.key(keyId)!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(tenantId));
  const sealed = Buffer.concat([cipher.update(url, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, keyId, iv.toString('base64url'), sealed.toString('base64url')].join('.');
}

interface Sealed {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** The parts of a stored value; `null` when it is not one (the caller must not echo any part of it). */
function unpack(stored: string): Sealed | null {
  const parts = stored.split('.');
  if (parts.length !== 4) return null;
  const [version, keyId, iv, sealed] = parts as [string, string, string, string];
  if (version !== VERSION || !KEY_ID.test(keyId) || !BASE64URL.test(iv) || !BASE64URL.test(sealed)) return null;
  const ivBytes = Buffer.from(iv, 'base64url');
  const sealedBytes = Buffer.from(sealed, 'base64url');
  if (ivBytes.length !== IV_BYTES || sealedBytes.length < TAG_BYTES) return null;
  return {
    keyId,
    iv: ivBytes,
    ciphertext: sealedBytes.subarray(0, sealedBytes.length - TAG_BYTES),
    tag: sealedBytes.subarray(sealedBytes.length - TAG_BYTES),
  };
}

function unpackOrThrow(stored: string, tenantId: string): Sealed {
  const sealed = unpack(stored);
  if (!sealed) throw new PlacementKeyError(tenantId, undefined, 'malformed');
  return sealed;
}

/** Decrypts a value `encryptUrl` made for this same tenant. Every failure is a `PlacementKeyError`. */
export function decryptUrl(ring: KeyRing | undefined, tenantId: string, stored: string): string {
  checkTenant(tenantId);
  const keys = ringOrThrow(ring, tenantId);
  const sealed = unpackOrThrow(stored, tenantId);
  const key = keys.key(sealed.keyId);
  if (!key) throw new PlacementKeyError(tenantId, sealed.keyId, 'unknown_key_id');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(tenantId));
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  } catch (error) {
    throw new PlacementKeyError(tenantId, sealed.keyId, 'not_authentic', { cause: error });
  }
}

/** The key id a stored value names, or `undefined` when it is not a stored value. */
export function storedKeyId(stored: string): string | undefined {
  return unpack(stored)?.keyId;
}

/**
 * The value under the ring's first key: `stored` itself when it already is (after checking it decrypts), else a
 * fresh encryption. Compare the result with `stored` to know whether the row needs writing.
 */
export function reencrypt(ring: KeyRing | undefined, tenantId: string, stored: string): string {
  const url = decryptUrl(ring, tenantId, stored);
  if (unpack(stored)?.keyId === ring!.primaryKeyId) return stored;
  return encryptUrl(ring, tenantId, url);
}
