import { randomUUID } from 'node:crypto';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { EventHeaders } from '@bazaar/published-language';
import {
  createTestDatabase, createTestTopics, deleteTestTopics, eventually, TestDatabase, testKafka, TopicTap, uniqueName,
} from '@bazaar/platform-testing';
import { createRelayProducer } from '../kafka/kafka-client';
import { runInMessageContext } from '../message-context';
import { migratedDataSource, RecordingLogger, testContract } from '../testing/fixtures';
import { Outbox } from './outbox';
import { OutboxRelay } from './outbox-relay';

interface Received {
  key: string;
  eventId: string;
  sequence: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

describe('OutboxRelay (real PostgreSQL and Kafka)', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let topic: string;
  let tap: TopicTap;
  const received = (): Received[] =>
    tap.messages.map((message) => {
      const body = message.body as { id: string; data: { sequence: number } };
      return { key: message.key!, eventId: body.id, sequence: body.data.sequence, headers: message.headers, body: body as never };
    });
  const relays: OutboxRelay[] = [];
  const producers: { disconnect(): Promise<void> }[] = [];

  const outbox = new Outbox('platform-test');
  const contract = () => testContract(topic);

  async function startRelay(): Promise<OutboxRelay> {
    const producer = createRelayProducer(kafka);
    await producer.connect();
    producers.push(producer);
    const relay = new OutboxRelay({
      dataSource, databaseUrl: db.url, producer, lockKey: 4242, batchSize: 50,
      pollIntervalMs: 200, retentionHours: 24, logger: new RecordingLogger(),
    });
    await relay.start();
    relays.push(relay);
    return relay;
  }

  async function append(thingId: string, sequences: number[]): Promise<void> {
    await new Transactions(dataSource).run((manager) =>
      outbox.append(manager, sequences.map((sequence) => ({ contract: contract(), data: { thingId, sequence }, aggregateId: thingId, occurredAt: new Date() }))),
    );
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db.url);
    kafka = testKafka();
    [topic] = (await createTestTopics(kafka, ['platform.relay'], 3)) as [string];
    tap = await TopicTap.start(kafka, topic, uniqueName('relay-test'));
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((relay) => relay.stop()));
    await Promise.all(producers.splice(0).map((producer) => producer.disconnect()));
  });

  afterAll(async () => {
    await tap.stop();
    await dataSource.destroy();
    await db.drop();
    await deleteTestTopics(kafka, [topic]);
  });

  it('publishes committed events in order per aggregate, with the envelope in headers, and marks them published', async () => {
    await startRelay();
    const thing = randomUUID();
    await runInMessageContext(
      { correlationId: 'corr-1', causationId: 'cause-1', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', tracestate: null },
      () => append(thing, [1, 2, 3, 4, 5]),
    );

    const mine = await eventually(() => {
      const events = received().filter((r) => r.key === thing);
      expect(events).toHaveLength(5);
      return events;
    });
    expect(mine.map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5]);
    expect(mine[0]!.headers[EventHeaders.type]).toBe('platform.thing-happened.v1');
    expect(mine[0]!.headers[EventHeaders.id]).toBe(mine[0]!.eventId);
    expect(mine[0]!.headers[EventHeaders.correlationId]).toBe('corr-1');
    expect(mine[0]!.headers[EventHeaders.causationId]).toBe('cause-1');
    expect(mine[0]!.headers[EventHeaders.traceparent]).toMatch(/^00-0af7651916cd43dd8448eb211c80319c-[0-9a-f]{16}-01$/);
    await eventually(async () => {
      const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      expect(row.n).toBe(0);
    });
  });

  it('never publishes events of a transaction that rolled back', async () => {
    await startRelay();
    const rolledBack = randomUUID();
    const committed = randomUUID();
    await expect(
      new Transactions(dataSource).run(async (manager) => {
        await outbox.append(manager, [{ contract: contract(), data: { thingId: rolledBack, sequence: 1 }, aggregateId: rolledBack, occurredAt: new Date() }]);
        throw new Error('the aggregate could not be saved');
      }),
    ).rejects.toThrow('could not be saved');
    await append(committed, [1]);

    // The committed event was written after the rolled-back one, so once it arrives the other had its chance.
    await eventually(() => expect(received().some((r) => r.key === committed)).toBe(true));
    expect(received().some((r) => r.key === rolledBack)).toBe(false);
  });

  it('refuses an event whose data breaks its own contract, so nothing invalid is ever written', async () => {
    const thing = randomUUID();
    await expect(
      new Transactions(dataSource).run((manager) =>
        outbox.append(manager, [{ contract: contract(), data: { thingId: thing, sequence: 'one' } as never, aggregateId: thing, occurredAt: new Date() }]),
      ),
    ).rejects.toThrow();
    const [row] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1', [thing]);
    expect(row.n).toBe(0);
  });

  it('with two replicas relaying, publishes each event once and keeps per-aggregate order', async () => {
    await Promise.all([startRelay(), startRelay()]);
    const things: string[] = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all(things.map((thing) => append(thing, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10])));

    await eventually(() => expect(received().filter((r) => things.includes(r.key))).toHaveLength(200), { timeoutMs: 30_000 });
    const mine = received().filter((r) => things.includes(r.key));
    expect(new Set(mine.map((r) => r.eventId)).size).toBe(200);
    for (const thing of things) {
      expect(mine.filter((r) => r.key === thing).map((r) => r.sequence)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    }
  });

  it('keeps events that could not be sent and publishes them once the relay runs again', async () => {
    const thing = randomUUID();
    await append(thing, [1, 2]);
    const [pending] = await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE message_key = $1 AND published_at IS NULL', [thing]);
    expect(pending.n).toBe(2);

    await startRelay();
    await eventually(() => expect(received().filter((r) => r.key === thing).map((r) => r.sequence)).toEqual([1, 2]));
  });
});
