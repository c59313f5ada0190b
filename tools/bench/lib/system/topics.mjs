/** The declared topics under a run's own prefix, created and deleted with kafkajs. */
import kafkajs from 'kafkajs';
import { kafkaBrokers, loadStack } from '../../../stack/lib/config.mjs';
import { waitForLeaders } from '../../../stack/lib/kafka-admin.mjs';

export function kafkaClient() {
  return new kafkajs.Kafka({ clientId: 'bazaar-bench', brokers: kafkaBrokers(), logLevel: kafkajs.logLevel.NOTHING, retry: { retries: 3 } });
}

/** Creates every topic of docker/provisioning/stack.json as `<prefix><name>`, with its partitions and configs. */
export async function createTopics(admin, prefix) {
  const stack = loadStack();
  await admin.createTopics({
    waitForLeaders: false,
    topics: stack.topics.map((t) => ({
      topic: `${prefix}${t.name}`,
      numPartitions: t.partitions ?? stack.kafka.defaultPartitions ?? 6,
      replicationFactor: stack.kafka.replicationFactor ?? 1,
      configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
    })),
  });
  await waitForLeaders(
    admin,
    stack.topics.map((t) => `${prefix}${t.name}`),
  );
  return stack.topics.length;
}

/** Deletes only the topics and groups this run created. */
export async function deleteRunTopics(admin, prefix, groupIds) {
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
  if (topics.length) await admin.deleteTopics({ topics });
  await admin.deleteGroups(groupIds).catch(() => undefined);
}
