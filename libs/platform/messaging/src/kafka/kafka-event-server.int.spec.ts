import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IHeaders, Kafka, Producer } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { EventEnvelope, EventHeaders } from '@bazaar/published-language';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import { createTestDatabase, createTestTopics, deleteGroups, deleteTestTopics, eventually, TestDatabase, testKafka, TopicTap, uniqueName, withKey } from '@bazaar/platform-testing';
import { Inbox } from '../inbox/inbox';
import { aThingHappened, listening, migratedDataSource, quickRetries, RecordingLogger, thingMessage } from '../testing/fixtures';
import { DeadLetterHeaders } from './dead-letters';
import { inBatchTransaction, KafkaEventServer } from './kafka-event-server';

class ThingRejected extends DomainError {
  readonly code = 'thing_rejected';
  readonly kind = 'invalid' as const;
}

/** What the test handler should do with a thing id; set per test. A failure may be an error thrown or something done to the database. */
const behaviour = new Map<string, { failTimes: number; error?: () => Error; sabotage?: (manager: EntityManager) => Promise<unknown> }>();
const attempts = new Map<string, number>();

let transactions: Transactions;
let inbox: Inbox;

async function onThing(envelope: EventEnvelope<{ thingId: string; sequence: number }>): Promise<void> {
  const { thingId, sequence } = envelope.data;
  attempts.set(thingId, (attempts.get(thingId) ?? 0) + 1);
  const plan = behaviour.get(thingId);
  if (plan && plan.failTimes > 0) {
    plan.failTimes -= 1;
    if (plan.sabotage) await transactions.run(plan.sabotage);
    throw plan.error?.() ?? new Error('the sabotage did not fail the handler');
  }
  await inbox.once(envelope, () =>
    transactions.manager.query('INSERT INTO effects (thing_id, sequence, event_id, transaction_id) VALUES ($1, $2, $3, txid_current())', [thingId, sequence, envelope.id]),
  );
}

@Controller()
class ThingsConsumer {
  @EventPattern('platform.thing-happened.v1')
  onThing(@Payload() envelope: EventEnvelope<{ thingId: string; sequence: number }>) {
    return onThing(envelope);
  }
}

/** The same handler, marked to share a transaction with its neighbours on the partition. */
@Controller()
class BatchedThingsConsumer {
  @EventPattern('platform.thing-happened.v1', inBatchTransaction)
  onThing(@Payload() envelope: EventEnvelope<{ thingId: string; sequence: number }>) {
    return onThing(envelope);
  }
}

// Every delivery rule must hold the same whether a handler has its own transaction or shares one.
describe.each([
  ['a transaction per message', ThingsConsumer],
  ['a transaction shared by consecutive messages', BatchedThingsConsumer],
])('KafkaEventServer with the inbox, %s (real PostgreSQL and Kafka)', (mode, consumer) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let topic: string;
  let deadLetterTopic: string;
  let service: INestMicroservice;
  let server: KafkaEventServer;
  const logger = new RecordingLogger();
  let deadLetters: TopicTap;
  const groupId = uniqueName('things');

  async function produce(key: string, value: string, headers: IHeaders = {}, partition?: number): Promise<void> {
    await producer.send({ topic, acks: -1, messages: [{ key, value, headers, ...(partition === undefined ? {} : { partition }) }] });
  }

  async function produceEvent(envelope: EventEnvelope, partition?: number): Promise<void> {
    await producer.send({ topic, acks: -1, messages: [{ ...thingMessage(topic, envelope), ...(partition === undefined ? {} : { partition }) }] });
  }

  const stalledPartitions = () => server.consumerStatus.snapshot().stalled;

  async function effectsOf(thingId: string): Promise<number[]> {
    const rows: { sequence: number }[] = await dataSource.query('SELECT sequence FROM effects WHERE thing_id = $1 ORDER BY id', [thingId]);
    return rows.map((row) => row.sequence);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db, [
      'CREATE TABLE effects (id bigserial PRIMARY KEY, thing_id text NOT NULL, sequence int NOT NULL, event_id uuid NOT NULL, transaction_id bigint NOT NULL)',
    ]);
    transactions = new Transactions(dataSource);
    inbox = new Inbox(transactions, 'platform-test.things');
    kafka = testKafka();
    [topic, deadLetterTopic] = (await createTestTopics(kafka, ['platform.things', 'platform.dead-letters'], 2)) as [string, string];
    producer = kafka.producer();
    await producer.connect();

    server = new KafkaEventServer({
      kafka,
      groupId,
      topics: [topic],
      deadLetterTopic,
      ...quickRetries,
      partitionsConsumedConcurrently: 2,
      logger,
      batchTransaction: { unitOfWork: transactions, maxMessages: 50 },
    });
    service = await listening(consumer, server);

    deadLetters = await TopicTap.start(kafka, deadLetterTopic, uniqueName('dlt-reader'));
  });

  afterAll(async () => {
    await service?.close();
    await deadLetters?.stop();
    await producer?.disconnect();
    await dataSource?.destroy();
    await db?.drop();
    await deleteGroups(kafka, [groupId]);
    await deleteTestTopics(kafka, [topic, deadLetterTopic]);
  });

  it('applies an event once, even when the same message is delivered again', async () => {
    const thing = randomUUID();
    const event = aThingHappened(thing, 1);
    await produceEvent(event);
    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));

    await produceEvent(event);
    await produceEvent(aThingHappened(thing, 2));
    // The later message on the same partition proves the duplicate before it was handled.
    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 2]));
  });

  it('dead-letters a malformed message with its error and keeps processing the partition', async () => {
    const thing = randomUUID();
    await produce(thing, 'this is not json {');
    await produceEvent(aThingHappened(thing, 1));

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));
    const [parked] = await deadLetters.waitFor(withKey(thing));
    expect(parked!.value).toBe('this is not json {');
    expect(parked!.headers[DeadLetterHeaders.errorType]).toBe('MalformedMessage');
    expect(parked!.headers[DeadLetterHeaders.sourceTopic]).toBe(topic);
    expect(parked!.headers[DeadLetterHeaders.error]).toContain('not JSON');
  });

  it('retries a transient failure with backoff and then applies the event', async () => {
    const thing = randomUUID();
    behaviour.set(thing, { failTimes: 2, error: () => new ConcurrencyConflict('Thing', thing) });
    await produceEvent(aThingHappened(thing, 1));

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));
    expect(attempts.get(thing)).toBe(3);
    expect(deadLetters.matching(withKey(thing))).toEqual([]);
  });

  it('dead-letters a broken rule without retrying it, and moves on', async () => {
    const thing = randomUUID();
    const rejected = randomUUID();
    behaviour.set(rejected, { failTimes: 99, error: () => new ThingRejected('this thing is not acceptable') });
    await produceTogether(thing, [aThingHappened(rejected, 1), aThingHappened(thing, 2)]);

    await eventually(async () => expect(await effectsOf(thing)).toEqual([2]));
    const [parked] = await deadLetters.waitFor(withKey(thing));
    expect(parked!.headers[DeadLetterHeaders.errorType]).toBe('ThingRejected');
    expect(parked!.headers[DeadLetterHeaders.attempts]).toBe('1');
    // Handled once; in a shared transaction once more, alone, after the shared one rolled back.
    expect(attempts.get(rejected)).toBe(mode === 'a transaction per message' ? 1 : 2);
    expect(await effectsOf(rejected)).toEqual([]);
  });

  it('retries a handler whose database connection was terminated until it succeeds, applies it once and parks nothing', async () => {
    const thing = randomUUID();
    // A failover or an administrator ends the session under the handler's transaction: a real 57P01.
    behaviour.set(thing, { failTimes: 3, sabotage: (manager) => manager.query('SELECT pg_terminate_backend(pg_backend_pid())') });
    const first = aThingHappened(thing, 1);
    await produceEvent(first);
    await produceEvent(aThingHappened(thing, 2));

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 2]));
    expect(behaviour.get(thing)!.failTimes).toBe(0);
    expect(deadLetters.matching(withKey(thing))).toEqual([]);
    expect(stalledPartitions()).toEqual([]);
    const retried = logger.entries.filter(
      (entry) => (entry as { eventId?: string }).eventId === first.id && String((entry as { msg: string }).msg).startsWith('transient failure'),
    );
    expect(retried.length).toBeGreaterThan(0);
    expect(retried).toEqual(retried.map(() => expect.objectContaining({ errorClass: 'database_unavailable' })));
  });

  it('holds a partition on a message that keeps failing, reports why, handles the other partitions, and resumes in order', async () => {
    const stuck = randomUUID();
    const after = randomUUID();
    const elsewhere = randomUUID();
    behaviour.set(stuck, { failTimes: Number.POSITIVE_INFINITY, error: () => new Error('the ledger service is on fire') });
    await produceEvent(aThingHappened(stuck, 1), 0);
    await produceEvent(aThingHappened(after, 2), 0);

    const [stall] = await eventually(() => {
      const stalled = stalledPartitions().filter((s) => s.partition === 0);
      expect(stalled).toEqual([expect.objectContaining({ topic, errorClass: 'unknown', error: 'Error: the ledger service is on fire' })]);
      expect(stalled[0]!.attempts).toBeGreaterThanOrEqual(3);
      return stalled;
    });
    await produceEvent(aThingHappened(elsewhere, 3), 1);
    await eventually(async () => expect(await effectsOf(elsewhere)).toEqual([3]));
    expect(await effectsOf(after)).toEqual([]);
    expect(stalledPartitions().find((s) => s.partition === 0)?.since).toEqual(stall!.since);

    behaviour.set(stuck, { failTimes: 0 });
    await eventually(async () => expect([...(await effectsOf(stuck)), ...(await effectsOf(after))]).toEqual([1, 2]));
    const order: { thing_id: string }[] = await dataSource.query('SELECT thing_id FROM effects WHERE thing_id = ANY($1) ORDER BY id', [[stuck, after]]);
    expect(order.map((row) => row.thing_id)).toEqual([stuck, after]);
    expect(stalledPartitions()).toEqual([]);
    const keys: string[] = [stuck, after, elsewhere];
    expect(deadLetters.matching((m) => keys.includes(m.key ?? ''))).toEqual([]);
  });

  it('ignores event types it has no handler for', async () => {
    const thing = randomUUID();
    await produce(thing, JSON.stringify({ ...aThingHappened(thing, 9), type: 'platform.other-thing' }), {
      [EventHeaders.type]: 'platform.other-thing.v1',
    });
    await produceEvent(aThingHappened(thing, 1));
    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));
    expect(deadLetters.matching(withKey(thing))).toEqual([]);
  });

  /** Messages produced in one request, on one partition (one key): they arrive in one fetch. */
  async function produceTogether(key: string, envelopes: EventEnvelope[]): Promise<void> {
    await producer.send({ topic, acks: -1, messages: envelopes.map((envelope) => ({ ...thingMessage(topic, envelope), key })) });
  }

  it('applies the messages around a failing one once each and dead-letters only the failing one', async () => {
    const thing = randomUUID();
    const failing = randomUUID();
    // In a shared transaction the failure rolls back its neighbours' effects too: they must then be applied once, one at a time.
    behaviour.set(failing, { failTimes: 99, error: () => new ThingRejected('thing 3 is not acceptable') });
    await produceTogether(thing, [aThingHappened(thing, 1), aThingHappened(thing, 2), aThingHappened(failing, 3), aThingHappened(thing, 4), aThingHappened(thing, 5)]);

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 2, 4, 5]));
    const [parked] = await deadLetters.waitFor(withKey(thing));
    expect(parked!.headers[DeadLetterHeaders.errorType]).toBe('ThingRejected');
    expect(JSON.parse(parked!.value!).data).toEqual({ thingId: failing, sequence: 3 });
    expect(await effectsOf(failing)).toEqual([]);
  });

  it('retries a version conflict at once, in a shared transaction as a whole', async () => {
    const thing = randomUUID();
    const contended = randomUUID();
    behaviour.set(contended, { failTimes: 1, error: () => new ConcurrencyConflict('Thing', contended) });
    await produceTogether(thing, [aThingHappened(thing, 1), aThingHappened(contended, 2), aThingHappened(thing, 3)]);

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 3]));
    expect(await effectsOf(contended)).toEqual([2]);
    expect(attempts.get(contended)).toBe(2);
    const transactions: unknown[] = await dataSource.query('SELECT DISTINCT transaction_id FROM effects WHERE thing_id = ANY($1)', [[thing, contended]]);
    // Shared: the second try of the whole run commits all three; alone: each message its own.
    expect(transactions).toHaveLength(mode === 'a transaction per message' ? 3 : 1);
  });

  it(`commits messages handled together ${mode === 'a transaction per message' ? 'one by one' : 'in one transaction'}`, async () => {
    const thing = randomUUID();
    await produceTogether(
      thing,
      [1, 2, 3, 4, 5].map((sequence) => aThingHappened(thing, sequence)),
    );

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 2, 3, 4, 5]));
    const transactionIds: { transaction_id: string }[] = await dataSource.query('SELECT DISTINCT transaction_id FROM effects WHERE thing_id = $1', [thing]);
    expect(transactionIds).toHaveLength(mode === 'a transaction per message' ? 5 : 1);
  });
});
