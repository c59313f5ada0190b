import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { IHeaders, Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Transactions } from '@bazaar/platform-database';
import { EventEnvelope, EventHeaders } from '@bazaar/published-language';
import { ConcurrencyConflict, DomainError } from '@bazaar/shared-kernel';
import {
  createTestDatabase, createTestTopics, deleteGroups, deleteTestTopics, eventually, TestDatabase, testKafka, TopicTap, uniqueName, withKey,
} from '@bazaar/platform-testing';
import { Inbox } from '../inbox/inbox';
import { migratedDataSource, RecordingLogger, testContract } from '../testing/fixtures';
import { DeadLetterHeaders } from './dead-letters';
import { inBatchTransaction, KafkaEventServer } from './kafka-event-server';
import { RethrowRpcErrors } from './rethrow-rpc-errors.filter';

class ThingRejected extends DomainError {
  readonly code = 'thing_rejected';
  readonly kind = 'invalid' as const;
}

/** What the test handler should do with a thing id; set per test. */
const behaviour = new Map<string, { failTimes: number; error: () => Error }>();
const attempts = new Map<string, number>();

let transactions: Transactions;
let inbox: Inbox;

async function onThing(envelope: EventEnvelope<{ thingId: string; sequence: number }>): Promise<void> {
  const { thingId, sequence } = envelope.data;
  attempts.set(thingId, (attempts.get(thingId) ?? 0) + 1);
  const plan = behaviour.get(thingId);
  if (plan && plan.failTimes > 0) {
    plan.failTimes -= 1;
    throw plan.error();
  }
  await inbox.once(envelope, () =>
    transactions.manager.query(
      'INSERT INTO effects (thing_id, sequence, event_id, transaction_id) VALUES ($1, $2, $3, txid_current())',
      [thingId, sequence, envelope.id],
    ),
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

@Module({ controllers: [ThingsConsumer] })
class ThingsModule {}

@Module({ controllers: [BatchedThingsConsumer] })
class BatchedThingsModule {}

// Every delivery rule must hold the same whether a handler has its own transaction or shares one.
describe.each([
  ['a transaction per message', ThingsModule],
  ['a transaction shared by consecutive messages', BatchedThingsModule],
])('KafkaEventServer with the inbox, %s (real PostgreSQL and Kafka)', (mode, module) => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let kafka: Kafka;
  let producer: Producer;
  let topic: string;
  let deadLetterTopic: string;
  let service: INestMicroservice;
  let deadLetters: TopicTap;
  const groupId = uniqueName('things');
  const contract = () => testContract(topic);

  function envelopeFor(thingId: string, sequence: number, id = randomUUID()): EventEnvelope {
    return {
      id, type: 'platform.thing-happened', version: 1, occurredAt: new Date().toISOString(), producer: 'platform-test',
      aggregateId: thingId, correlationId: randomUUID(), causationId: null, traceparent: null, tracestate: null,
      data: { thingId, sequence },
    };
  }

  async function produce(key: string, value: string, headers: IHeaders = {}): Promise<void> {
    await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
  }

  async function produceEvent(envelope: EventEnvelope): Promise<void> {
    await produce(envelope.aggregateId, JSON.stringify(envelope), {
      [EventHeaders.id]: envelope.id,
      [EventHeaders.type]: contract().wireType,
    });
  }

  async function effectsOf(thingId: string): Promise<number[]> {
    const rows: { sequence: number }[] = await dataSource.query('SELECT sequence FROM effects WHERE thing_id = $1 ORDER BY id', [thingId]);
    return rows.map((row) => row.sequence);
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = await migratedDataSource(db.url, [
      'CREATE TABLE effects (id bigserial PRIMARY KEY, thing_id text NOT NULL, sequence int NOT NULL, event_id uuid NOT NULL, transaction_id bigint NOT NULL)',
    ]);
    transactions = new Transactions(dataSource);
    inbox = new Inbox(transactions, 'platform-test.things');
    kafka = testKafka();
    [topic, deadLetterTopic] = (await createTestTopics(kafka, ['platform.things', 'platform.dead-letters'], 2)) as [string, string];
    producer = kafka.producer();
    await producer.connect();

    service = await NestFactory.createMicroservice(
      module,
      {
        strategy: new KafkaEventServer({
          kafka, groupId, topics: [topic], deadLetterTopic,
          maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 100, partitionsConsumedConcurrently: 2, logger: new RecordingLogger(),
          batchTransaction: { unitOfWork: transactions, maxMessages: 50 },
        }),
        logger: false,
      },
    );
    service.useGlobalFilters(new RethrowRpcErrors());
    await service.listen();

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
    const event = envelopeFor(thing, 1);
    await produceEvent(event);
    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));

    await produceEvent(event);
    await produceEvent(envelopeFor(thing, 2));
    // The later message on the same partition proves the duplicate before it was handled.
    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 2]));
  });

  it('dead-letters a malformed message with its error and keeps processing the partition', async () => {
    const thing = randomUUID();
    await produce(thing, 'this is not json {');
    await produceEvent(envelopeFor(thing, 1));

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
    await produceEvent(envelopeFor(thing, 1));

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));
    expect(attempts.get(thing)).toBe(3);
    expect(deadLetters.matching(withKey(thing))).toEqual([]);
  });

  it('dead-letters a broken rule without retrying it, and moves on', async () => {
    const thing = randomUUID();
    const rejected = randomUUID();
    behaviour.set(rejected, { failTimes: 99, error: () => new ThingRejected('this thing is not acceptable') });
    await produceTogether(thing, [envelopeFor(rejected, 1), envelopeFor(thing, 2)]);

    await eventually(async () => expect(await effectsOf(thing)).toEqual([2]));
    const [parked] = await deadLetters.waitFor(withKey(thing));
    expect(parked!.headers[DeadLetterHeaders.errorType]).toBe('ThingRejected');
    expect(parked!.headers[DeadLetterHeaders.attempts]).toBe('1');
    // Handled once; in a shared transaction once more, alone, after the shared one rolled back.
    expect(attempts.get(rejected)).toBe(mode === 'a transaction per message' ? 1 : 2);
    expect(await effectsOf(rejected)).toEqual([]);
  });

  it('dead-letters a message that keeps failing after the bounded attempts', async () => {
    const thing = randomUUID();
    behaviour.set(thing, { failTimes: 99, error: () => new Error('database is on fire') });
    await produceEvent(envelopeFor(thing, 1));

    const [parked] = await deadLetters.waitFor(withKey(thing));
    expect(parked!.headers[DeadLetterHeaders.attempts]).toBe('3');
    expect(parked!.headers[DeadLetterHeaders.error]).toBe('database is on fire');
    expect(await effectsOf(thing)).toEqual([]);
  });

  it('ignores event types it has no handler for', async () => {
    const thing = randomUUID();
    await produce(thing, JSON.stringify({ ...envelopeFor(thing, 9), type: 'platform.other-thing' }), {
      [EventHeaders.type]: 'platform.other-thing.v1',
    });
    await produceEvent(envelopeFor(thing, 1));
    await eventually(async () => expect(await effectsOf(thing)).toEqual([1]));
    expect(deadLetters.matching(withKey(thing))).toEqual([]);
  });

  /** Messages produced in one request, on one partition (one key): they arrive in one fetch. */
  async function produceTogether(key: string, envelopes: EventEnvelope[]): Promise<void> {
    await producer.send({
      topic, acks: -1,
      messages: envelopes.map((envelope) => ({
        key, value: JSON.stringify(envelope), headers: { [EventHeaders.id]: envelope.id, [EventHeaders.type]: contract().wireType },
      })),
    });
  }

  it('applies the messages around a failing one once each and dead-letters only the failing one', async () => {
    const thing = randomUUID();
    const failing = randomUUID();
    // In a shared transaction the failure rolls back its neighbours' effects too: they must then be applied once, one at a time.
    behaviour.set(failing, { failTimes: 99, error: () => new ThingRejected('thing 3 is not acceptable') });
    await produceTogether(thing, [envelopeFor(thing, 1), envelopeFor(thing, 2), envelopeFor(failing, 3), envelopeFor(thing, 4), envelopeFor(thing, 5)]);

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
    await produceTogether(thing, [envelopeFor(thing, 1), envelopeFor(contended, 2), envelopeFor(thing, 3)]);

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 3]));
    expect(await effectsOf(contended)).toEqual([2]);
    expect(attempts.get(contended)).toBe(2);
    const transactions: unknown[] = await dataSource.query('SELECT DISTINCT transaction_id FROM effects WHERE thing_id = ANY($1)', [[thing, contended]]);
    // Shared: the second try of the whole run commits all three; alone: each message its own.
    expect(transactions).toHaveLength(mode === 'a transaction per message' ? 3 : 1);
  });

  it(`commits messages handled together ${mode === 'a transaction per message' ? 'one by one' : 'in one transaction'}`, async () => {
    const thing = randomUUID();
    await produceTogether(thing, [1, 2, 3, 4, 5].map((sequence) => envelopeFor(thing, sequence)));

    await eventually(async () => expect(await effectsOf(thing)).toEqual([1, 2, 3, 4, 5]));
    const transactionIds: { transaction_id: string }[] = await dataSource.query('SELECT DISTINCT transaction_id FROM effects WHERE thing_id = $1', [thing]);
    expect(transactionIds).toHaveLength(mode === 'a transaction per message' ? 5 : 1);
  });
});
