import { Consumer, IHeaders, Kafka } from 'kafkajs';
import { deleteGroups } from './consumer-groups';
import { eventually } from './eventually';

/** A message as a test reads it: key, raw value, headers as strings and the body parsed when it is JSON. */
export interface TappedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
  /** The value parsed as JSON; undefined when it is not JSON. */
  readonly body: unknown;
}

/**
 * Reads a topic from its beginning in a consumer group of its own, so it also sees what was produced
 * before it joined, and keeps everything it read. Tests wait for what they expect with `waitFor`.
 */
export class TopicTap {
  readonly messages: TappedMessage[] = [];

  private constructor(
    private readonly kafka: Kafka,
    private readonly groupId: string,
    private readonly consumer: Consumer,
  ) {}

  static async start(kafka: Kafka, topic: string, groupId: string): Promise<TopicTap> {
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250 });
    const tap = new TopicTap(kafka, groupId, consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        const value = message.value?.toString('utf8') ?? null;
        tap.messages.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value, headers: asStrings(message.headers), body: parsed(value) });
      },
    });
    return tap;
  }

  /** What has been read so far that passes `match`. */
  matching(match: (message: TappedMessage) => boolean): TappedMessage[] {
    return this.messages.filter(match);
  }

  /** Waits until at least `count` messages pass `match` (failing after `timeoutMs`), and answers all that do. */
  waitFor(match: (message: TappedMessage) => boolean, options: { count?: number; timeoutMs?: number } = {}): Promise<TappedMessage[]> {
    const count = options.count ?? 1;
    return eventually(
      () => {
        const found = this.matching(match);
        if (found.length < count) throw new Error(`read ${found.length} of ${count} expected messages (${this.messages.length} in all)`);
        return found;
      },
      { timeoutMs: options.timeoutMs ?? 30_000 },
    );
  }

  /** Disconnects and removes its consumer group from the broker. */
  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await deleteGroups(this.kafka, [this.groupId]);
  }
}

/** Matches messages by key: `tap.waitFor(withKey(orderId))`. */
export const withKey =
  (key: string) =>
  (message: TappedMessage): boolean =>
    message.key === key;

/** Matches event messages whose data has `field` equal to `value`: `tap.waitFor(withData('orderId', orderId))`. */
export const withData =
  (field: string, value: unknown) =>
  (message: TappedMessage): boolean =>
    (message.body as { data?: Record<string, unknown> } | undefined)?.data?.[field] === value;

function asStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      const first = Array.isArray(value) ? value[0] : value;
      return first === undefined ? [] : [[name, first.toString()]];
    }),
  );
}

function parsed(value: string | null): unknown {
  try {
    return value === null ? undefined : JSON.parse(value);
  } catch {
    return undefined;
  }
}
