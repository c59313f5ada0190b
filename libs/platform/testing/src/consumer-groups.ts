import { Admin, AssignerProtocol, Kafka, RecordMetadata } from 'kafkajs';
import { eventually } from './eventually';

/** Runs `work` with a connected admin client, always disconnecting it. */
export async function withAdmin<T>(kafka: Kafka, work: (admin: Admin) => Promise<T>): Promise<T> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await work(admin);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Creates topics and waits until every partition has a leader. kafkajs's own `waitForLeaders`
 * gives up when the broker answers the first metadata request with "does not host this
 * topic-partition" (it can, for a moment, right after creating many); this polls until ready and
 * removes what it created if that never happens.
 */
export async function createTopicsReady(admin: Admin, topics: readonly string[], numPartitions: number): Promise<void> {
  await admin.createTopics({ waitForLeaders: false, topics: topics.map((topic) => ({ topic, numPartitions })) });
  try {
    await eventually(
      async () => {
        const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
        const leaderless = metadata.topics.flatMap((topic) =>
          topic.partitions.length < numPartitions ? [topic.name] : topic.partitions.filter((p) => p.leader < 0).map((p) => `${topic.name}[${p.partitionId}]`),
        );
        if (leaderless.length > 0) throw new Error(`no leader yet for ${leaderless.join(', ')}`);
      },
      { timeoutMs: 30_000, intervalMs: 100 },
    );
  } catch (error) {
    await admin.deleteTopics({ topics: [...topics] }).catch(() => undefined);
    throw error;
  }
}

/**
 * Waits until `group` has committed past the message `sent` (what `producer.send` answered): that
 * message has been handled and its transaction committed. How a test knows a duplicate was seen, and ignored.
 */
export async function consumedPast(kafka: Kafka, group: string, sent: RecordMetadata): Promise<void> {
  const { topicName: topic, partition, baseOffset } = sent;
  await withAdmin(kafka, (admin) =>
    eventually(
      async () => {
        const position = (await committedOffsets(admin, group, topic)).get(partition) ?? -1n;
        if (position <= BigInt(baseOffset ?? '-1')) throw new Error(`${group} is at ${position} on ${topic}[${partition}], not past ${baseOffset}`);
      },
      { timeoutMs: 30_000, intervalMs: 200 },
    ),
  );
}

/** Waits until `group` is caught up on `topic`: its committed offsets reach the high watermarks of every partition. */
export async function caughtUp(kafka: Kafka, group: string, topic: string): Promise<void> {
  await withAdmin(kafka, async (admin) => {
    const ends = await admin.fetchTopicOffsets(topic);
    await eventually(
      async () => {
        const committed = await committedOffsets(admin, group, topic);
        for (const end of ends) {
          // Nothing committed on a partition is caught up only if the partition holds nothing to read.
          const position = committed.get(end.partition) ?? BigInt(end.low);
          if (position < BigInt(end.high)) throw new Error(`${group} is at ${position} of ${end.high} on ${topic}[${end.partition}]`);
        }
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
  });
}

/** The partitions of `topic` each member of `group` holds, one list per member. */
export async function partitionsHeld(kafka: Kafka, group: string, topic: string): Promise<number[][]> {
  return withAdmin(kafka, async (admin) => {
    const { groups } = await admin.describeGroups([group]);
    return (groups[0]?.members ?? []).map((member) => AssignerProtocol.MemberAssignment.decode(member.memberAssignment)?.assignment[topic] ?? []);
  });
}

/** Waits until `group` has `members` members, each holding some partitions of `topic`: the group has balanced. */
export async function everyMemberHolds(kafka: Kafka, group: string, topic: string, members: number): Promise<void> {
  await eventually(
    async () => {
      const held = await partitionsHeld(kafka, group, topic);
      if (held.length !== members || held.some((partitions) => partitions.length === 0)) {
        throw new Error(`${members} members expected to share ${topic}, held: ${JSON.stringify(held)}`);
      }
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}

/** Removes consumer groups from the shared broker, ignoring those already gone or still in use. */
export async function deleteGroups(kafka: Kafka, groups: readonly string[]): Promise<void> {
  if (groups.length === 0) return;
  await withAdmin(kafka, (admin) => admin.deleteGroups([...groups])).catch(() => undefined);
}

/** The offsets `group` has committed on the partitions of `topic` (the next offset it will read), by partition. */
export async function committedOffsets(admin: Admin, group: string, topic: string): Promise<Map<number, bigint>> {
  const [committed] = await admin.fetchOffsets({ groupId: group, topics: [topic] });
  return new Map((committed?.partitions ?? []).filter((p) => p.offset !== '-1').map((p) => [p.partition, BigInt(p.offset)]));
}
