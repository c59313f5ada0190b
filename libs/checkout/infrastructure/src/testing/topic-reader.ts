import { Consumer, Kafka } from 'kafkajs';
import { uniqueName } from '@bazaar/platform-testing';

export interface ReadMessage {
  readonly key: string | null;
  readonly headers: Record<string, string>;
  readonly value: unknown;
}

/**
 * Reads a topic from its beginning with a consumer group of its own, so it sees messages produced
 * before it joined; tests filter what they read by aggregate id.
 */
export class TopicReader {
  readonly messages: ReadMessage[] = [];

  private constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly consumer: Consumer,
  ) {}

  static async start(kafka: Kafka, topic: string): Promise<TopicReader> {
    const groupId = uniqueName('checkout-test-reader');
    const consumer = kafka.consumer({ groupId });
    const reader = new TopicReader(kafka, groupId, consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)]));
        reader.messages.push({ key: message.key?.toString() ?? null, headers, value: JSON.parse(message.value?.toString() ?? 'null') });
      },
    });
    return reader;
  }

  about(aggregateId: string): ReadMessage[] {
    return this.messages.filter((message) => (message.value as { aggregateId?: string } | null)?.aggregateId === aggregateId);
  }

  /** Disconnects and removes its throw-away consumer group from the broker. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    await admin.deleteGroups([this.groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
