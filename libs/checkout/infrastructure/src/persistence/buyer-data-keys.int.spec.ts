import { randomUUID } from 'node:crypto';
import { ephemeralKeyRing } from '@bazaar/platform-service';
import { createMigratedTestDatabase, MigratedTestDatabase } from '@bazaar/platform-service/testing';
import { eventually } from '@bazaar/platform-testing';
import { BuyerDataKeys } from './buyer-data-keys';
import { checkoutMigrations } from './migrations';

jest.setTimeout(30_000);

describe('BuyerDataKeys (real PostgreSQL)', () => {
  let database: MigratedTestDatabase;
  const keys = new BuyerDataKeys(ephemeralKeyRing());

  beforeAll(async () => {
    database = await createMigratedTestDatabase(checkoutMigrations);
  });

  afterAll(async () => {
    await database?.drop();
  });

  const forWriting = (buyerId: string) => database.dataSource.transaction((manager) => keys.forWriting(manager, buyerId));
  const keyRows = (buyerId: string) => database.dataSource.query('SELECT buyer_id FROM buyer_keys WHERE buyer_id = $1', [buyerId]);

  it('creates a buyer’s key once and answers the same key from then on', async () => {
    const buyer = `buyer-${randomUUID()}`;

    const created = await forWriting(buyer);
    const again = await forWriting(buyer);

    expect(again.equals(created)).toBe(true);
    expect(await keyRows(buyer)).toHaveLength(1);
  });

  it('gives two concurrent first orders of a buyer the same key: the second waits for the first and reads the key it committed', async () => {
    const buyer = `buyer-${randomUUID()}`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let firstCreated!: () => void;
    const created = new Promise<void>((resolve) => (firstCreated = resolve));
    const first = database.dataSource.transaction(async (manager) => {
      const key = await keys.forWriting(manager, buyer);
      firstCreated();
      await held;
      return key;
    });
    await created;

    const second = forWriting(buyer);
    await eventually(async () => {
      const [row] = await database.dataSource.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO buyer_keys%'",
      );
      expect(row).toEqual({ n: 1 });
    });
    release();

    const [firstKey, secondKey] = await Promise.all([first, second]);
    expect(secondKey.equals(firstKey)).toBe(true);
    expect(await keyRows(buyer)).toHaveLength(1);
  });
});
