import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PreparingClient, Transactions } from '@bazaar/platform-database';
import { ConcurrencyConflict } from '@bazaar/shared-kernel';
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
  it('reads the marks and writes the new ones in the unit’s closing statement: a unit of marks alone is two statements', async () => {
    const inbox = new Inbox(transactions, 'platform-test.statements');
    const before = PreparingClient.statementsSent;

    await transactions.run(() => inbox.markNew([anEntry(), anEntry()]));

    expect(PreparingClient.statementsSent - before).toBe(2);
  });

  it('leaves out what the same unit marked already, in another run of its events', async () => {
    const inbox = new Inbox(transactions, 'platform-test.same-unit');
    const [first, second] = [anEntry(), anEntry()];

    const fresh = await transactions.run(async () => [await inbox.markNew([first]), await inbox.markNew([first, second])]);

    expect(fresh).toEqual([[first], [second]]);
    expect(await inbox.markNew([first, second])).toEqual([]);
  });

  it('fails the unit, writing nothing, when another marked the same event after it read the marks', async () => {
    const inbox = new Inbox(transactions, 'platform-test.race');
    const [contested, other] = [anEntry(), anEntry()];
    let bothLookedNew = false;

    const failure = await transactions
      .run(async (manager) => {
        const fresh = await inbox.markNew([contested, other]);
        // Another replica, handed the same event by a rebalance, marks it and commits first.
        await new Inbox(new Transactions(dataSource), 'platform-test.race').markNew([contested]);
        await manager.query('SELECT 1');
        bothLookedNew = fresh.length === 2;
      })
      .catch((error: unknown) => error);

    expect(bothLookedNew).toBe(true);
    expect(failure).toBeInstanceOf(ConcurrencyConflict);
    // Tried again, the contested event is a redelivery and the other one is still new.
    expect(await inbox.markNew([contested, other])).toEqual([other]);
  });
});
