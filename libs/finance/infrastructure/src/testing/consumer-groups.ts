import { Kafka } from 'kafkajs';
import { eventually } from '@bazaar/platform-testing';

/**
 * Waits until `group` has committed past `offset` on a partition: the message there has been handled
 * and its transaction committed. How a test knows a duplicate was seen, and ignored.
 */
export async function consumedPast(kafka: Kafka, group: string, topic: string, partition: number, offset: string): Promise<void> {
  await withAdmin(kafka, (admin) =>
    eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        const position = committed?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
        if (BigInt(position) <= BigInt(offset)) throw new Error(`${group} is at ${position} on ${topic}[${partition}], not past ${offset}`);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    ),
  );
}

/** Waits until `group` has committed everything currently on `topic`. */
export async function consumedAll(kafka: Kafka, group: string, topic: string): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => {
        const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
        for (const end of ends) {
          const position = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          if (BigInt(position) < BigInt(end.high)) throw new Error(`${group} is at ${position} of ${end.high} on ${topic}[${end.partition}]`);
        }
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  });
}

/** Removes a test's consumer group from the shared broker once its members have left. */
export async function forgetGroup(kafka: Kafka, group: string): Promise<void> {
  await withAdmin(kafka, (admin) => admin.deleteGroups([group])).catch(() => undefined);
}

async function withAdmin<T>(kafka: Kafka, work: (admin: ReturnType<Kafka['admin']>) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}
