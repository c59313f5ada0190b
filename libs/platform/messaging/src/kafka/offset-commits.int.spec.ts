import { randomUUID } from 'node:crypto';
import { Controller, INestMicroservice } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { Kafka, Producer } from 'kafkajs';
import { EventEnvelope } from '@bazaar/published-language';
import { committedOffsets, createTestTopics, deleteGroups, deleteTestTopics, eventually, testKafka, uniqueName, withAdmin } from '@bazaar/platform-testing';
import { aThingHappened, listening, quickRetries, RecordingLogger, thingMessage } from '../testing/fixtures';
import { KafkaEventServer } from './kafka-event-server';

const handled: string[] = [];

@Controller()
class ThingsConsumer {
  @EventPattern('platform.thing-happened.v1')
  onThing(@Payload() envelope: EventEnvelope<{ thingId: string; sequence: number }>) {
    handled.push(envelope.data.thingId);
  }
}

describe('KafkaEventServer committing its offsets once an interval (real Kafka)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let topic: string;
  let deadLetterTopic: string;
  let service: INestMicroservice | undefined;
  let server: KafkaEventServer;
  const groupId = uniqueName('commits');

  /** One message on the topic's only partition; answers its offset. */
  async function produceThing(thingId: string): Promise<bigint> {
    const [sent] = await producer.send({ topic, acks: -1, messages: [thingMessage(topic, aThingHappened(thingId, 1))] });
    return BigInt(sent?.baseOffset ?? '-1');
  }

  const committed = async (): Promise<bigint | undefined> => (await withAdmin(kafka, (admin) => committedOffsets(admin, groupId, topic))).get(0);
  const handledAll = (...things: string[]) => eventually(() => expect(handled).toEqual(expect.arrayContaining(things)), { timeoutMs: 30_000 });

  beforeAll(async () => {
    kafka = testKafka();
    [topic, deadLetterTopic] = (await createTestTopics(kafka, ['platform.commits', 'platform.commits-dead-letters'], 1)) as [string, string];
    producer = kafka.producer();
    await producer.connect();
    server = new KafkaEventServer({
      kafka,
      groupId,
      topics: [topic],
      deadLetterTopic,
      ...quickRetries,
      partitionsConsumedConcurrently: 1,
      // Longer than the test: only the first batch and the shutdown may commit.
      commitIntervalMs: 600_000,
      logger: new RecordingLogger(),
    });
    service = await listening(ThingsConsumer, server);
  });

  afterAll(async () => {
    await service?.close();
    await producer?.disconnect();
    await deleteGroups(kafka, [groupId]);
    await deleteTestTopics(kafka, [topic, deadLetterTopic]);
  });

  it('commits the first batch, leaves the next ones to the interval, and commits them all as it shuts down', async () => {
    const first = randomUUID();
    const firstOffset = await produceThing(first);
    await handledAll(first);
    await eventually(async () => expect(await committed()).toBe(firstOffset + 1n), { timeoutMs: 30_000 });

    const [second, third] = [randomUUID(), randomUUID()];
    await produceThing(second);
    const lastOffset = await produceThing(third);
    await handledAll(second, third);
    // Handled, yet not committed: the interval is not over.
    expect(await committed()).toBe(firstOffset + 1n);

    await service?.close();
    service = undefined;
    expect(await committed()).toBe(lastOffset + 1n);
  });
});
