import { randomUUID } from 'node:crypto';
import { IHeaders } from 'kafkajs';
import { declaredTopics, eventually } from '@bazaar/platform-testing';
import { System } from './system';

export interface TopicScan {
  /** Messages read, every declared topic of the system's namespace from its beginning to where it ended when the scan began. */
  readonly scanned: number;
  /** Each message whose key, value or headers (as text) mention one of the values: `topic[partition]@offset: …`. */
  readonly found: readonly string[];
}

const headersText = (headers: IHeaders | undefined) =>
  Object.entries(headers ?? {})
    .map(([name, value]) => `${name}=${Array.isArray(value) ? value.map(String).join(',') : String(value ?? '')}`)
    .join(' ');

/**
 * Reads every message on every topic the stack declares (in the system's namespace) from offset zero
 * up to each partition's end at the start of the scan — the events, the buyers' keys, the dead
 * letters — and reports those whose key, value or headers, read as UTF-8 text, contain any of `values`.
 */
export async function topicMessagesMentioning(system: System, values: readonly string[], timeoutMs = 60_000): Promise<TopicScan> {
  const topics = declaredTopics().map((name) => system.topics.topic(name));
  const admin = system.kafka.admin();
  await admin.connect();
  /** `topic:partition` → the last offset to read (the high watermark minus one); empty partitions are not waited for. */
  const pending = new Map<string, bigint>();
  try {
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) pending.set(`${topic}:${partition}`, BigInt(high) - 1n);
      }
    }
  } finally {
    await admin.disconnect();
  }
  const consumer = system.kafka.consumer({ groupId: system.topics.group(`topic-scan-${randomUUID()}`), maxWaitTimeInMs: 250 });
  let scanned = 0;
  const found: string[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const where = `${topic}:${partition}`;
        const last = pending.get(where);
        if (last === undefined || BigInt(message.offset) > last) return;
        scanned += 1;
        const text = [message.key?.toString('utf8') ?? '', message.value?.toString('utf8') ?? '', headersText(message.headers)].join(' ');
        if (values.some((value) => text.includes(value))) found.push(`${topic}[${partition}]@${message.offset}: ${text.slice(0, 300)}`);
        if (BigInt(message.offset) === last) pending.delete(where);
      },
    });
    await eventually(() => expect([...pending.keys()]).toEqual([]), { timeoutMs });
  } finally {
    await consumer.disconnect();
  }
  return { scanned, found };
}
