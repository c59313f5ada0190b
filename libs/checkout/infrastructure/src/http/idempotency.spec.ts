import { fingerprintOf, idempotentRequest } from './idempotency';

describe('Idempotency-Key header', () => {
  it('fingerprints the same body identically whatever its key order', () => {
    const one = { buyerId: 'b', shippingAddress: { city: 'London', name: 'Ada' }, lines: [{ sku: 'A', quantity: 1 }] };
    const other = { lines: [{ quantity: 1, sku: 'A' }], shippingAddress: { name: 'Ada', city: 'London' }, buyerId: 'b' };

    expect(fingerprintOf(one)).toBe(fingerprintOf(other));
  });

  it('fingerprints different bodies differently, line order included', () => {
    const lines = [{ sku: 'A' }, { sku: 'B' }];

    expect(fingerprintOf({ lines })).not.toBe(fingerprintOf({ lines: [...lines].reverse() }));
    expect(fingerprintOf({ buyerId: 'a' })).not.toBe(fingerprintOf({ buyerId: 'b' }));
  });

  it('is optional', () => {
    expect(idempotentRequest(undefined, {}, 'buyer-7')).toBeUndefined();
  });

  it('keys a request in its caller’s scope', () => {
    expect(idempotentRequest('k-1', {}, 'buyer-7')).toMatchObject({ scope: 'buyer-7', key: 'k-1' });
    expect(idempotentRequest('k-1', {}, 'buyer-8')).toMatchObject({ scope: 'buyer-8', key: 'k-1' });
  });

  it.each(['with space', 'tab\there', 'caf\u00e9', 'nul\u0000'])('refuses a key outside visible ASCII: %j', (key) => {
    expect(() => idempotentRequest(key, {}, 'buyer-7')).toThrow(/Idempotency-Key/);
  });

  it('accepts up to 200 characters and refuses longer or empty keys', () => {
    expect(idempotentRequest('k'.repeat(200), {}, 'buyer-7')?.key).toHaveLength(200);
    expect(() => idempotentRequest('k'.repeat(201), {}, 'buyer-7')).toThrow(/Idempotency-Key/);
    expect(() => idempotentRequest('', {}, 'buyer-7')).toThrow(/Idempotency-Key/);
  });
});
