import { z } from 'zod';
import { keyRingOf, personalDataKeksSetting } from './key-ring-setting';

const kek = (byte: number) => Buffer.alloc(32, byte).toString('base64');
const schema = z.object({ PERSONAL_DATA_KEKS: personalDataKeksSetting });

describe('PERSONAL_DATA_KEKS', () => {
  it('accepts id:base64key pairs, oldest first, and wraps new keys with the last', () => {
    const setting = schema.parse({ PERSONAL_DATA_KEKS: `old:${kek(1)},new:${kek(2)}` }).PERSONAL_DATA_KEKS;

    expect(keyRingOf(setting).currentId).toBe('new');
  });

  it.each([
    ['a short key', `k1:${Buffer.alloc(16).toString('base64')}`, /16 bytes, not 32/],
    ['an id used twice', `k1:${kek(1)},k1:${kek(2)}`, /configured twice/],
    ['an entry without an id', kek(1), /id:base64/],
    ['an id with a dot', `k.1:${kek(1)}`, /is not \[A-Za-z0-9_-\]/],
  ])('refuses %s, saying why', (_case, value, reason) => {
    const result = schema.safeParse({ PERSONAL_DATA_KEKS: value });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ['PERSONAL_DATA_KEKS'], message: expect.stringMatching(reason) });
  });

  it('unset, gives this process its own random KEK: what one such ring wraps, another cannot open', () => {
    const one = keyRingOf(undefined);
    const other = keyRingOf('  ');
    const { wrapped } = one.newDataKey('buyer-1');

    expect([one.currentId, other.currentId]).toEqual(['ephemeral', 'ephemeral']);
    expect(() => other.unwrap(wrapped, 'buyer-1')).toThrow(/does not open/);
  });
});
