import { setTimeout as sleep } from 'node:timers/promises';
import { IHeaders, Producer, TopicMessages } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DatabaseTls, pgSsl } from '@bazaar/platform-database';
import { EventHeaders } from '@bazaar/published-language';
import { PlatformLogger } from '../logger';
import { OutboxMetrics } from '../observability';
import { endPublishSpans, startPublishSpan } from '../tracing';
import { OUTBOX_CHANNEL } from './outbox';

export interface OutboxRelayOptions {
  readonly dataSource: DataSource;
  /** Used for a dedicated LISTEN connection. */
  readonly databaseUrl: string;
  /** TLS for that connection, as the service's pool uses it. */
  readonly databaseTls?: DatabaseTls;
  /** An idempotent kafkajs producer; the relay connects it (again after a failed connect), so it starts while the broker is down. */
  readonly producer: Producer;
  /** Advisory lock key: one publisher per database at a time, whatever the number of replicas. */
  readonly lockKey: number;
  readonly batchSize: number;
  /** Fallback poll when no notification arrives (a missed NOTIFY, another replica's rows). */
  readonly pollIntervalMs: number;
  /** Published rows are kept this long for inspection, then purged. */
  readonly retentionHours: number;
  readonly logger: PlatformLogger;
  /** Counts what the broker acknowledged, by topic. */
  readonly metrics?: OutboxMetrics;
}

interface OutboxRow {
  position: string;
  event_id: string;
  event_type: string;
  topic: string;
  message_key: string;
  /** The envelope's JSON text, read as text: no parse and re-serialize per message; null for a tombstone (Outbox.appendTombstone). */
  payload: string | null;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to Kafka in position order and marks them only after the broker
 * acknowledged them (acks=all). A crash between the two re-sends the batch: consumers deduplicate
 * by event id, so the system is at-least-once and never loses an event.
 */
export class OutboxRelay {
  #running = false;
  #workSignalled = false;
  #wake: (() => void) | undefined;
  #loop: Promise<void> | undefined;
  #listener: Client | undefined;
  #relisten: NodeJS.Timeout | undefined;
  #producerConnected: Promise<void> | undefined;
  #lastPurge = 0;

  constructor(private readonly options: OutboxRelayOptions) {}

  async start(): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    await this.listen();
    this.#loop = this.run();
  }

  async stop(): Promise<void> {
    this.#running = false;
    clearTimeout(this.#relisten);
    this.#wake?.();
    await this.#loop;
    await this.#listener?.end().catch(() => undefined);
  }

  /** What waits to be published, in one cheap query (the partial index holds only unpublished rows): for metrics. */
  async stats(): Promise<{ backlog: number; oldestAgeSeconds: number }> {
    const [row] = (await this.options.dataSource.query(
      `SELECT count(*)::int AS backlog, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS oldest
         FROM outbox WHERE published_at IS NULL`,
    )) as { backlog: number; oldest: number }[];
    return { backlog: row?.backlog ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest ?? 0) };
  }

  /** Number of rows waiting to be published (for readiness and benchmarks). */
  async backlog(): Promise<number> {
    const [row] = await this.options.dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL');
    return (row as { n: number }).n;
  }

  /**
   * Publishes one batch if this replica wins the lock; returns how many rows it published. One
   * statement takes the lock, picks the oldest unpublished rows and marks them; the marks commit
   * only after the broker acknowledged the batch, so a failed send rolls them back (and a crash
   * before the commit re-sends: at-least-once). Another replica's tick finds the lock taken.
   *
   * The statement's snapshot is taken before the lock: a replica held up between the two can win
   * the lock just after another published and committed, while its snapshot still shows those
   * rows unpublished. `published_at IS NULL` on the UPDATE itself is re-checked against each row's
   * latest committed version (READ COMMITTED re-evaluates an UPDATE's condition on a row changed
   * since the snapshot), so such rows are skipped instead of sent twice.
   */
  async publishBatch(): Promise<number> {
    const { dataSource, producer, lockKey, batchSize } = this.options;
    return dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `WITH leader AS (SELECT pg_try_advisory_xact_lock($1) AS won)
         UPDATE outbox SET published_at = now()
          WHERE (SELECT won FROM leader) AND published_at IS NULL AND position IN (
            SELECT position FROM outbox WHERE published_at IS NULL ORDER BY position LIMIT $2)
          RETURNING position, event_id, event_type, topic, message_key, payload::text AS payload, headers`,
        [lockKey, batchSize],
      )) as [OutboxRow[], number];
      if (rows.length === 0) return 0;
      // RETURNING follows the scan, not the ORDER BY: restore position order (per key, it is the publish order).
      rows.sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
      // One publish span per row, continuing the trace the writer stored; consumers continue the span.
      const spans = rows.map((row) => {
        const { span, traceparent } = startPublishSpan({
          topic: row.topic,
          eventId: row.event_id,
          eventType: row.event_type,
          traceparent: row.headers[EventHeaders.traceparent],
          tracestate: row.headers[EventHeaders.tracestate],
        });
        if (traceparent) row.headers = { ...row.headers, [EventHeaders.traceparent]: traceparent };
        return span;
      });
      const topicMessages = toTopicMessages(rows);
      try {
        await producer.sendBatch({ topicMessages, acks: -1 });
      } catch (error) {
        endPublishSpans(spans, error);
        throw error;
      }
      endPublishSpans(spans);
      for (const { topic, messages } of topicMessages) this.options.metrics?.published(topic, messages.length);
      return rows.length;
    });
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (this.#running) {
      this.#workSignalled = false;
      let published: number;
      try {
        await this.connectProducer();
        published = await this.publishBatch();
        failures = 0;
        await this.purgeIfDue();
      } catch (error) {
        failures += 1;
        this.options.logger.warn({ msg: 'outbox relay batch failed; will retry', err: String(error), failures });
        await sleep(Math.min(100 * 2 ** failures, 5_000));
        continue;
      }
      if (published < this.options.batchSize && !this.#workSignalled) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollIntervalMs);
      const wake = done;
      this.#wake = wake;
      function done() {
        clearTimeout(timer);
        resolve();
      }
    });
  }

  private connectProducer(): Promise<void> {
    this.#producerConnected ??= this.options.producer.connect().catch((error: unknown) => {
      this.#producerConnected = undefined;
      throw error;
    });
    return this.#producerConnected;
  }

  /**
   * Keeps a connection LISTENing for the outbox trigger's notifications. Losing it (the database
   * restarted, an administrator terminated it) only slows the relay to its poll interval until it
   * is back: it reconnects after a few seconds, and a relay starts even when it cannot listen yet.
   */
  private async listen(): Promise<void> {
    const client = new Client({
      connectionString: this.options.databaseUrl,
      ssl: pgSsl(this.options.databaseTls),
      application_name: 'outbox-relay',
      connectionTimeoutMillis: 5_000,
    });
    client.on('notification', () => {
      this.#workSignalled = true;
      this.#wake?.();
    });
    const lost = (error?: unknown) => {
      if (this.#listener !== client) return;
      this.#listener = undefined;
      if (error) this.options.logger.warn({ msg: 'outbox LISTEN connection lost; polling until it is back', err: String(error) });
      void client.end().catch(() => undefined);
      this.relistenLater();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
      this.#listener = client;
      // Whatever was written while nobody listened is picked up now rather than at the next poll.
      this.#workSignalled = true;
      this.#wake?.();
    } catch (error) {
      this.options.logger.warn({ msg: 'outbox relay cannot LISTEN yet; polling until it can', err: String(error) });
      await client.end().catch(() => undefined);
      this.relistenLater();
    }
  }

  private relistenLater(): void {
    if (!this.#running) return;
    clearTimeout(this.#relisten);
    this.#relisten = setTimeout(() => void this.listen(), 2_000);
    this.#relisten.unref();
  }

  private async purgeIfDue(): Promise<void> {
    if (Date.now() - this.#lastPurge < 60_000) return;
    this.#lastPurge = Date.now();
    await this.options.dataSource.query(
      `DELETE FROM outbox WHERE position IN (
         SELECT position FROM outbox WHERE published_at < now() - make_interval(hours => $1) LIMIT 10000)`,
      [this.options.retentionHours],
    );
  }
}

function toTopicMessages(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, TopicMessages>();
  for (const row of rows) {
    const entry = byTopic.get(row.topic) ?? { topic: row.topic, messages: [] };
    entry.messages.push({
      key: row.message_key,
      value: row.payload,
      headers: row.headers as IHeaders,
    });
    byTopic.set(row.topic, entry);
  }
  return [...byTopic.values()];
}
