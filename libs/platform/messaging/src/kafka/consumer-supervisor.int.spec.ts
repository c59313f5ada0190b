import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Test } from '@nestjs/testing';
import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { EventEnvelope, EventHeaders } from '@bazaar/published-language';
import { createTestTopics, deleteGroups, deleteTestTopics, eventually, testKafka, uniqueName } from '@bazaar/platform-testing';
import { RecordingLogger } from '../testing/fixtures';
import { KafkaEventServer } from './kafka-event-server';
import { RethrowRpcErrors } from './rethrow-rpc-errors.filter';

const handled: string[] = [];

@Controller()
class RecordingConsumer {
  @EventPattern('platform.thing-happened.v1')
  onThing(@Payload() envelope: EventEnvelope) {
    handled.push(envelope.id);
  }
}

async function startService(kafka: Kafka, topics: { topic: string; deadLetterTopic: string }, groupId: string) {
  const server = new KafkaEventServer({
    kafka,
    groupId,
    topics: [topics.topic],
    deadLetterTopic: topics.deadLetterTopic,
    initialBackoffMs: 20,
    maxBackoffMs: 100,
    partitionsConsumedConcurrently: 1,
    logger: new RecordingLogger(),
    replaceConsumerAfterMs: 60_000,
  });
  const testing = await Test.createTestingModule({ controllers: [RecordingConsumer] }).compile();
  const service = testing.createNestMicroservice({ strategy: server, logger: false });
  service.useGlobalFilters(new RethrowRpcErrors());
  await service.listen();
  return { server, service };
}

describe('KafkaEventServer keeping its consumer alive (real Kafka)', () => {
  const kafka = testKafka();
  const groupId = uniqueName('supervised');
  let topic: string;
  let deadLetterTopic: string;
  let producer: Producer;
  let service: INestMicroservice | undefined;

  async function produceThing(): Promise<string> {
    const id = randomUUID();
    const envelope = {
      id,
      type: 'platform.thing-happened',
      version: 1,
      occurredAt: new Date().toISOString(),
      producer: 'platform-test',
      aggregateId: id,
      correlationId: id,
      causationId: null,
      traceparent: null,
      tracestate: null,
      data: { thingId: id, sequence: 1 },
    };
    await producer.send({ topic, acks: -1, messages: [{ key: id, value: JSON.stringify(envelope), headers: { [EventHeaders.type]: 'platform.thing-happened.v1' } }] });
    return id;
  }

  beforeAll(async () => {
    [topic, deadLetterTopic] = (await createTestTopics(kafka, ['platform.supervised', 'platform.supervised-dead-letters'], 1)) as [string, string];
    producer = kafka.producer();
    await producer.connect();
  });

  afterEach(async () => {
    await service?.close();
    service = undefined;
  });

  afterAll(async () => {
    await producer.disconnect();
    await deleteGroups(kafka, [groupId]);
    await deleteTestTopics(kafka, [topic, deadLetterTopic]);
  });

  it('notices a consumer that left its group without being asked and replaces it', async () => {
    const started = await startService(kafka, { topic, deadLetterTopic }, groupId);
    service = started.service;
    const status = started.server.consumerStatus;
    await eventually(() => expect(status.phase).toBe('consuming'), { timeoutMs: 30_000 });
    const before = await produceThing();
    await eventually(() => expect(handled).toContain(before));

    await started.server.unwrap<Consumer>().disconnect();

    await eventually(() => expect(status.snapshot()).toMatchObject({ phase: 'consuming', restarts: 1 }), { timeoutMs: 30_000 });
    const after = await produceThing();
    await eventually(() => expect(handled).toContain(after), { timeoutMs: 30_000 });
  });

  it('starts while the broker cannot be reached, and says so', async () => {
    const nowhere = new Kafka({ clientId: 'unreachable', brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING, retry: { retries: 0 } });
    const started = await startService(nowhere, { topic, deadLetterTopic }, uniqueName('unreachable'));
    service = started.service;

    await eventually(() => expect(started.server.consumerStatus.snapshot()).toMatchObject({ phase: 'down', lastCrash: { error: expect.stringContaining('ECONNREFUSED') } }));
  });
});
