/**
 * How far behind the pipeline is, sampled once a second: unpublished outbox rows per database and
 * consumer lag (log-end offset minus committed offset, summed over partitions) per consumer group.
 */
import { Sampler } from './sampler.mjs';
import { maxOf } from '../stats.mjs';

/**
 * @param {{ databases: Record<string, import('pg').Pool>, admin: import('kafkajs').Admin }} o
 * @param {Record<string, string>} groupIds context → its consumer group
 */
export function backlogSampler({ databases, admin }, groupIds, intervalMs = 1000) {
  const sampler = new Sampler(async () => {
    const [outbox, lag] = await Promise.all([outboxBacklog(databases), consumerLag(admin, groupIds)]);
    return { outbox, lag };
  }, intervalMs);
  sampler.summarize = (from, to) => summarizeBacklog(sampler.between(from, to));
  return sampler;
}

export async function outboxBacklog(databases) {
  const entries = await Promise.all(
    Object.entries(databases).map(async ([name, pool]) => {
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
      return [name, rows[0].n];
    }),
  );
  return Object.fromEntries(entries);
}

/**
 * Per group: the topics it has committed offsets on (whatever it consumes in this version of the
 * services), log-end offset minus committed offset summed over their partitions.
 */
export async function consumerLag(admin, groupIds) {
  const entries = await Promise.all(
    Object.entries(groupIds).map(async ([context, groupId]) => {
      const committed = await admin.fetchOffsets({ groupId });
      let lag = 0;
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const { partition, offset } of partitions) {
          const end = Number(ends.find((p) => p.partition === partition)?.high ?? 0);
          // -1 = nothing committed yet on this partition: everything on it is still to be read.
          lag += Math.max(0, end - Math.max(0, Number(offset)));
        }
      }
      return [context, lag];
    }),
  );
  return Object.fromEntries(entries);
}

/** Peak and last value of each series over a window. */
export function summarizeBacklog(samples) {
  const pick = (kind) => {
    const names = Object.keys(samples[0]?.[kind] ?? {});
    return Object.fromEntries(names.map((n) => [n, { max: maxOf(samples.map((s) => s[kind][n])), end: samples.at(-1)?.[kind][n] ?? null }]));
  };
  return { outbox: pick('outbox'), consumerLag: pick('lag') };
}
