import { Kafka } from 'kafkajs';
import { Client } from 'pg';
import { eventually } from '@bazaar/platform-testing';
import { http } from './http';
import { System } from './system';

/** Everything the three downstream contexts know about one order, through their public routes. */
export async function downstreamOf(system: System, orderId: string) {
  const [shipments, revenue, view] = await Promise.all([
    http('GET', `${system.url('fulfillment')}/shipments?orderId=${orderId}`),
    http('GET', `${system.url('finance')}/revenue-events?orderId=${orderId}`),
    http('GET', `${system.url('support')}/case-order-views/${orderId}`),
  ]);
  return { shipments: shipments.body.shipments as unknown[], revenueEvents: revenue.body.revenueEvents as unknown[], view: view.status === 200 ? view.body : undefined };
}

/** Waits until the order is complete in every downstream context and returns what they hold. */
export function fullyProjected(system: System, orderId: string, timeoutMs = 20_000) {
  return eventually(async () => {
    const state = await downstreamOf(system, orderId);
    expect(state.shipments).toHaveLength(1);
    expect(state.revenueEvents).toHaveLength(1);
    expect(state.view?.timeline).toHaveLength(3);
    return state;
  }, { timeoutMs });
}

/** Waits until every consumer group of the system has processed everything on `topics`. */
export async function consumersCaughtUp(kafka: Kafka, groups: readonly string[], topics: readonly string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await eventually(async () => {
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const groupId of groups) {
          const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
          for (const end of ends) {
            // A group that never committed on a partition reports -1: caught up only if it is empty.
            const offset = committed!.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
            const position = offset === '-1' ? '0' : offset;
            expect(`${groupId}/${topic}/${end.partition}@${position}`).toBe(`${groupId}/${topic}/${end.partition}@${end.high}`);
          }
        }
      }
    }, { timeoutMs: 30_000, intervalMs: 200 });
  } finally {
    await admin.disconnect();
  }
}

export async function countRows(databaseUrl: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query(sql, params);
    return Number(result.rows[0].count);
  } finally {
    await client.end();
  }
}
