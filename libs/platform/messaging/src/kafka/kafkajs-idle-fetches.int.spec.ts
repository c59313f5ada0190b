import { randomUUID } from 'node:crypto';
import { setTimeout as observe } from 'node:timers/promises';
import { Consumer, Kafka, Producer } from 'kafkajs';
import { createTestTopics, deleteGroups, deleteTestTopics, eventually, testKafka, uniqueName } from '@bazaar/platform-testing';
import { paceIdleFetches } from './kafkajs-idle-fetches';

describe('kafkajs consumers pacing their fetches while idle (real Kafka)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let topic: string;
  let consumer: Consumer;
  const groupId = uniqueName('paced');
  const received: string[] = [];
  let fetches = 0;

  beforeAll(async () => {
    kafka = testKafka();
    [topic] = (await createTestTopics(kafka, ['platform.paced'], 2)) as [string];
    producer = kafka.producer();
    await producer.connect();
    expect(paceIdleFetches(groupId, 500)).toBe(true);
    // The services' batching wait: 16 KB or 25 ms, about 40 fetches a second when nothing comes.
    consumer = kafka.consumer({ groupId, minBytes: 16_384, maxWaitTimeInMs: 25 });
    consumer.on(consumer.events.FETCH, () => (fetches += 1));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void received.push(message.value?.toString() ?? '') });
    await eventually(() => expect(fetches).toBeGreaterThan(10), { timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await deleteGroups(kafka, [groupId]);
    await deleteTestTopics(kafka, [topic]);
  });

  it('fetches a few times a second while nothing arrives, and still receives what arrives then', async () => {
    const before = fetches;
    const quiet = Date.now();
    // A window to count fetches in, not a wait for anything to happen.
    await observe(3_000);
    // At most one fetch every 500 ms, however fast the machine (40 a second without the pacing).
    expect(fetches - before).toBeLessThanOrEqual(Math.ceil((Date.now() - quiet) / 500) + 1);

    const hello = randomUUID();
    await producer.send({ topic, acks: -1, messages: [{ value: hello }] });
    await eventually(() => expect(received).toContain(hello), { timeoutMs: 30_000 });
  });
});
