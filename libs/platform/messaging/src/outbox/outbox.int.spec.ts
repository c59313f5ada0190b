import { DataSource } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { createTestDatabase, TestDatabase } from '@bazaar/platform-testing';
import { MessageContext, runForMessages, runInMessageContext } from '../message-context';
import { migratedDataSource, testContract } from '../testing/fixtures';
import { Outbox, OutgoingEvent } from './outbox';

describe('Outbox (real PostgreSQL)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const outbox = new Outbox('platform-test');
  const contract = testContract('platform.outbox');
  const anEvent = (thingId: string, sequence = 1): OutgoingEvent => ({ contract, data: { thingId, sequence }, aggregateId: thingId, occurredAt: new Date() });
  const message = (id: string): MessageContext => ({
    correlationId: `correlation-${id}`,
    causationId: id,
    traceparent: `00-${id.padStart(32, '0')}-00000000000000aa-01`,
    tracestate: null,
  });
  const written = async (thingIds: string[]) =>
    (await dataSource.query(
      `SELECT payload->>'aggregateId' AS thing, payload->>'causationId' AS cause, payload->>'correlationId' AS correlation,
              payload->>'traceparent' AS trace
         FROM outbox WHERE payload->>'aggregateId' = ANY($1::text[]) ORDER BY position`,
      [thingIds],
    )) as { thing: string; cause: string | null; correlation: string; trace: string }[];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await db?.drop();
  });

  it('writes the events of the message in hand, in the order given, as caused by it', async () => {
    await runInMessageContext(message('1111'), () => new Transactions(dataSource).run((manager) => outbox.append(manager, [anEvent('a-1', 1), anEvent('a-1', 2)])));

    expect(await written(['a-1'])).toEqual([
      { thing: 'a-1', cause: '1111', correlation: 'correlation-1111', trace: expect.stringContaining('0000000000001111') },
      { thing: 'a-1', cause: '1111', correlation: 'correlation-1111', trace: expect.stringContaining('0000000000001111') },
    ]);
  });

  it('writes the events of many messages in one statement, each caused by the message runForMessages names for it', async () => {
    const causes = new Map([
      ['b-1', message('2222')],
      ['b-2', message('3333')],
    ]);
    const statements: string[] = [];
    await new Transactions(dataSource).run((manager) => {
      const query = manager.query.bind(manager);
      manager.query = (sql: string, parameters?: unknown[]) => {
        statements.push(sql);
        return query(sql, parameters);
      };
      return runForMessages(
        (event) => causes.get(event.aggregateId),
        () => outbox.append(manager, [anEvent('b-1'), anEvent('b-2'), anEvent('b-3')]),
      );
    });

    expect(statements).toHaveLength(1);
    expect(await written(['b-1', 'b-2', 'b-3'])).toEqual([
      // The cause's own span (its consumer's), not whatever span is active when the batch is written.
      { thing: 'b-1', cause: '2222', correlation: 'correlation-2222', trace: message('2222').traceparent },
      { thing: 'b-2', cause: '3333', correlation: 'correlation-3333', trace: message('3333').traceparent },
      // Named by none of them: an event of its own, as outside any message.
      { thing: 'b-3', cause: null, correlation: expect.any(String), trace: expect.any(String) },
    ]);
  });
});
