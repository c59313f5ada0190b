import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Envelope encryption for personal data, with AES-256-GCM from node:crypto:
 * - each buyer has a random 256-bit **data key**; their personal fields are sealed with it;
 * - the data key is stored only **wrapped** by a key-encryption key (KEK) from configuration, and
 *   the wrapped form names the KEK's id, so KEKs rotate: new wraps use the newest, old wraps stay
 *   readable while their KEK is configured, and `rewrap` moves one to the newest;
 * - deleting a buyer's wrapped data key makes every copy of what was sealed with it unreadable
 *   (crypto-shredding), wherever the copies are.
 * Every ciphertext is bound to its purpose (`aad`: the buyer and the field, say), so a sealed value
 * cannot be moved to another buyer's row and still open.
 */

const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEK_ID = /^[A-Za-z0-9_-]{1,32}$/;
const FORMAT = 'v1';

export interface KeyEncryptionKey {
  readonly id: string;
  readonly key: Buffer;
}

export class PersonalDataKeyError extends Error {
  override readonly name = 'PersonalDataKeyError';
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');
const fromB64 = (text: string) => Buffer.from(text, 'base64url');

function encrypt(key: Buffer, plaintext: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [b64(iv), b64(ciphertext), b64(cipher.getAuthTag())].join('.');
}

function decrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, ciphertext, tag, ...rest] = sealed.split('.');
  if (!iv || ciphertext === undefined || !tag || rest.length > 0) throw new PersonalDataKeyError('not a sealed value');
  const decipher = createDecipheriv(ALGORITHM, key, fromB64(iv), { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(fromB64(tag));
  try {
    return Buffer.concat([decipher.update(fromB64(ciphertext)), decipher.final()]);
  } catch {
    throw new PersonalDataKeyError('the sealed value does not open with this key and purpose (tampered, or another key)');
  }
}

/** Seals `plaintext` with a buyer's data key, for `aad` (what it is and whose). */
export function sealWith(dataKey: Buffer, plaintext: string, aad: string): string {
  return `${FORMAT}.${encrypt(dataKey, Buffer.from(plaintext, 'utf8'), aad)}`;
}

/** Opens what {@link sealWith} sealed; throws {@link PersonalDataKeyError} on any mismatch. */
export function openWith(dataKey: Buffer, sealed: string, aad: string): string {
  if (!sealed.startsWith(`${FORMAT}.`)) throw new PersonalDataKeyError('unknown sealed format');
  return decrypt(dataKey, sealed.slice(FORMAT.length + 1), aad).toString('utf8');
}

/**
 * A data key's id, as sealed values on a topic name it: the first 128 bits of HMAC-SHA256 keyed by
 * the data key itself, base64url. Stable across KEK rotations (the key does not change), different
 * for a buyer's new key after an erasure, and revealing nothing of the key.
 */
export function dataKeyId(dataKey: Buffer): string {
  return createHmac('sha256', dataKey).update('bazaar data key id').digest().subarray(0, 16).toString('base64url');
}

/** The configured KEKs, oldest first; the last one wraps every new data key. */
export class KeyRing {
  readonly #keks: ReadonlyMap<string, Buffer>;
  readonly currentId: string;

  constructor(keks: readonly KeyEncryptionKey[]) {
    if (keks.length === 0) throw new PersonalDataKeyError('no key-encryption key configured');
    const byId = new Map<string, Buffer>();
    for (const { id, key } of keks) {
      if (!KEK_ID.test(id)) throw new PersonalDataKeyError(`key-encryption key id ${JSON.stringify(id)} is not [A-Za-z0-9_-]{1,32}`);
      if (key.length !== KEY_BYTES) throw new PersonalDataKeyError(`key-encryption key ${id} is ${key.length} bytes, not ${KEY_BYTES}`);
      if (byId.has(id)) throw new PersonalDataKeyError(`key-encryption key ${id} is configured twice`);
      byId.set(id, key);
    }
    this.#keks = byId;
    this.currentId = (keks[keks.length - 1] as KeyEncryptionKey).id;
  }

  /** `id:base64key,id:base64key` (oldest first), as PERSONAL_DATA_KEKS holds it. */
  static parse(setting: string): KeyRing {
    return new KeyRing(
      setting
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
        .map((entry) => {
          const colon = entry.indexOf(':');
          if (colon < 1) throw new PersonalDataKeyError('each key-encryption key is id:base64');
          return { id: entry.slice(0, colon), key: Buffer.from(entry.slice(colon + 1), 'base64') };
        }),
    );
  }

  /** A fresh data key for a buyer, and its wrapped form to store (bound to `owner`, the buyer's id). */
  newDataKey(owner: string): { readonly dataKey: Buffer; readonly wrapped: string } {
    const dataKey = randomBytes(KEY_BYTES);
    return { dataKey, wrapped: this.wrap(dataKey, owner) };
  }

  wrap(dataKey: Buffer, owner: string): string {
    const kek = this.#keks.get(this.currentId) as Buffer;
    return `${this.currentId}.${encrypt(kek, dataKey, `data-key:${owner}`)}`;
  }

  unwrap(wrapped: string, owner: string): Buffer {
    const dot = wrapped.indexOf('.');
    const kek = dot > 0 ? this.#keks.get(wrapped.slice(0, dot)) : undefined;
    if (!kek) throw new PersonalDataKeyError(`data key wrapped by an unknown key-encryption key (${wrapped.slice(0, Math.max(dot, 0))})`);
    return decrypt(kek, wrapped.slice(dot + 1), `data-key:${owner}`);
  }

  /** The KEK id a wrapped data key names. */
  static wrappedBy(wrapped: string): string {
    return wrapped.slice(0, Math.max(wrapped.indexOf('.'), 0));
  }

  /** Rotation: the same data key, wrapped by the newest KEK (what was sealed with it still opens). */
  rewrap(wrapped: string, owner: string): string {
    return KeyRing.wrappedBy(wrapped) === this.currentId ? wrapped : this.wrap(this.unwrap(wrapped, owner), owner);
  }
}
