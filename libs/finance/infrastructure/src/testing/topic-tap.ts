import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { uniqueName } from '@bazaar/platform-testing';
import { forgetGroup } from './consumer-groups';

/** Reads a whole topic from the beginning, in its own consumer group, and keeps what it saw. */
export class TopicTap {
  readonly messages: KafkaMessage[] = [];

  private constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly consumer: Consumer,
  ) {}

  static async start(kafka: Kafka, topic: string): Promise<TopicTap> {
    const groupId = uniqueName('tap');
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    const tap = new TopicTap(kafka, groupId, consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        tap.messages.push(message);
      },
    });
    return tap;
  }

  withKey(key: string): KafkaMessage[] {
    return this.messages.filter((message) => message.key?.toString() === key);
  }

  /** Messages whose JSON body passes `match` (bodies that are not JSON are skipped). */
  withBody(match: (body: { data?: Record<string, unknown> }) => boolean): { message: KafkaMessage; body: unknown }[] {
    return this.messages.flatMap((message) => {
      try {
        const body = JSON.parse(message.value?.toString() ?? 'null');
        return match(body ?? {}) ? [{ message, body }] : [];
      } catch {
        return [];
      }
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await forgetGroup(this.kafka, this.groupId);
  }
}
