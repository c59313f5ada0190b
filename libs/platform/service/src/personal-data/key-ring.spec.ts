import { randomBytes } from 'node:crypto';
import { dataKeyId, KeyRing, openWith, PersonalDataKeyError, sealWith } from './key-ring';

const kek = (id: string) => ({ id, key: randomBytes(32) });

describe('envelope encryption of personal data', () => {
  const address = JSON.stringify({ name: 'Ada Lovelace', line1: "12 St James's Square", city: 'London', postalCode: 'SW1Y 4JH', country: 'GB' });

  it('seals a value so that only the buyer’s data key, for the same purpose, opens it', () => {
    const ring = new KeyRing([kek('2026-01')]);
    const { dataKey } = ring.newDataKey('buyer-1');
    const sealed = sealWith(dataKey, address, 'buyer-1/shipping-address');

    expect(sealed).not.toContain('Lovelace');
    expect(openWith(dataKey, sealed, 'buyer-1/shipping-address')).toBe(address);
    expect(() => openWith(dataKey, sealed, 'buyer-2/shipping-address')).toThrow(PersonalDataKeyError);
    expect(() => openWith(ring.newDataKey('buyer-1').dataKey, sealed, 'buyer-1/shipping-address')).toThrow(PersonalDataKeyError);
  });

  it('refuses a tampered ciphertext', () => {
    const { dataKey } = new KeyRing([kek('k1')]).newDataKey('buyer-1');
    const [format, iv, ciphertext, tag] = sealWith(dataKey, address, 'aad').split('.') as [string, string, string, string];
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] = (flipped[0] as number) ^ 1;
    expect(() => openWith(dataKey, [format, iv, flipped.toString('base64url'), tag].join('.'), 'aad')).toThrow(PersonalDataKeyError);
  });

  it('seals the same value differently each time (a random IV per seal)', () => {
    const { dataKey } = new KeyRing([kek('k1')]).newDataKey('buyer-1');
    expect(sealWith(dataKey, address, 'aad')).not.toBe(sealWith(dataKey, address, 'aad'));
  });

  it('wraps data keys with the newest KEK, keeps older wraps readable, and rewraps them on rotation', () => {
    const old = kek('2025-12');
    const before = new KeyRing([old]);
    const { dataKey, wrapped } = before.newDataKey('buyer-1');
    const sealed = sealWith(dataKey, address, 'buyer-1/shipping-address');

    const rotated = new KeyRing([old, kek('2026-06')]);
    expect(KeyRing.wrappedBy(wrapped)).toBe('2025-12');
    expect(KeyRing.wrappedBy(rotated.newDataKey('buyer-2').wrapped)).toBe('2026-06');
    expect(openWith(rotated.unwrap(wrapped, 'buyer-1'), sealed, 'buyer-1/shipping-address')).toBe(address);

    const rewrapped = rotated.rewrap(wrapped, 'buyer-1');
    expect(KeyRing.wrappedBy(rewrapped)).toBe('2026-06');
    expect(rotated.unwrap(rewrapped, 'buyer-1')).toEqual(dataKey);
    expect(rotated.rewrap(rewrapped, 'buyer-1')).toBe(rewrapped);
  });

  it('cannot unwrap once the KEK is retired, nor a key wrapped for another buyer', () => {
    const first = kek('k1');
    const { wrapped } = new KeyRing([first]).newDataKey('buyer-1');
    expect(() => new KeyRing([kek('k2')]).unwrap(wrapped, 'buyer-1')).toThrow(/unknown key-encryption key \(k1\)/);
    expect(() => new KeyRing([first]).unwrap(wrapped, 'buyer-2')).toThrow(PersonalDataKeyError);
  });

  it('reads KEKs from configuration, oldest first, refusing what is not a 256-bit key', () => {
    const [a, b] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    expect(KeyRing.parse(`2025-12:${a}, 2026-06:${b}`).currentId).toBe('2026-06');
    expect(() => KeyRing.parse(`short:${randomBytes(16).toString('base64')}`)).toThrow(/16 bytes, not 32/);
    expect(() => KeyRing.parse(`k:${a},k:${b}`)).toThrow(/configured twice/);
    expect(() => KeyRing.parse('')).toThrow(/no key-encryption key/);
    expect(() => KeyRing.parse(a)).toThrow(/id:base64/);
  });

  it('names a data key by a fingerprint: the same key (whatever wraps it) the same id, another key another', () => {
    const ring = new KeyRing([{ id: 'k1', key: randomBytes(32) }]);
    const { dataKey } = ring.newDataKey('buyer-1');
    const sharing = new KeyRing([{ id: 'share', key: randomBytes(32) }]);

    expect(dataKeyId(sharing.unwrap(sharing.wrap(dataKey, 'buyer-1'), 'buyer-1'))).toBe(dataKeyId(dataKey));
    expect(dataKeyId(ring.newDataKey('buyer-1').dataKey)).not.toBe(dataKeyId(dataKey));
    expect(dataKeyId(dataKey)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(dataKeyId(dataKey)).not.toContain(dataKey.toString('base64url').slice(0, 8));
  });
});
