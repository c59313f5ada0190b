/** Talks to the broker with kafkajs, the client the services use: readiness and declared topics. */
import { kafkaBrokers } from './config.mjs';
import { dep } from './deps.mjs';
import { ok, StackError, step, warn } from './log.mjs';
import { sleep } from './wait.mjs';

/**
 * Runs fn with a connected admin client. Quiet and non-retrying by default, so
 * a probe against a broker that is still starting fails fast and we poll instead.
 * @template T
 * @param {(admin: import('kafkajs').Admin) => Promise<T>} fn
 * @param {{ quiet?: boolean, retries?: number }} [o]
 * @returns {Promise<T>}
 */
export async function withAdmin(fn, { quiet = true, retries = 0 } = {}) {
  const { Kafka, logLevel } = dep('kafkajs');
  const kafka = new Kafka({
    clientId: 'bazaar-stack',
    brokers: kafkaBrokers(),
    connectionTimeout: 2000,
    requestTimeout: 10_000,
    retry: { retries },
    logLevel: quiet ? logLevel.NOTHING : logLevel.WARN,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    return await fn(admin);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** @returns {Promise<boolean>} whether the broker answers a describeCluster right now */
export async function kafkaAnswers() {
  try {
    const cluster = await withAdmin((a) => a.describeCluster());
    return cluster.brokers.length > 0;
  } catch {
    return false;
  }
}

/**
 * Polls until every partition of `topics` has a leader. kafkajs's own `waitForLeaders` gives up
 * when the broker answers its first metadata request with "does not host this topic-partition",
 * which it can do for a moment right after creating many topics.
 */
export async function waitForLeaders(admin, topics, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let waitingFor;
    try {
      const { topics: found } = await admin.fetchTopicMetadata({ topics });
      waitingFor = found.flatMap((t) => t.partitions.filter((p) => p.leader < 0).map((p) => `${t.name}[${p.partitionId}]`));
    } catch (error) {
      waitingFor = [String(error.message ?? error)];
    }
    if (waitingFor.length === 0) return;
    if (Date.now() > deadline) throw new StackError(`topics without a leader after ${timeoutMs / 1000}s: ${waitingFor.join(', ')}`);
    await sleep(100);
  }
}

/** @param {import('./config.mjs').Stack} stack */
function topicSpecs(stack) {
  return stack.topics.map((t) => ({
    topic: t.name,
    numPartitions: t.partitions ?? stack.kafka.defaultPartitions ?? 6,
    replicationFactor: stack.kafka.replicationFactor ?? 1,
    configEntries: Object.entries(t.config ?? {}).map(([name, value]) => ({ name, value: String(value) })),
  }));
}

/**
 * Creates the declared topics that are missing and brings the configs of
 * existing ones back to the declaration; a partition shortfall is reported
 * (partitions can only grow, and that changes key-to-partition mapping).
 */
export async function ensureTopics(stack) {
  const { ConfigResourceTypes, ConfigSource } = dep('kafkajs');
  const specs = topicSpecs(stack);
  await withAdmin(
    async (admin) => {
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((s) => !existing.has(s.topic));
      if (missing.length) {
        await admin.createTopics({ topics: missing, waitForLeaders: false });
        await waitForLeaders(
          admin,
          missing.map((s) => s.topic),
        );
      }
      const present = specs.filter((s) => existing.has(s.topic));
      let altered = 0;
      if (present.length) {
        const { topics } = await admin.fetchTopicMetadata({ topics: present.map((s) => s.topic) });
        for (const t of topics) {
          const want = specs.find((s) => s.topic === t.name).numPartitions;
          if (t.partitions.length < want) warn(`topic ${t.name} has ${t.partitions.length} partitions, stack.json declares ${want}`);
        }
        const { resources } = await admin.describeConfigs({
          includeSynonyms: false,
          resources: present.map((s) => ({ type: ConfigResourceTypes.TOPIC, name: s.topic })),
        });
        for (const r of resources) {
          const spec = present.find((s) => s.topic === r.resourceName);
          // Only per-topic overrides: 4.x also reports a cluster-level min.insync.replicas as non-default.
          const overrides = r.configEntries.filter((e) => e.configSource === ConfigSource.TOPIC_CONFIG);
          const actual = Object.fromEntries(overrides.map((e) => [e.configName, e.configValue]));
          const declared = Object.fromEntries(spec.configEntries.map((e) => [e.name, e.value]));
          if (JSON.stringify(Object.entries(actual).sort()) === JSON.stringify(Object.entries(declared).sort())) continue;
          // AlterConfigs (not incremental) replaces all overrides: the declaration is the whole truth.
          await admin.alterConfigs({ validateOnly: false, resources: [{ type: ConfigResourceTypes.TOPIC, name: spec.topic, configEntries: spec.configEntries }] });
          altered++;
        }
      }
      ok(`topics: ${missing.length} created, ${present.length} already present${altered ? `, ${altered} reconfigured` : ''}`);
    },
    { quiet: false, retries: 5 },
  );
}

/**
 * Deletes the declared topics and every consumer group, for a clean slate.
 * Deletion is asynchronous on the broker, so wait until the names are gone.
 */
export async function deleteTopicsAndGroups(stack) {
  const names = stack.topics.map((t) => t.name);
  await withAdmin(
    async (admin) => {
      const { groups } = await admin.listGroups();
      if (groups.length) {
        await admin.deleteGroups(groups.map((g) => g.groupId));
        step(`deleted ${groups.length} consumer group(s)`);
      }
      const existing = (await admin.listTopics()).filter((t) => names.includes(t));
      if (existing.length) await admin.deleteTopics({ topics: existing, timeout: 30_000 });
      for (let i = 0; i < 100; i++) {
        const left = (await admin.listTopics()).filter((t) => names.includes(t));
        if (left.length === 0) break;
        await sleep(200);
      }
      step(`deleted ${existing.length} topic(s)`);
    },
    { quiet: false, retries: 5 },
  );
}
