import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ephemeralKeyRing } from '@bazaar/platform-service';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { BuyerDataKeyV1 } from '@bazaar/published-language';
import { supportMigrations } from './migrations';
import { BuyerKeyNews, TypeOrmBuyerDataKeys } from './typeorm-buyer-data-keys';

describe('TypeOrmBuyerDataKeys on PostgreSQL: a run of checkout.buyer-keys applied at once', () => {
  let database: MigratedTestDatabase;
  let keys: TypeOrmBuyerDataKeys;

  beforeAll(async () => {
    database = await createMigratedTestDatabase(supportMigrations);
    keys = new TypeOrmBuyerDataKeys(database.transactions, ephemeralKeyRing());
  });

  afterAll(async () => {
    await database?.drop();
  });

  const keyOf = (buyerId: string, keyId: string = randomUUID()): BuyerKeyNews => ({ buyerId, key: { buyerId, keyId, wrappedKey: `wrapped-${keyId}` } as BuyerDataKeyV1 });
  const tombstoneOf = (buyerId: string): BuyerKeyNews => ({ buyerId, key: null });

  async function heldKeys(buyerIds: string[]): Promise<Record<string, string>> {
    const rows = (await database.transactions.manager.query('SELECT buyer_id, key_id FROM buyer_data_keys WHERE buyer_id = ANY($1::text[])', [buyerIds])) as {
      buyer_id: string;
      key_id: string;
    }[];
    return Object.fromEntries(rows.map((row) => [row.buyer_id, row.key_id]));
  }

  it('ends each buyer as their last news says, in one upsert and one delete for the whole run, as one statement', async () => {
    const buyer = () => `buyer-${randomUUID()}`;
    const [erasedThenNew, newThenErased, heldThenErased, replaced, fresh] = [buyer(), buyer(), buyer(), buyer(), buyer()];
    await keys.apply([keyOf(heldThenErased), keyOf(replaced, 'old')]);
    const query = jest.spyOn(Client.prototype, 'query');

    await database.transactions.run(() =>
      keys.apply([
        keyOf(erasedThenNew, 'first'),
        tombstoneOf(erasedThenNew),
        keyOf(newThenErased, 'short-lived'),
        keyOf(erasedThenNew, 'after-erasure'),
        tombstoneOf(newThenErased),
        tombstoneOf(heldThenErased),
        keyOf(replaced, 'new'),
        keyOf(fresh, 'only'),
      ]),
    );
    const statements = query.mock.calls.map(
      ([statement]) =>
        String(typeof statement === 'string' ? statement : (statement as { text: string }).text)
          .trim()
          .split(/\s+/)[0],
    );
    query.mockRestore();

    expect(statements).toEqual(['WITH']); // the unit's closing statement, without BEGIN and COMMIT
    expect(await heldKeys([erasedThenNew, newThenErased, heldThenErased, replaced, fresh])).toEqual({
      [erasedThenNew]: 'after-erasure',
      [replaced]: 'new',
      [fresh]: 'only',
    });
  });

  it('writes nothing for an empty run of keys, and only the delete for a run of tombstones', async () => {
    const buyer = `buyer-${randomUUID()}`;
    await keys.apply([keyOf(buyer)]);

    await keys.apply([tombstoneOf(buyer), tombstoneOf(`buyer-${randomUUID()}`)]);
    await keys.apply([]);

    expect(await heldKeys([buyer])).toEqual({});
  });
});
