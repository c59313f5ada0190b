import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { createTestDatabase, TestDatabase } from '@bazaar/platform-testing';
import { childTraceparent, MessageContext, runInMessageContext } from '../message-context';
import { migratedDataSource, testContract } from '../testing/fixtures';
import { Outbox } from './outbox';

describe('The outbox (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let transactions: Transactions;
  const outbox = new Outbox('platform-test');
  const event = (thingId: string, sequence: number) => ({ contract: testContract('platform.outbox'), data: { thingId, sequence }, aggregateId: thingId, occurredAt: new Date() });
  const contextOf = (name: string): MessageContext => ({
    correlationId: `correlation-${name}`,
    causationId: randomUUID(),
    traceparent: childTraceparent(undefined),
    tracestate: null,
  });
  const rowsOf = async (thingId: string) =>
    (await dataSource.query(`SELECT payload FROM outbox WHERE message_key = $1 ORDER BY position`, [thingId])) as {
      payload: { data: { sequence: number }; correlationId: string; causationId: string | null; traceparent: string };
    }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db);
    transactions = new Transactions(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('appends events of several causes in one statement, each with the correlation, causation and trace of its own', async () => {
    const thingId = randomUUID();
    const [first, second] = [contextOf('first'), contextOf('second-one')];
    const statements: string[] = [];
    const current = contextOf('current');

    await runInMessageContext(current, () =>
      transactions.run(async (manager) => {
        const counting = new Proxy(manager, {
          get: (target, key) => (key === 'query' ? (sql: string, params: unknown[]) => (statements.push(sql), target.query(sql, params)) : Reflect.get(target, key)),
        });
        await outbox.appendAll(counting, [
          { event: event(thingId, 1), context: first },
          { event: event(thingId, 2), context: second },
          { event: event(thingId, 3), context: first },
          { event: event(thingId, 4), context: undefined },
        ]);
      }),
    );

    expect(statements).toHaveLength(1);
    const rows = await rowsOf(thingId);
    expect(rows.map(({ payload }) => [payload.data.sequence, payload.correlationId, payload.causationId])).toEqual([
      [1, first.correlationId, first.causationId],
      [2, second.correlationId, second.causationId],
      [3, first.correlationId, first.causationId],
      [4, current.correlationId, current.causationId],
    ]);
    expect(rows.slice(0, 3).map(({ payload }) => payload.traceparent)).toEqual([first.traceparent, second.traceparent, first.traceparent]);
  });

  it('appends nothing, and sends no statement, for no events', async () => {
    await transactions.run(async (manager) => {
      const query = jest.spyOn(manager, 'query');
      await outbox.appendAll(manager, []);
      expect(query).not.toHaveBeenCalled();
    });
  });
});
