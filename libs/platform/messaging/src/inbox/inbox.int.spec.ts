import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { createTestDatabase, TestDatabase } from '@bazaar/platform-testing';
import { migratedDataSource } from '../testing/fixtures';
import { Inbox, InboxEntry } from './inbox';

const anEntry = (id: string = randomUUID()): InboxEntry => ({ id, type: 'platform.thing-happened', version: 1 });

describe('The inbox (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let transactions: Transactions;

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db);
    transactions = new Transactions(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('marks many events in one go and returns those not marked before, in order, each once', async () => {
    const inbox = new Inbox(transactions, 'platform-test.many');
    const [seen, first, second] = [anEntry(), anEntry(), anEntry()];
    await inbox.once(seen, async () => undefined);

    const fresh = await inbox.markNew([first, seen, second, { ...first }, anEntry(second.id.toUpperCase())]);

    expect(fresh).toEqual([first, second]);
    expect(await inbox.markNew([first, second])).toEqual([]);
    await expect(inbox.once(second, async () => undefined)).resolves.toBe('duplicate');
  });

  it('leaves no mark when the transaction they were made in rolls back, and keeps consumers apart', async () => {
    const inbox = new Inbox(transactions, 'platform-test.rolled-back');
    const entry = anEntry();

    await expect(
      transactions.run(async () => {
        await inbox.markNew([entry]);
        throw new Error('the effect failed');
      }),
    ).rejects.toThrow('the effect failed');

    expect(await inbox.markNew([entry])).toEqual([entry]);
    expect(await new Inbox(transactions, 'platform-test.another').markNew([entry])).toEqual([entry]);
    expect(await inbox.markNew([])).toEqual([]);
  });
});
